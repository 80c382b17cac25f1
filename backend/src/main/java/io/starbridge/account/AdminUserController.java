package io.starbridge.account;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.starbridge.security.Actor;
import io.starbridge.security.Guardians;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** Admins set a user's role and trust level (audit-logged). */
@Controller("/api/v1/admin/users")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Administration")
@io.starbridge.common.StandardProblems
class AdminUserController {
  private final Accounts accounts;
  private final Guardians guardians;

  AdminUserController(Accounts accounts, Guardians guardians) {
    this.accounts = accounts;
    this.guardians = guardians;
  }

  @Patch("/{handle}")
  UserView update(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @PathVariable String handle,
      @Valid @Body Requests.AdminUpdateUser body) {
    guardians.of(actor).ensureAdmin();
    return accounts.adminUpdate(actor, handle, body);
  }
}
