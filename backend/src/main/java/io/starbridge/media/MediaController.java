package io.starbridge.media;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /media/{key}}: images we re-encoded, outside the API. A key never changes its bytes,
 * so responses are cached for a year; the content type comes from the key, never from an upload.
 */
@Controller("/media")
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "Media")
@io.starbridge.common.StandardProblems
class MediaController {
  private final MediaStore store;

  MediaController(MediaStore store) {
    this.store = store;
  }

  // Any Accept header: the answer is an image, or a plain-text 404.
  @Get(value = "/{key}", produces = MediaType.ALL)
  @Operation(summary = "A stored image (avatar or cover)")
  HttpResponse<byte[]> get(@PathVariable String key) {
    byte[] bytes = MediaStore.validKey(key) ? store.get(key).orElse(null) : null;
    if (bytes == null) {
      // Plain text whatever the Accept header: an <img> asks for images, a browser tab for HTML.
      return HttpResponse.<byte[]>status(HttpStatus.NOT_FOUND)
          .contentType(MediaType.TEXT_PLAIN_TYPE)
          .header("X-Content-Type-Options", "nosniff")
          .body("Not found".getBytes(StandardCharsets.UTF_8));
    }
    return HttpResponse.ok(bytes)
        .contentType(MediaType.of(MediaStore.contentType(key)))
        .header("Cache-Control", "public, max-age=31536000, immutable")
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Disposition", "inline");
  }
}
