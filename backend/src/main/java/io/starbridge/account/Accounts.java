package io.starbridge.account;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.starbridge.common.ApiException;
import io.starbridge.common.Db;
import io.starbridge.common.FieldError;
import io.starbridge.common.ProblemType;
import io.starbridge.common.Texts;
import io.starbridge.event.Outbox;
import io.starbridge.mail.Mailer;
import io.starbridge.moderation.AuditLog;
import io.starbridge.profile.ProfileSettings;
import io.starbridge.security.Actor;
import io.starbridge.security.PasswordHasher;
import io.starbridge.security.SessionStore;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The account use-cases: register, verify, sign in, reset, change, delete. */
@Singleton
public class Accounts {
  static final Duration VERIFY_TTL = Duration.ofHours(48);
  static final Duration RESET_TTL = Duration.ofHours(1);

  private final Db db;
  private final Users users;
  private final AccountRules rules;
  private final PasswordHasher hasher;
  private final SessionStore sessions;
  private final OneTimeTokens oneTimeTokens;
  private final Mailer mailer;
  private final Outbox outbox;
  private final AuditLog audit;
  private final ProfileSettings profiles;
  private final String publicUrl;
  private final String adminEmail;

  public Accounts(
      Db db,
      Users users,
      AccountRules rules,
      PasswordHasher hasher,
      SessionStore sessions,
      OneTimeTokens oneTimeTokens,
      Mailer mailer,
      Outbox outbox,
      AuditLog audit,
      PublicUrl publicUrl,
      ProfileSettings profiles,
      @Nullable @Value("${starbridge.admin-email:}") String adminEmail) {
    this.db = db;
    this.users = users;
    this.rules = rules;
    this.hasher = hasher;
    this.sessions = sessions;
    this.oneTimeTokens = oneTimeTokens;
    this.mailer = mailer;
    this.outbox = outbox;
    this.audit = audit;
    this.profiles = profiles;
    this.publicUrl = publicUrl.get();
    this.adminEmail =
        adminEmail == null || adminEmail.isBlank() ? null : AccountRules.normalizeEmail(adminEmail);
  }

  // ---- registration and verification ------------------------------------------------------

  @Transactional
  public UserView register(Requests.Register req) {
    String handle = AccountRules.normalizeHandle(req.handle());
    String email = AccountRules.normalizeEmail(req.email());
    String displayName =
        req.displayName() == null || req.displayName().isBlank()
            ? handle
            : Texts.clean(req.displayName());
    List<FieldError> errors = new ArrayList<>();
    errors.addAll(rules.checkHandle(handle));
    errors.addAll(rules.checkEmail(email));
    errors.addAll(rules.checkPassword("password", req.password(), handle, email));
    if (Texts.hasForbiddenControlChars(displayName)) {
      errors.add(FieldError.of("displayName", "invalid", "contains invalid characters"));
    }
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
    if (users.handleTaken(handle)) {
      throw ApiException.conflict(
          "This handle is taken", FieldError.of("handle", "taken", "is already taken"));
    }
    if (users.emailTaken(email)) {
      throw ApiException.conflict(
          "An account with this email exists",
          FieldError.of("email", "taken", "is already registered"));
    }
    String locale = req.locale() == null ? "zh-CN" : req.locale();
    long id =
        db.insertReturningId(
            "insert into users (handle, email, password_hash, display_name, locale) values (?, ?, ?, ?, ?) returning id",
            handle,
            email,
            hasher.hash(req.password()),
            displayName,
            locale);
    outbox.publish("UserRegistered", "user", id, id, Map.of("handle", handle));
    sendVerification(id, email, locale, displayName);
    return users.byId(id).orElseThrow().view();
  }

  private void sendVerification(long userId, String email, String locale, String name) {
    String token = oneTimeTokens.issue(userId, OneTimeTokens.Purpose.VERIFY_EMAIL, VERIFY_TTL);
    String link = publicUrl + "/verify-email?token=" + token;
    boolean zh = locale.startsWith("zh");
    String subject = zh ? "验证你在星桥的邮箱" : "Verify your email for Starbridge";
    String text =
        zh
            ? name
                + "，你好！\n\n请打开以下链接验证邮箱（48 小时内有效）：\n"
                + link
                + "\n\n如果不是你本人注册，请忽略此邮件。\n— 星桥 Starbridge"
            : "Hello "
                + name
                + ",\n\nOpen this link to verify your email (valid for 48 hours):\n"
                + link
                + "\n\nIf you did not sign up, ignore this message.\n— Starbridge";
    mailer.send(email, subject, text, List.of(link));
  }

