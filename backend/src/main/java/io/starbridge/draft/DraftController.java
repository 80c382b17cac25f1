package io.starbridge.draft;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.starbridge.common.Page;
import io.starbridge.common.StandardProblems;
import io.starbridge.security.Actor;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** {@code /api/v1/drafts}: the caller's own composer drafts. */
@Controller("/api/v1/drafts")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Drafts")
@StandardProblems
class DraftController {
  private final Drafts drafts;

  DraftController(Drafts drafts) {
    this.drafts = drafts;
  }

  @Get("{?cursor,limit}")
  Page<DraftView> list(
      Actor actor, @Nullable @QueryValue String cursor, @Nullable @QueryValue Integer limit) {
    return drafts.mine(actor, cursor, limit);
  }

  @Get("/{key}")
  DraftView get(Actor actor, @PathVariable String key) {
    return drafts.get(actor, key);
  }

  @Put("/{key}")
  DraftView save(Actor actor, @PathVariable String key, @Valid @Body DraftRequests.Save body) {
    return drafts.save(actor, key, body);
  }

  @Delete("/{key}")
  @Status(HttpStatus.NO_CONTENT)
  void delete(Actor actor, @PathVariable String key) {
    drafts.delete(actor, key);
  }
}
