package io.starbridge.profile;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.starbridge.common.Page;
import io.starbridge.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The admins' queue of verification requests, and badge revocation. */
@Controller("/api/v1/admin")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Administration")
@io.starbridge.common.StandardProblems
class AdminVerificationController {
  private final Verifications verifications;

  AdminVerificationController(Verifications verifications) {
    this.verifications = verifications;
  }

  @Get("/verifications")
  @Operation(summary = "Verification requests by state (pending: oldest first)")
  Page<Verifications.QueueItem> queue(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @Nullable @QueryValue String state,
      @Nullable @QueryValue Integer limit,
      @Nullable @QueryValue String cursor) {
    return verifications.queue(actor, state, limit, cursor);
  }

  @Post("/verifications/{id}/decision")
  @Operation(summary = "Approve (adds the badge) or decline a pending request; audit-logged")
  Verifications.QueueItem decide(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @PathVariable long id,
      @Body Verifications.DecisionBody body) {
    return verifications.decide(actor, id, body);
  }

  @Delete("/users/{handle}/badges/{badge}")
  @Status(HttpStatus.NO_CONTENT)
  @Operation(summary = "Revoke a verified badge; audit-logged")
  void revoke(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @PathVariable String handle,
      @PathVariable String badge) {
    verifications.revoke(actor, handle, badge);
  }
}
