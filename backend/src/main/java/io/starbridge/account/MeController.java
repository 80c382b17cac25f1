package io.starbridge.account;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.starbridge.security.Actor;
import io.starbridge.security.AuthCookies;
import io.starbridge.security.Guardians;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;

/** {@code /api/v1/me}: the caller's own account, password and personal access tokens. */
@Controller("/api/v1/me")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Accounts")
@io.starbridge.common.StandardProblems
class MeController {
  private final Accounts accounts;
  private final PersonalTokenService tokens;
  private final AuthCookies cookies;
  private final Guardians guardians;

  MeController(
      Accounts accounts, PersonalTokenService tokens, AuthCookies cookies, Guardians guardians) {
    this.accounts = accounts;
    this.tokens = tokens;
    this.cookies = cookies;
    this.guardians = guardians;
  }

  @Get
  UserView me(@io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor) {
    return accounts.me(actor);
  }

  @Patch
  UserView update(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @Valid @Body Requests.UpdateMe body) {
    return accounts.updateMe(actor, body);
  }

  @Delete
  HttpResponse<Void> delete(
      HttpRequest<?> request, @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor) {
    accounts.deleteMe(actor);
    MutableHttpResponse<Void> response = HttpResponse.noContent();
    cookies.clear(request, response);
    return response;
  }

  @Put("/password")
  @Status(HttpStatus.NO_CONTENT)
  void changePassword(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @Valid @Body Requests.ChangePassword body) {
    accounts.changePassword(actor, body);
  }

  @Serdeable
  record TokenList(List<PersonalTokenService.TokenView> items, String nextCursor) {}

  @Get("/tokens")
  TokenList listTokens(@io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor) {
    return new TokenList(tokens.list(actor), null);
  }

  @Post("/tokens")
  @Status(HttpStatus.CREATED)
  PersonalTokenService.CreatedToken createToken(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @Valid @Body Requests.CreateToken body) {
    guardians.of(actor).ensureSession();
    return tokens.create(actor, body);
  }

  @Delete("/tokens/{id}")
  @Status(HttpStatus.NO_CONTENT)
  void revokeToken(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor, @PathVariable long id) {
    tokens.revoke(actor, id);
  }
}
