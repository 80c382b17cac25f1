package io.starbridge.media;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.starbridge.common.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

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

  @Get(
      value = "/{key}",
      produces = {"image/png", "image/jpeg"})
  @Operation(summary = "A stored image (avatar or cover)")
  HttpResponse<byte[]> get(@PathVariable String key) {
    if (!MediaStore.validKey(key)) {
      throw ApiException.notFound("Media");
    }
    byte[] bytes = store.get(key).orElseThrow(() -> ApiException.notFound("Media"));
    return HttpResponse.ok(bytes)
        .contentType(MediaType.of(MediaStore.contentType(key)))
        .header("Cache-Control", "public, max-age=31536000, immutable")
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Disposition", "inline");
  }
}
