package io.starbridge.profile;

import io.micronaut.transaction.TransactionOperations;
import io.starbridge.common.Db;
import io.starbridge.event.Outbox;
import io.starbridge.media.MediaUrls;
import io.starbridge.media.StoredImages;
import io.starbridge.security.Actor;
import io.starbridge.security.Guardians;
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
  private final Outbox outbox;

  ProfileImages(
      StoredImages images,
      TransactionOperations<Connection> transactions,
      Db db,
      Guardians guardians,
      Outbox outbox) {
    this.images = images;
    this.transactions = transactions;
    this.db = db;
    this.guardians = guardians;
    this.outbox = outbox;
  }

  /** Returns the new avatar's (256 px) URL. */
  public String setAvatar(Actor actor, byte[] upload) {
    guardians.of(actor).ensureCanWrite();
    String base = images.storeAvatar(upload);
    images.removeAvatar(replaceKey(actor.id(), "avatar_key", base, "UserAvatarChanged"));
    return MediaUrls.avatar(base);
  }

  public void deleteAvatar(Actor actor) {
    guardians.of(actor).ensureSignedIn();
    images.removeAvatar(replaceKey(actor.id(), "avatar_key", null, "UserAvatarChanged"));
  }

  /** Returns the new cover's URL. */
  public String setCover(Actor actor, byte[] upload) {
    guardians.of(actor).ensureCanWrite();
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