  @Transactional
  public void resendVerification(Actor actor) {
    Users.User user = users.byId(actor.id()).orElseThrow(ApiException::unauthorized);
    if (user.emailVerifiedAt() != null) {
      throw ApiException.conflict("Your email is already verified");
    }
    sendVerification(user.id(), user.email(), user.locale(), user.displayName());
  }

  @Transactional
  public UserView verifyEmail(String token) {
    long userId =
        oneTimeTokens
            .consume(token, OneTimeTokens.Purpose.VERIFY_EMAIL)
            .orElseThrow(
                () ->
                    new ApiException(
                        ProblemType.INVALID_TOKEN,
                        "This verification link is invalid, used or expired"));
    db.update(
        "update users set email_verified_at = coalesce(email_verified_at, now()), updated_at = now() where id = ?",
        userId);
    outbox.publish("UserEmailVerified", "user", userId, userId, Map.of());
    Users.User user =
        users
            .byId(userId)
            .orElseThrow(
                () -> new ApiException(ProblemType.INVALID_TOKEN, "This account no longer exists"));
    promoteConfiguredAdmin(user);
    return users.byId(userId).orElseThrow().view();
  }

  /** STARBRIDGE_ADMIN_EMAIL: the account with that verified email is an admin. */
  @Transactional
  public void promoteConfiguredAdmin(Users.User user) {
    if (adminEmail != null
        && adminEmail.equals(user.email())
        && user.emailVerifiedAt() != null
        && !"admin".equals(user.role())) {
      db.update("update users set role = 'admin', updated_at = now() where id = ?", user.id());
      audit.record(
          null,
          "grant_role",
          "user",
          user.id(),
          "STARBRIDGE_ADMIN_EMAIL",
          Map.of("role", user.role()),
          Map.of("role", "admin"));
      outbox.publish("UserRoleChanged", "user", user.id(), null, Map.of("role", "admin"));
    }
  }

  /** At start-up: promote an already verified account named by STARBRIDGE_ADMIN_EMAIL. */
  @Transactional
  public void promoteConfiguredAdminAtStartup() {
    if (adminEmail != null) {
      users.byEmail(adminEmail).ifPresent(this::promoteConfiguredAdmin);
    }
  }

  // ---- sign in and sessions -----------------------------------------------------------

  public record SignedIn(UserView user, SessionStore.Issued tokens) {}

  /** Checks the password; the caller has applied the throttles. Empty when the login is wrong. */
  @Transactional
  public Optional<SignedIn> login(Requests.Login req, String userAgent, String ip) {
    Optional<Users.User> found = users.byLogin(req.login());
    String stored = found.map(Users.User::passwordHash).orElse(null);
    if (!hasher.verify(req.password(), stored)) {
      return Optional.empty();
    }
    Users.User user = found.get();
    if (SessionStore.isLockedOut(user.status(), user.statusUntil())) {
      String until =
          user.statusUntil() == null ? "until further notice" : "until " + user.statusUntil();
      String reason = user.statusReason() == null ? "" : " Reason: " + user.statusReason();
      throw new ApiException(
          ProblemType.ACCOUNT_SUSPENDED, "This account is suspended " + until + "." + reason);
    }
    if (hasher.needsRehash(stored)) {
      db.update(
          "update users set password_hash = ? where id = ?",
          hasher.hash(req.password()),
          user.id());
    }
    SessionStore.Issued issued = sessions.open(user.id(), userAgent, ip);
    return Optional.of(new SignedIn(user.view(), issued));
  }

