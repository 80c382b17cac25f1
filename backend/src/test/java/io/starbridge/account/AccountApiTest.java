package io.starbridge.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.starbridge.common.Db;
import io.starbridge.support.ApiTest;
import io.starbridge.support.TestClient;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class AccountApiTest extends ApiTest {
  @Inject Db db;

  private String type(TestClient.Response r) {
    return r.string("type");
  }

  @Nested
  class Registration {
    @Test
    void createsAnUnverifiedMemberWithAnArgon2idHashAndAnOutboxEvent() {
      String handle = uniqueHandle("reg");
      TestClient.Response r =
          client()
              .post(
                  "/api/v1/auth/register",
                  Map.of(
                      "handle",
                      handle,
                      "email",
                      handle + "@Example.ORG",
                      "password",
                      PASSWORD,
                      "displayName",
                      "星际旅人"));
      assertThat(r.status()).isEqualTo(201);
      assertThat(r.string("handle")).isEqualTo(handle);
      assertThat(r.string("email")).isEqualTo(handle + "@example.org");
      assertThat(r.get("emailVerified")).isEqualTo(false);
      assertThat(r.string("displayName")).isEqualTo("星际旅人");
      assertThat(r.get("trustLevel")).isEqualTo(0);
      assertThat(r.string("role")).isEqualTo("member");
      long id = ((Number) r.get("id")).longValue();
      String hash =
          db.one("select password_hash from users where id = ?", rs -> rs.getString(1), id)
              .orElseThrow();
      assertThat(hash).startsWith("$argon2id$");
      assertThat(
              db.count(
                  "select count(*) from outbox where event_type = 'UserRegistered' and aggregate_id = ?",
                  id))
          .isEqualTo(1);
      assertThat(mailLink(handle + "@example.org")).contains("/verify-email?token=");
    }

    @Test
    void handleIsStoredLowerCaseAndUniqueAcrossCase() {
      String handle = uniqueHandle("Case");
      TestClient c = client();
      assertThat(
              register(c, handle.toUpperCase(), handle + "@a.example", PASSWORD).string("handle"))
          .isEqualTo(handle.toLowerCase());
      TestClient.Response dup = register(c, handle.toLowerCase(), handle + "@b.example", PASSWORD);
      assertThat(dup.status()).isEqualTo(409);
      assertThat(dup.contentType()).startsWith("application/problem+json");
      assertThat(type(dup)).isEqualTo("/problems/conflict");
      assertThat(dup.string("errors.0.field")).isEqualTo("handle");
    }

    @Test
    void emailIsUniqueIgnoringCase() {
      String handle = uniqueHandle("mail");
      register(client(), handle, handle + "@example.org", PASSWORD);
      TestClient.Response dup =
          register(client(), handle + "x", handle.toUpperCase() + "@EXAMPLE.org", PASSWORD);
      assertThat(dup.status()).isEqualTo(409);
      assertThat(dup.string("errors.0.field")).isEqualTo("email");
    }

    @Test
    void reservedAndMalformedHandlesAreRejected() {
      TestClient.Response reserved =
          register(client(), "Admin", "x" + System.nanoTime() + "@example.org", PASSWORD);
      assertThat(reserved.status()).isEqualTo(400);
      assertThat(type(reserved)).isEqualTo("/problems/validation");
      assertThat(reserved.string("errors.0.code")).isEqualTo("reserved");
      TestClient.Response bad =
          register(client(), "no spaces!", "y" + System.nanoTime() + "@example.org", PASSWORD);
      assertThat(bad.status()).isEqualTo(400);
      assertThat(bad.string("errors.0.field")).isEqualTo("handle");
      TestClient.Response shortHandle =
          register(client(), "ab", "z" + System.nanoTime() + "@example.org", PASSWORD);
      assertThat(shortHandle.status()).isEqualTo(400);
    }

    @Test
    void weakPasswordsAreRejectedWithTheReason() {
      TestClient.Response common =
          register(client(), uniqueHandle("pw"), System.nanoTime() + "@example.org", "password123");
      assertThat(common.status()).isEqualTo(400);
      assertThat(common.string("errors.0.field")).isEqualTo("password");
      assertThat(common.string("errors.0.code")).isEqualTo("too_common");
      TestClient.Response shortPw =
          register(client(), uniqueHandle("pw"), System.nanoTime() + "@example.org", "Sh0rt!");
      assertThat(shortPw.status()).isEqualTo(400);
      assertThat(shortPw.string("errors.0.field")).isEqualTo("password");
      assertThat(shortPw.string("errors.0.code")).isEqualTo("too_short");
    }

    @Test
    void invalidEmailIsAFieldError() {
      TestClient.Response r = register(client(), uniqueHandle("em"), "not-an-email", PASSWORD);
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.string("errors.0.field")).isEqualTo("email");
    }
  }

  @Nested
  class EmailVerification {
    @Test
    void theLinkVerifiesOnceAndOnlyOnce() {
      String handle = uniqueHandle("ver");
      String email = handle + "@example.org";
      register(client(), handle, email, PASSWORD);
      String token = tokenOf(mailLink(email));
      TestClient.Response ok = client().post("/api/v1/auth/verify-email", Map.of("token", token));
      assertThat(ok.status()).isEqualTo(200);
      assertThat(ok.get("emailVerified")).isEqualTo(true);
      TestClient.Response again =
          client().post("/api/v1/auth/verify-email", Map.of("token", token));
      assertThat(again.status()).isEqualTo(400);
      assertThat(type(again)).isEqualTo("/problems/invalid-token");
    }

    @Test
    void anExpiredLinkIsRefused() {
      String handle = uniqueHandle("exp");
      String email = handle + "@example.org";
      TestClient.Response reg = register(client(), handle, email, PASSWORD);
      db.update(
          "update one_time_tokens set expires_at = now() - interval '1 minute' where user_id = ?",
          ((Number) reg.get("id")).longValue());
      TestClient.Response r =
          client().post("/api/v1/auth/verify-email", Map.of("token", tokenOf(mailLink(email))));
      assertThat(r.status()).isEqualTo(400);
      assertThat(type(r)).isEqualTo("/problems/invalid-token");
    }

    @Test
    void aSignedInUserCanAskForANewLink() {
      TestClient c = client();
      String handle = uniqueHandle("resend");
      register(c, handle, handle + "@example.org", PASSWORD);
      c.post("/api/v1/auth/login", Map.of("login", handle, "password", PASSWORD));
      String first = mailLink(handle + "@example.org");
      assertThat(c.post("/api/v1/auth/verify-email/resend", Map.of()).status()).isEqualTo(202);
      String second = mailLink(handle + "@example.org");
      assertThat(second).isNotEqualTo(first);
      // the older link stopped working when the new one was issued
      assertThat(
              client().post("/api/v1/auth/verify-email", Map.of("token", tokenOf(first))).status())
          .isEqualTo(400);
      assertThat(
              client().post("/api/v1/auth/verify-email", Map.of("token", tokenOf(second))).status())
          .isEqualTo(200);
    }
  }

  @Nested
  class SignIn {
    @Test
    void byHandleOrEmailSetsHttpOnlyCookiesAndAReadableCsrfCookie() {
      Account a = signedIn("login");
      TestClient c = client();
      TestClient.Response r =
          c.post(
              "/api/v1/auth/login", Map.of("login", a.email().toUpperCase(), "password", PASSWORD));
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.string("handle")).isEqualTo(a.handle());
      List<String> setCookies = r.headerValues("Set-Cookie");
      assertThat(setCookies)
          .anySatisfy(
              s ->
                  assertThat(s)
                      .startsWith("sb_session=")
                      .containsIgnoringCase("HttpOnly")
                      .containsIgnoringCase("SameSite=Lax"));
      assertThat(setCookies)
          .anySatisfy(
              s ->
                  assertThat(s)
                      .startsWith("sb_refresh=")
                      .containsIgnoringCase("HttpOnly")
                      .contains("Path=/api/v1/auth"));
      assertThat(c.cookie("sb_csrf")).isPresent();
      assertThat(
              setCookies.stream()
                  .filter(s -> s.startsWith("sb_csrf="))
                  .findFirst()
                  .orElse("sb_csrf"))
          .doesNotContainIgnoringCase("HttpOnly");
      assertThat(c.get("/api/v1/me").string("handle")).isEqualTo(a.handle());
    }

    @Test
    void aWrongPasswordIsRefusedWithoutSayingWhichPartWasWrong() {
      Account a = signedIn("wrong");
      TestClient.Response r =
          client()
              .post(
                  "/api/v1/auth/login",
                  Map.of("login", a.handle(), "password", "not the password at all"));
      assertThat(r.status()).isEqualTo(401);
      assertThat(type(r)).isEqualTo("/problems/invalid-credentials");
      TestClient.Response unknown =
          client()
              .post(
                  "/api/v1/auth/login",
                  Map.of("login", "nobody_" + System.nanoTime(), "password", "whatever1234"));
      assertThat(unknown.status()).isEqualTo(401);
      assertThat(unknown.string("detail")).isEqualTo(r.string("detail"));
    }

    @Test
    void fiveFailuresThrottleTheAccountWithRetryAfter() {
      Account a = signedIn("throttle");
      for (int i = 0; i < 5; i++) {
        assertThat(
                client()
                    .post(
                        "/api/v1/auth/login",
                        Map.of("login", a.handle(), "password", "wrong password " + i))
                    .status())
            .isEqualTo(401);
      }
      TestClient.Response blocked =
          client().post("/api/v1/auth/login", Map.of("login", a.handle(), "password", PASSWORD));
      assertThat(blocked.status()).isEqualTo(429);
      assertThat(type(blocked)).isEqualTo("/problems/rate-limited");
      assertThat(Long.parseLong(blocked.header("Retry-After").orElseThrow()))
          .isBetween(1L, 15 * 60L);
    }

    @Test
    void aSuspendedAccountCannotSignInAndItsSessionsStopWorking() {
      Account a = signedIn("susp");
      assertThat(a.client().get("/api/v1/me").status()).isEqualTo(200);
      db.update(
          "update users set status = 'suspended', status_until = now() + interval '3 days', status_reason = 'spam' where id = ?",
          a.id());
      assertThat(a.client().get("/api/v1/me").status()).isEqualTo(401);
      TestClient.Response r =
          client().post("/api/v1/auth/login", Map.of("login", a.handle(), "password", PASSWORD));
      assertThat(r.status()).isEqualTo(403);
      assertThat(type(r)).isEqualTo("/problems/account-suspended");
      assertThat(r.string("detail")).contains("spam");
      db.update("update users set status_until = now() - interval '1 second' where id = ?", a.id());
      assertThat(
              client()
                  .post("/api/v1/auth/login", Map.of("login", a.handle(), "password", PASSWORD))
                  .status())
          .isEqualTo(200);
    }
  }

  @Nested
  class Csrf {
    @Test
    void anUnsafeCookieRequestWithoutTheHeaderIsRefused() {
      Account a = signedIn("csrf");
      TestClient.Response r =
          a.client().withoutCsrf().patch("/api/v1/me", Map.of("displayName", "x"));
      assertThat(r.status()).isEqualTo(403);
      assertThat(type(r)).isEqualTo("/problems/csrf");
    }

    @Test
    void aWrongHeaderValueIsRefused() {
      Account a = signedIn("csrf2");
      TestClient.Response r =
          a.client()
              .withoutCsrf()
              .send(
                  "PATCH",
                  "/api/v1/me",
                  Map.of("displayName", "x"),
                  Map.of("X-CSRF-Token", "forged"));
      assertThat(r.status()).isEqualTo(403);
    }

    @Test
    void safeRequestsNeedNoHeader() {
      Account a = signedIn("csrf3");
      assertThat(a.client().withoutCsrf().get("/api/v1/me").status()).isEqualTo(200);
    }
  }

  @Nested
  class Sessions {
    @Test
    void refreshRotatesAndAReusedRefreshTokenRevokesTheFamily() {
      Account a = signedIn("refresh");
      String oldRefresh = a.client().cookie("sb_refresh").orElseThrow();
      TestClient.Response r = a.client().post("/api/v1/auth/refresh", Map.of());
      assertThat(r.status()).isEqualTo(200);
      String newRefresh = a.client().cookie("sb_refresh").orElseThrow();
      assertThat(newRefresh).isNotEqualTo(oldRefresh);
      assertThat(a.client().get("/api/v1/me").status()).isEqualTo(200);

      TestClient thief = client();
      thief.setCookie("sb_refresh", oldRefresh);
      thief.setCookie("sb_csrf", "t");
      TestClient.Response reuse =
          thief.send("POST", "/api/v1/auth/refresh", Map.of(), Map.of("X-CSRF-Token", "t"));
      assertThat(reuse.status()).isEqualTo(401);
      // the whole family is gone: the legitimate holder is signed out too
      assertThat(a.client().get("/api/v1/me").status()).isEqualTo(401);
      assertThat(a.client().post("/api/v1/auth/refresh", Map.of()).status()).isEqualTo(401);
    }

    @Test
    void logoutEndsTheSession() {
      Account a = signedIn("logout");
      String access = a.client().cookie("sb_session").orElseThrow();
      assertThat(a.client().post("/api/v1/auth/logout", Map.of()).status()).isEqualTo(204);
      assertThat(a.client().get("/api/v1/me").status()).isEqualTo(401);
      TestClient replay = client();
      replay.setCookie("sb_session", access);
      assertThat(replay.get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void meAnswers401WhenSignedOut() {
      TestClient.Response r = client().get("/api/v1/me");
      assertThat(r.status()).isEqualTo(401);
      assertThat(r.contentType()).startsWith("application/problem+json");
      assertThat(type(r)).isEqualTo("/problems/unauthorized");
    }
  }

  @Nested
  class Passwords {
    @Test
    void resetByMailChangesThePasswordAndSignsOutEverywhere() {
      Account a = signedIn("reset");
      assertThat(client().post("/api/v1/auth/password-reset", Map.of("email", a.email())).status())
          .isEqualTo(202);
      String token = tokenOf(mailLink(a.email()));
      String newPassword = "a brand new passphrase 7";
      assertThat(
              client()
                  .post(
                      "/api/v1/auth/password-reset/confirm",
                      Map.of("token", token, "password", newPassword))
                  .status())
          .isEqualTo(204);
      assertThat(a.client().get("/api/v1/me").status()).isEqualTo(401);
      assertThat(
              client()
                  .post("/api/v1/auth/login", Map.of("login", a.handle(), "password", PASSWORD))
                  .status())
          .isEqualTo(401);
      assertThat(
              client()
                  .post("/api/v1/auth/login", Map.of("login", a.handle(), "password", newPassword))
                  .status())
          .isEqualTo(200);
      TestClient.Response reused =
          client()
              .post(
                  "/api/v1/auth/password-reset/confirm",
                  Map.of("token", token, "password", "yet another passphrase 9"));
      assertThat(reused.status()).isEqualTo(400);
      assertThat(type(reused)).isEqualTo("/problems/invalid-token");
    }

    @Test
    void resetForAnUnknownEmailLooksTheSame() {
      assertThat(
              client()
                  .post(
                      "/api/v1/auth/password-reset",
                      Map.of("email", "nobody" + System.nanoTime() + "@example.org"))
                  .status())
          .isEqualTo(202);
    }

    @Test
    void anExpiredResetLinkIsRefused() {
      Account a = signedIn("resetexp");
      client().post("/api/v1/auth/password-reset", Map.of("email", a.email()));
      db.update(
          "update one_time_tokens set expires_at = now() - interval '1 second' where user_id = ? and purpose = 'password_reset'",
          a.id());
      TestClient.Response r =
          client()
              .post(
                  "/api/v1/auth/password-reset/confirm",
                  Map.of(
                      "token",
                      tokenOf(mailLink(a.email())),
                      "password",
                      "a brand new passphrase 7"));
      assertThat(r.status()).isEqualTo(400);
      assertThat(type(r)).isEqualTo("/problems/invalid-token");
    }

    @Test
    void changeNeedsTheCurrentPasswordAndRevokesOtherSessions() {
      Account a = signedIn("change");
      TestClient other = client();
      other.post("/api/v1/auth/login", Map.of("login", a.handle(), "password", PASSWORD));
      assertThat(other.get("/api/v1/me").status()).isEqualTo(200);

      TestClient.Response wrong =
          a.client()
              .put(
                  "/api/v1/me/password",
                  Map.of(
                      "currentPassword",
                      "nope nope nope",
                      "newPassword",
                      "another good passphrase"));
      assertThat(wrong.status()).isEqualTo(400);
      assertThat(wrong.string("errors.0.field")).isEqualTo("currentPassword");

      TestClient.Response weak =
          a.client()
              .put(
                  "/api/v1/me/password",
                  Map.of("currentPassword", PASSWORD, "newPassword", "qwertyuiop"));
      assertThat(weak.status()).isEqualTo(400);
      assertThat(weak.string("errors.0.field")).isEqualTo("newPassword");

      assertThat(
              a.client()
                  .put(
                      "/api/v1/me/password",
                      Map.of("currentPassword", PASSWORD, "newPassword", "another good passphrase"))
                  .status())
          .isEqualTo(204);
      assertThat(a.client().get("/api/v1/me").status()).isEqualTo(200);
      assertThat(other.get("/api/v1/me").status()).isEqualTo(401);
    }
  }

  @Nested
  class OwnAccount {
    @Test
    void displayNameAndLocaleCanBeChanged() {
      Account a = signedIn("patch");
      TestClient.Response r =
          a.client().patch("/api/v1/me", Map.of("displayName", "  刘 Cixin  ", "locale", "en"));
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.string("displayName")).isEqualTo("刘 Cixin");
      assertThat(r.string("locale")).isEqualTo("en");
      TestClient.Response bad = a.client().patch("/api/v1/me", Map.of("locale", "fr"));
      assertThat(bad.status()).isEqualTo(400);
      assertThat(bad.string("errors.0.field")).isEqualTo("locale");
    }

    @Test
    void deletionErasesPersonalDataAndKeepsTheRow() {
      Account a = signedIn("delete");
      assertThat(a.client().delete("/api/v1/me").status()).isEqualTo(204);
      assertThat(a.client().get("/api/v1/me").status()).isEqualTo(401);
      assertThat(
              client()
                  .post("/api/v1/auth/login", Map.of("login", a.email(), "password", PASSWORD))
                  .status())
          .isEqualTo(401);
      Map<String, Object> row =
          db.one(
                  "select handle, email, password_hash, display_name, status from users where id = ?",
                  rs ->
                      Map.<String, Object>of(
                          "handle",
                          rs.getString(1),
                          "email",
                          String.valueOf(rs.getString(2)),
                          "hash",
                          String.valueOf(rs.getString(3)),
                          "name",
                          rs.getString(4),
                          "status",
                          rs.getString(5)),
                  a.id())
              .orElseThrow();
      assertThat(row)
          .containsEntry("handle", "deleted_" + a.id())
          .containsEntry("email", "null")
          .containsEntry("hash", "null")
          .containsEntry("name", "deleted user")
          .containsEntry("status", "deleted");
      // the handle is free again? No: deleted handles are not reusable for impersonation, but the
      // original handle is released because the row now carries deleted_<id>.
      assertThat(register(client(), a.handle(), a.email(), PASSWORD).status()).isEqualTo(201);
    }
  }

  @Nested
  class PersonalAccessTokens {
    @Test
    void aTokenIsShownOnceAuthenticatesWithoutCsrfAndCanBeRevoked() {
      Account a = signedIn("pat");
      TestClient.Response created = a.client().post("/api/v1/me/tokens", Map.of("name", "CI bot"));
      assertThat(created.status()).isEqualTo(201);
      String token = created.string("token");
      assertThat(token).startsWith("sbp_");
      long id = ((Number) created.get("id")).longValue();

      TestClient.Response list = a.client().get("/api/v1/me/tokens");
      assertThat(list.items()).hasSize(1);
      assertThat(list.body()).doesNotContain(token);

      TestClient bot = client().withBearer(token).withoutCsrf();
      assertThat(bot.get("/api/v1/me").string("handle")).isEqualTo(a.handle());
      assertThat(bot.patch("/api/v1/me", Map.of("displayName", "bot")).status()).isEqualTo(200);
      // a token cannot mint more tokens
      assertThat(bot.post("/api/v1/me/tokens", Map.of("name", "more")).status()).isEqualTo(403);

      assertThat(a.client().delete("/api/v1/me/tokens/" + id).status()).isEqualTo(204);
      assertThat(bot.get("/api/v1/me").status()).isEqualTo(401);
      assertThat(a.client().delete("/api/v1/me/tokens/" + id).status()).isEqualTo(404);
    }

    @Test
    void aGarbageBearerTokenIsUnauthorized() {
      assertThat(client().withBearer("sbp_nonsense").get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void someoneElsesTokenIdIsNotFound() {
      Account a = signedIn("pata");
      Account b = signedIn("patb");
      long id =
          ((Number) a.client().post("/api/v1/me/tokens", Map.of("name", "mine")).get("id"))
              .longValue();
      assertThat(b.client().delete("/api/v1/me/tokens/" + id).status()).isEqualTo(404);
    }
  }

  @Nested
  class Administration {
    @Test
    void anAdminSetsRoleAndTrustLevelAndTheChangeIsAudited() {
      Account admin = signedIn("adm");
      db.update("update users set role = 'admin' where id = ?", admin.id());
      Account member = signedIn("mem");
      TestClient.Response r =
          admin
              .client()
              .patch(
                  "/api/v1/admin/users/" + member.handle(),
                  Map.of("role", "moderator", "trustLevel", 3, "reason", "helps a lot"));
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.string("role")).isEqualTo("moderator");
      assertThat(r.get("trustLevel")).isEqualTo(3);
      assertThat(
              db.count(
                  "select count(*) from audit_log where actor_id = ? and target_id = ? and action = 'update_user' and reason = 'helps a lot'",
                  admin.id(),
                  member.id()))
          .isEqualTo(1);
    }

    @Test
    void aMemberCannot() {
      Account member = signedIn("mem2");
      Account other = signedIn("mem3");
      TestClient.Response r =
          member.client().patch("/api/v1/admin/users/" + other.handle(), Map.of("role", "admin"));
      assertThat(r.status()).isEqualTo(403);
      assertThat(r.string("type")).isEqualTo("/problems/forbidden");
    }
  }
}
