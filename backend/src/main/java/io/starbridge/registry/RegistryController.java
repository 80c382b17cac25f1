package io.starbridge.registry;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.starbridge.common.Page;
import io.starbridge.common.StandardProblems;
import io.starbridge.registry.RegistryViews.Certificate;
import io.starbridge.registry.RegistryViews.DayView;
import io.starbridge.registry.RegistryViews.DraftRequest;
import io.starbridge.registry.RegistryViews.HeadView;
import io.starbridge.registry.RegistryViews.KeyView;
import io.starbridge.registry.RegistryViews.VerifyRequest;
import io.starbridge.registry.RegistryViews.VerifyResult;
import io.starbridge.security.Actor;
import io.starbridge.security.ClientIp;
import io.starbridge.security.Guardians;
import io.starbridge.security.RateLimiter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Duration;

/**
 * {@code /api/v1/registry}: the copyright registry's public key, chain head, daily heads,
 * certificates and verification (all public), and draft registration (signed in).
 */
@Controller("/api/v1/registry")
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "Registry")
@StandardProblems
class RegistryController {
  private final RegistryQueries queries;
  private final RegisterDraft registerDraft;
  private final Guardians guardians;
  private final RateLimiter rateLimiter;
  private final ClientIp clientIp;
  private final RateLimiter.Limit verifyPerIp;

  RegistryController(
      RegistryQueries queries,
      RegisterDraft registerDraft,
      Guardians guardians,
      RateLimiter rateLimiter,
      ClientIp clientIp,
      @Value("${starbridge.rate-limits.registry-verifications-per-minute:60}") long perMinute) {
    this.queries = queries;
    this.registerDraft = registerDraft;
    this.guardians = guardians;
    this.rateLimiter = rateLimiter;
    this.clientIp = clientIp;
    this.verifyPerIp = new RateLimiter.Limit("registry-verify", perMinute, Duration.ofMinutes(1));
  }

  @Get("/key")
  @Operation(summary = "The site's current Ed25519 public key (SPKI PEM) and every earlier one")
  KeyView key(@io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor) {
    return queries.key();
  }

  @Get("/head")
  @Operation(summary = "The latest entry of the chain (seq 0 and an all-zero hash when empty)")
  HeadView head(@io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor) {
    return queries.head();
  }

  @Get("/days{?cursor,limit}")
  @Operation(summary = "Each closed UTC day's chain head, newest first")
  Page<DayView> days(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @Nullable @QueryValue String cursor,
      @Nullable @QueryValue Integer limit) {
    return queries.days(cursor, limit);
  }

  @Get("/entries/{id}")
  @Operation(
      summary = "A registration certificate",
      description =
          "signedMessage is the exact UTF-8 text that signature (base64 Ed25519) covers;"
              + " entryHash is its SHA-256. Drafts show only hashes. workTitle and chapterTitle"
              + " are present only when the caller may read that work and chapter.")
  Certificate entry(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor, @PathVariable long id) {
    return queries.certificate(guardians.of(actor), id);
  }

  @Post("/verify")
  @Operation(
      summary = "Which entries match a text (whole or by paragraph) or a SHA-256 hash",
      description = "Give exactly one of text and hash (64 hex digits). Oldest entries first.")
  VerifyResult verify(
      HttpRequest<?> request,
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @Valid @Body VerifyRequest body) {
    rateLimiter.consume(verifyPerIp, clientIp.of(request));
    return new VerifyResult(queries.verify(body));
  }

  @Post("/drafts")
  @Secured(SecurityRule.IS_AUTHENTICATED)
  @Status(HttpStatus.CREATED)
  @Operation(
      summary = "Register a draft by its hash",
      description =
          "The text is canonicalized and hashed (whole and per paragraph) and never stored;"
              + " answers the new entry's certificate.")
  @ApiResponse(responseCode = "201", description = "Registered")
  Certificate registerDraft(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @Valid @Body DraftRequest body) {
    return registerDraft.call(guardians.of(actor), body.text());
  }
}