  /** Not one transaction: a detected reuse must revoke the family even though we answer 401. */
  public SignedIn refresh(String refreshToken) {
    SessionStore.RefreshResult result = sessions.refresh(refreshToken);
    if (result instanceof SessionStore.RefreshResult.Rotated rotated) {
      Users.User user = users.byId(rotated.userId()).orElseThrow(ApiException::unauthorized);
      return new SignedIn(user.view(), rotated.tokens());
    }
    boolean reuse = ((SessionStore.RefreshResult.Rejected) result).reuseDetected();
    throw new ApiException(
        ProblemType.UNAUTHORIZED,
        reuse
            ? "This session was ended because its refresh token was used twice. Sign in again."
            : "Your session has ended. Sign in again.");
  }

  @Transactional
  public void logout(Actor actor, String refreshToken) {
    if (actor.sessionId() != null) {
      sessions.revoke(actor.sessionId());
    }
    if (refreshToken != null && !refreshToken.isBlank()) {
      sessions.revokeByRefreshToken(refreshToken);
    }
  }

  // ---- password reset ------------------------------------------------------------------

  /** Always "accepted": whether the address has an account is not revealed. */
  @Transactional
  public void requestPasswordReset(String rawEmail) {
    String email = AccountRules.normalizeEmail(rawEmail);
    users
        .byEmail(email)
        .ifPresent(
            user -> {
              String token =
                  oneTimeTokens.issue(user.id(), OneTimeTokens.Purpose.PASSWORD_RESET, RESET_TTL);
              String link = publicUrl + "/reset-password?token=" + token;
              boolean zh = user.locale().startsWith("zh");
              mailer.send(
                  user.email(),
                  zh ? "重置你在星桥的密码" : "Reset your Starbridge password",
                  zh
                      ? user.displayName()
                          + "，你好！\n\n请打开以下链接设置新密码（1 小时内有效，仅可使用一次）：\n"
                          + link
                          + "\n\n如果你没有申请重置密码，请忽略此邮件，你的密码不会改变。\n— 星桥 Starbridge"
                      : "Hello "
                          + user.displayName()
                          + ",\n\nOpen this link to choose a new password (valid for 1 hour, once):\n"
                          + link
                          + "\n\nIf you did not ask for this, ignore this message; your password stays as it is.\n— Starbridge",
                  List.of(link));
            });
  }

  @Transactional
  public void confirmPasswordReset(Requests.PasswordResetConfirm req) {
    long userId =
        oneTimeTokens
            .consume(req.token(), OneTimeTokens.Purpose.PASSWORD_RESET)
            .orElseThrow(
                () ->
                    new ApiException(
                        ProblemType.INVALID_TOKEN, "This reset link is invalid, used or expired"));
    Users.User user =
        users
            .byIdForUpdate(userId)
            .orElseThrow(
                () -> new ApiException(ProblemType.INVALID_TOKEN, "This account no longer exists"));
    List<FieldError> errors =
        rules.checkPassword("password", req.password(), user.handle(), user.email());
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
    // Following the emailed link proves the address too.
    db.update(
        "update users set password_hash = ?, email_verified_at = coalesce(email_verified_at, now()), updated_at = now() where id = ?",
        hasher.hash(req.password()),
        userId);
    sessions.revokeAllOf(userId, null);
    outbox.publish("UserPasswordReset", "user", userId, userId, Map.of());
  }

  // ---- own account --------------------------------------------------------------------

  public UserView me(Actor actor) {
    return users.byId(actor.id()).orElseThrow(ApiException::unauthorized).view();
  }

  @Transactional
  public UserView updateMe(Actor actor, Requests.UpdateMe req) {
    if (req.displayName() != null) {
      String name = Texts.clean(req.displayName());
      if (name.isEmpty() || Texts.hasForbiddenControlChars(name)) {
        throw ApiException.invalid(
            "displayName", "invalid", "must not be empty or contain control characters");
      }
      db.update(
          "update users set display_name = ?, updated_at = now() where id = ?", name, actor.id());
    }
    if (req.locale() != null) {
      db.update(
          "update users set locale = ?, updated_at = now() where id = ?", req.locale(), actor.id());
    }
    profiles.update(actor.id(), req.profile());
    outbox.publish("UserUpdated", "user", actor.id(), actor.id(), Map.of());
    return me(actor);
  }

