package io.starbridge.account;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.starbridge.common.ApiException;
import io.starbridge.security.Actor;
import io.starbridge.security.AuthCookies;
import io.starbridge.security.ClientIp;
import io.starbridge.security.Guardians;
import io.starbridge.security.Limits;
import io.starbridge.security.RateLimiter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** {@code /api/v1/auth}: registration, verification, sign-in, refresh, sign-out, password reset. */
@Controller("/api/v1/auth")
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "Accounts")
@io.starbridge.common.StandardProblems
class AuthController {
  private final Accounts accounts;
  private final AuthCookies cookies;
  private final RateLimiter rateLimiter;
  private final Limits limits;
  private final ClientIp clientIp;
  private final Guardians guardians;

  AuthController(
      Accounts accounts,
      AuthCookies cookies,
      RateLimiter rateLimiter,
      Limits limits,
      ClientIp clientIp,
      Guardians guardians) {
    this.accounts = accounts;
    this.cookies = cookies;
    this.rateLimiter = rateLimiter;
    this.limits = limits;
    this.clientIp = clientIp;
    this.guardians = guardians;
  }

  @Post("/register")
  @Status(HttpStatus.CREATED)
  UserView register(HttpRequest<?> request, @Valid @Body Requests.Register body) {
    rateLimiter.consume(limits.registrationsPerIp, clientIp.of(request));
    return accounts.register(body);
  }

  @Post("/verify-email")
  UserView verifyEmail(@Valid @Body Requests.Token body) {
    return accounts.verifyEmail(body.token());
  }

  /** Sends a fresh verification link to the signed-in user. */
  @Post("/verify-email/resend")
  @Secured(SecurityRule.IS_AUTHENTICATED)
  @Status(HttpStatus.ACCEPTED)
  void resendVerification(@io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor) {
    rateLimiter.consume(limits.verificationMailsPerUser, Long.toString(actor.id()));
    accounts.resendVerification(actor);
  }

  @Post("/login")
  HttpResponse<UserView> login(HttpRequest<?> request, @Valid @Body Requests.Login body) {
    String ip = clientIp.of(request);
    String account = body.login().trim().toLowerCase(java.util.Locale.ROOT);
    rateLimiter.check(limits.loginFailuresPerIp, ip);
    rateLimiter.check(limits.loginFailuresPerAccount, account);
    var signedIn = accounts.login(body, request.getHeaders().get(HttpHeaders.USER_AGENT), ip);
    if (signedIn.isEmpty()) {
      rateLimiter.record(limits.loginFailuresPerIp, ip);
      rateLimiter.record(limits.loginFailuresPerAccount, account);
      throw new ApiException(
          io.starbridge.common.ProblemType.INVALID_CREDENTIALS, "Wrong handle, email or password");
    }
    rateLimiter.reset(limits.loginFailuresPerAccount, account);
    MutableHttpResponse<UserView> response = HttpResponse.ok(signedIn.get().user());
    cookies.set(request, response, signedIn.get().tokens());
    return response;
  }

  @Post("/refresh")
  HttpResponse<UserView> refresh(HttpRequest<?> request) {
    String token =
        request.getCookies().findCookie(AuthCookies.REFRESH).map(Cookie::getValue).orElse("");
    if (token.isBlank()) {
      throw ApiException.unauthorized();
    }
    var signedIn = accounts.refresh(token);
    MutableHttpResponse<UserView> response = HttpResponse.ok(signedIn.user());
    cookies.set(request, response, signedIn.tokens());
    return response;
  }

  @Post("/logout")
  HttpResponse<Void> logout(
      HttpRequest<?> request, @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor) {
    // The access cookie may have expired while the refresh token still lives: end both.
    String refresh =
        request.getCookies().findCookie(AuthCookies.REFRESH).map(Cookie::getValue).orElse(null);
    accounts.logout(actor, refresh);
    MutableHttpResponse<Void> response = HttpResponse.noContent();
    cookies.clear(request, response);
    return response;
  }

  @Post("/password-reset")
  @Status(HttpStatus.ACCEPTED)
  void requestPasswordReset(HttpRequest<?> request, @Valid @Body Requests.PasswordReset body) {
    rateLimiter.consume(limits.passwordResetsPerIp, clientIp.of(request));
    rateLimiter.consume(limits.passwordResetsPerEmail, AccountRules.normalizeEmail(body.email()));
    accounts.requestPasswordReset(body.email());
  }

  @Post("/password-reset/confirm")
  @Status(HttpStatus.NO_CONTENT)
  void confirmPasswordReset(@Valid @Body Requests.PasswordResetConfirm body) {
    accounts.confirmPasswordReset(body);
  }
}
