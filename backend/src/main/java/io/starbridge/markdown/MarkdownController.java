package io.starbridge.markdown;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.starbridge.security.Actor;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code /api/v1/markdown}: the editor's preview, rendered exactly as posting would store it. */
@Controller("/api/v1/markdown")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Markdown")
class MarkdownController {
  private final MarkdownRenderer markdown;

  MarkdownController(MarkdownRenderer markdown) {
    this.markdown = markdown;
  }

  @Serdeable
  record PreviewRequest(@NotNull @Size(max = 32000) String body) {}

  @Serdeable
  record Preview(String bodyHtml) {}

  @Post("/preview")
  Preview preview(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @Valid @Body PreviewRequest request) {
    return new Preview(markdown.cook(request.body()).html());
  }
}
