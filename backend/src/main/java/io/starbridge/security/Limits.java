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
  public final RateLimiter.Limit reportsPerUser;
  public final RateLimiter.Limit followsPerUser;
  public final RateLimiter.Limit groupJoinsPerUser;
  public final RateLimiter.Limit uploadsPerUser;
  public final RateLimiter.Limit inquiriesPerUser;
  public final RateLimiter.Limit inquiryMessagesPerUser;

  /** Every write from one address, whoever signs it (a spam farm with many fresh accounts). */
  public final RateLimiter.Limit writesPerIp;

  /** Trust level 0 ("new user") takes these tighter buckets instead (see {@link #forActor}). */
  public final RateLimiter.Limit newUserTopics;

  public final RateLimiter.Limit newUserPosts;
  public final RateLimiter.Limit newUserEdits;
  public final RateLimiter.Limit newUserReactions;
  public final RateLimiter.Limit newUserReports;

  public Limits(
      @Value("${starbridge.rate-limits.login-failures-per-account:5}") long loginAccount,
      @Value("${starbridge.rate-limits.login-failures-per-ip:30}") long loginIp,
      @Value("${starbridge.rate-limits.login-window:15m}") Duration loginWindow,
      @Value("${starbridge.rate-limits.registrations-per-ip-per-hour:20}") long registerIp,
      @Value("${starbridge.rate-limits.password-resets-per-hour:5}") long resetsPerEmail,
      @Value("${starbridge.rate-limits.topics-per-hour:10}") long topicsPerHour,
      @Value("${starbridge.rate-limits.posts-per-hour:60}") long postsPerHour,
      @Value("${starbridge.rate-limits.edits-per-hour:60}") long editsPerHour,
      @Value("${starbridge.rate-limits.reactions-per-hour:300}") long reactionsPerHour,
      @Value("${starbridge.rate-limits.reports-per-hour:30}") long reportsPerHour,
      @Value("${starbridge.rate-limits.follows-per-hour:120}") long followsPerHour,
      @Value("${starbridge.rate-limits.group-joins-per-hour:30}") long joinsPerHour,
      @Value("${starbridge.rate-limits.uploads-per-hour:30}") long uploadsPerHour,
      @Value("${starbridge.rate-limits.inquiries-per-hour:5}") long inquiriesPerHour,
      @Value("${starbridge.rate-limits.inquiry-messages-per-hour:30}") long inquiryMessagesPerHour,
      @Value("${starbridge.rate-limits.writes-per-ip-per-hour:600}") long writesPerIpPerHour,
      @Value("${starbridge.rate-limits.new-user-divisor:4}") long newUserDivisor) {
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
    this.reportsPerUser = new RateLimiter.Limit("reports", reportsPerHour, Duration.ofHours(1));
    this.followsPerUser = new RateLimiter.Limit("follows", followsPerHour, Duration.ofHours(1));
    this.groupJoinsPerUser = new RateLimiter.Limit("joins", joinsPerHour, Duration.ofHours(1));
    this.uploadsPerUser = new RateLimiter.Limit("uploads", uploadsPerHour, Duration.ofHours(1));
    this.inquiriesPerUser =
        new RateLimiter.Limit("inquiries", inquiriesPerHour, Duration.ofHours(1));
    this.inquiryMessagesPerUser =
        new RateLimiter.Limit("inquiry-messages", inquiryMessagesPerHour, Duration.ofHours(1));
    this.writesPerIp = new RateLimiter.Limit("writes-ip", writesPerIpPerHour, Duration.ofHours(1));
    long d = Math.max(1, newUserDivisor);
    this.newUserTopics = tighter(topicsPerUser, d);
    this.newUserPosts = tighter(postsPerUser, d);
    this.newUserEdits = tighter(editsPerUser, d);
    this.newUserReactions = tighter(reactionsPerUser, d);
    this.newUserReports = tighter(reportsPerUser, d);
  }

  private static RateLimiter.Limit tighter(RateLimiter.Limit limit, long divisor) {
    return new RateLimiter.Limit(
        "tl0-" + limit.name(), Math.max(1, limit.capacity() / divisor), limit.period());
  }

  /** The bucket a limit means for this actor: new users (trust level 0) take the tighter one. */
  public RateLimiter.Limit forActor(RateLimiter.Limit limit, Guardian guardian) {
    if (!guardian.isNewUser()) {
      return limit;
    }
    if (limit == topicsPerUser) {
      return newUserTopics;
    }
    if (limit == postsPerUser) {
      return newUserPosts;
    }
    if (limit == editsPerUser) {
      return newUserEdits;
    }
    if (limit == reactionsPerUser) {
      return newUserReactions;
    }
    return limit == reportsPerUser ? newUserReports : limit;
  }
}
