package io.starbridge.profile;

import io.micronaut.transaction.TransactionOperations;
import io.starbridge.common.Db;
import io.starbridge.event.Outbox;
import io.starbridge.media.MediaUrls;
import io.starbridge.media.StoredImages;
import io.starbridge.security.Actor;
import io.starbridge.security.Guardian;
import io.starbridge.security.Guardians;
import io.starbridge.security.Limits;
import io.starbridge.security.RateLimiter;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.HashMap;
import java.util.Objects;

/**
 * Avatar and cover uploads: {@link StoredImages} checks, re-encodes and stores the image under a
 * fresh key before the short transaction that points the user at it; the previous files are removed
 * after commit.
 */
@Singleton
public class ProfileImages {
  private final StoredImages images;
  private final TransactionOperations<Connection> transactions;
  private final Db db;
  private final Guardians guardians;
  private final RateLimiter rateLimiter;
  private final Limits limits;
  private final Outbox outbox;

  ProfileImages(
      StoredImages images,
      TransactionOperations<Connection> transactions,
      Db db,
      Guardians guardians,
      Outbox outbox,
      RateLimiter rateLimiter,
      Limits limits) {
    this.images = images;
    this.transactions = transactions;
    this.db = db;
    this.guardians = guardians;
    this.outbox = outbox;
    this.rateLimiter = rateLimiter;
    this.limits = limits;
  }

  /** Returns the new avatar's (256 px) URL. */
  public String setAvatar(Actor actor, byte[] upload) {
    consumeUpload(actor);
    String base = images.storeAvatar(upload);
    images.removeAvatar(replaceKey(actor.id(), "avatar_key", base, "UserAvatarChanged"));
    return MediaUrls.avatar(base);
  }

  private void consumeUpload(Actor actor) {
    Guardian guardian = guardians.of(actor);
    guardian.ensureCanWrite();
    rateLimiter.consume(limits.forActor(limits.uploadsPerUser, guardian), guardian);
  }

  public void deleteAvatar(Actor actor) {
    guardians.of(actor).ensureSignedIn();
    images.removeAvatar(replaceKey(actor.id(), "avatar_key", null, "UserAvatarChanged"));
  }

  /** Returns the new cover's URL. */
  public String setCover(Actor actor, byte[] upload) {
    consumeUpload(actor);
    String key = images.storeCover(upload);
    images.remove(replaceKey(actor.id(), "cover_key", key, "UserCoverChanged"));
    return MediaUrls.of(key);
  }

  public void deleteCover(Actor actor) {
    guardians.of(actor).ensureSignedIn();
    images.remove(replaceKey(actor.id(), "cover_key", null, "UserCoverChanged"));
  }

  /** Points the user at {@code key} (or none) and returns the key it replaced. */
  private String replaceKey(long userId, String column, String key, String event) {
    return transactions.executeWrite(
        status -> {
          // The column is one of two fixed names, never input.
          String old =
              db.one(
                      "select " + column + " from users where id = ? for update",
                      rs -> rs.getString(1),
                      userId)
                  .orElse(null);
          db.update(
              "update users set " + column + " = ?, updated_at = now() where id = ?", key, userId);
          if (!Objects.equals(old, key)) {
            HashMap<String, Object> payload = new HashMap<>();
            payload.put("key", key);
            outbox.publish(event, "user", userId, userId, payload);
          }
          return old;
        });
  }
}