  @Transactional
  public void changePassword(Actor actor, Requests.ChangePassword req) {
    Users.User user = users.byIdForUpdate(actor.id()).orElseThrow(ApiException::unauthorized);
    if (!hasher.verify(req.currentPassword(), user.passwordHash())) {
      throw ApiException.invalid("currentPassword", "wrong", "is not your current password");
    }
    List<FieldError> errors =
        rules.checkPassword("newPassword", req.newPassword(), user.handle(), user.email());
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
    db.update(
        "update users set password_hash = ?, updated_at = now() where id = ?",
        hasher.hash(req.newPassword()),
        user.id());
    // Everyone else signed in as this user is signed out; this session stays.
    sessions.revokeAllOf(user.id(), actor.sessionId());
    outbox.publish("UserPasswordChanged", "user", user.id(), user.id(), Map.of());
  }

  /**
   * Erases personal data (email, password, name, tokens, sessions) and keeps the row, so content
   * stays attributed to a "deleted user".
   */
  @Transactional
  public void deleteMe(Actor actor) {
    long id = actor.id();
    users.byIdForUpdate(id).orElseThrow(ApiException::unauthorized);
    db.update(
        """
        update users set handle = ?, email = null, email_verified_at = null, password_hash = null,
               display_name = 'deleted user', status = 'deleted', status_until = null, status_reason = null,
               bio = null, bio_html = null, disciplines = '{}', fields = '{}', affiliation = null,
               languages = '{}', links = '[]', location = null, avatar_key = null, cover_key = null,
               badges = '{}', deleted_at = now(), updated_at = now()
         where id = ?
        """,
        "deleted_" + id,
        id);
    sessions.revokeAllOf(id, null);
    db.update("delete from personal_tokens where user_id = ?", id);
    db.update("delete from one_time_tokens where user_id = ?", id);
    // Nobody follows, or is followed by, a deleted user.
    db.update("delete from user_follows where follower_id = ? or followee_id = ?", id, id);
    outbox.publish("UserDeleted", "user", id, id, Map.of());
  }

  // ---- administration -------------------------------------------------------------------

  @Transactional
  public UserView adminUpdate(Actor admin, String handle, Requests.AdminUpdateUser req) {
    Users.User user =
        users
            .byHandle(AccountRules.normalizeHandle(handle))
            .orElseThrow(() -> ApiException.notFound("User"));
    Map<String, Object> before = Map.of("role", user.role(), "trustLevel", user.trustLevel());
    if (req.role() != null && !req.role().equals(user.role())) {
      if (user.id() == admin.id() && !"admin".equals(req.role())) {
        throw ApiException.conflict("You cannot remove your own admin role");
      }
      db.update(
          "update users set role = ?, updated_at = now() where id = ?", req.role(), user.id());
    }
    if (req.trustLevel() != null && req.trustLevel() != user.trustLevel()) {
      db.update(
          "update users set trust_level = ?, updated_at = now() where id = ?",
          req.trustLevel(),
          user.id());
    }
    Users.User after = users.byId(user.id()).orElseThrow();
    audit.record(
        admin.id(),
        "update_user",
        "user",
        user.id(),
        req.reason(),
        before,
        Map.of("role", after.role(), "trustLevel", after.trustLevel()));
    outbox.publish(
        "UserRoleChanged",
        "user",
        user.id(),
        admin.id(),
        Map.of("role", after.role(), "trustLevel", after.trustLevel()));
    return after.view();
  }

  /** The command-line way to grant a role (no HTTP, no session: whoever runs it owns the host). */
  @Transactional
  public UserView grantRole(String handle, String role) {
    Users.User user =
        users
            .byHandle(AccountRules.normalizeHandle(handle))
            .orElseThrow(() -> new IllegalArgumentException("No user with handle " + handle));
    db.update("update users set role = ?, updated_at = now() where id = ?", role, user.id());
    audit.record(
        null,
        "grant_role",
        "user",
        user.id(),
        "command line",
        Map.of("role", user.role()),
        Map.of("role", role));
    outbox.publish("UserRoleChanged", "user", user.id(), null, Map.of("role", role));
    return users.byId(user.id()).orElseThrow().view();
  }
}
