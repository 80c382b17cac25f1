package io.starbridge.security;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;

/** The site's rate limits; each is configurable (see README). */
@Singleton
public class Limits {
  public final RateLimiter.Limit loginFailuresPerAccount;
  public final RateLimiter.Limit loginFailuresPerIp;
  public final RateLimiter.Limit registrationsPerIp;
  public final RateLimiter.Limit passwordResetsPerEmail;
  public final RateLimiter.Limit passwordResetsPerIp;
  public final RateLimiter.Limit verificationMailsPerUser;
  public final RateLimiter.Limit topicsPerUser;
  public final RateLimiter.Limit postsPerUser;
  public final RateLimiter.Limit editsPerUser;
  public final RateLimiter.Limit reactionsPerUser;

  public Limits(
      @Value("${starbridge.rate-limits.login-failures-per-account:5}") long loginAccount,
      @Value("${starbridge.rate-limits.login-failures-per-ip:30}") long loginIp,
      @Value("${starbridge.rate-limits.login-window:15m}") Duration loginWindow,
      @Value("${starbridge.rate-limits.registrations-per-ip-per-hour:20}") long registerIp,
      @Value("${starbridge.rate-limits.password-resets-per-hour:5}") long resetsPerEmail,
      @Value("${starbridge.rate-limits.topics-per-hour:10}") long topicsPerHour,
      @Value("${starbridge.rate-limits.posts-per-hour:60}") long postsPerHour,
      @Value("${starbridge.rate-limits.edits-per-hour:60}") long editsPerHour,
      @Value("${starbridge.rate-limits.reactions-per-hour:300}") long reactionsPerHour) {
    this.loginFailuresPerAccount =
        new RateLimiter.Limit("login-account", loginAccount, loginWindow);
    this.loginFailuresPerIp = new RateLimiter.Limit("login-ip", loginIp, loginWindow);
    this.registrationsPerIp = new RateLimiter.Limit("register-ip", registerIp, Duration.ofHours(1));
    this.passwordResetsPerEmail =
        new RateLimiter.Limit("reset-email", resetsPerEmail, Duration.ofHours(1));
    this.passwordResetsPerIp =
        new RateLimiter.Limit("reset-ip", resetsPerEmail * 4, Duration.ofHours(1));
    this.verificationMailsPerUser = new RateLimiter.Limit("verify-mail", 5, Duration.ofHours(1));
    this.topicsPerUser = new RateLimiter.Limit("topics", topicsPerHour, Duration.ofHours(1));
    this.postsPerUser = new RateLimiter.Limit("posts", postsPerHour, Duration.ofHours(1));
    this.editsPerUser = new RateLimiter.Limit("edits", editsPerHour, Duration.ofHours(1));
    this.reactionsPerUser =
        new RateLimiter.Limit("reactions", reactionsPerHour, Duration.ofHours(1));
  }
}
