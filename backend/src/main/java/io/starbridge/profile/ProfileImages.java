package io.starbridge.profile;

import io.micronaut.transaction.TransactionOperations;
import io.starbridge.event.Outbox;
import io.starbridge.media.ImagePipeline;
import io.starbridge.media.MediaStore;
import io.starbridge.media.MediaUrls;
import io.starbridge.security.Actor;
import io.starbridge.security.Guardians;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.sql.Connection;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Avatar and cover uploads. The image is checked and re-encoded ({@link ImagePipeline}) and stored
 * under a fresh random key before the short transaction that points the user at it; the previous
 * files are removed after commit. Keys never change their bytes, so they are cached forever.
 */
@Singleton
public class ProfileImages {
  private static final Logger LOG = LoggerFactory.getLogger(ProfileImages.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ImagePipeline pipeline;
  private final MediaStore store;
  private final TransactionOperations<Connection> transactions;
  private final io.starbridge.common.Db db;
  private final Guardians guardians;
  private final Outbox outbox;

  ProfileImages(
      ImagePipeline pipeline,
      MediaStore store,
      TransactionOperations<Connection> transactions,
      io.starbridge.common.Db db,
      Guardians guardians,
      Outbox outbox) {
    this.pipeline = pipeline;
    this.store = store;
    this.transactions = transactions;
    this.db = db;
    this.guardians = guardians;
    this.outbox = outbox;
  }

  /** Returns the new avatar's (256 px) URL. */
  public String setAvatar(Actor actor, byte[] upload) {
    guardians.of(actor).ensureCanWrite();
    ImagePipeline.Avatar avatar = pipeline.avatar(upload);
    String base = "av-" + randomId();
    store.put(base + "-256.png", avatar.large());
    store.put(base + "-64.png", avatar.small());
    String old = replaceKey(actor.id(), "avatar_key", base, "UserAvatarChanged");
    removeAvatar(old);
    return MediaUrls.avatar(base);
  }

  public void deleteAvatar(Actor actor) {
    guardians.of(actor).ensureSignedIn();
    removeAvatar(replaceKey(actor.id(), "avatar_key", null, "UserAvatarChanged"));
  }

  /** Returns the new cover's URL. */
  public String setCover(Actor actor, byte[] upload) {
    guardians.of(actor).ensureCanWrite();
    byte[] cover = pipeline.cover(upload);
    String key = "cv-" + randomId() + ".jpg";
    store.put(key, cover);
    remove(replaceKey(actor.id(), "cover_key", key, "UserCoverChanged"));
    return MediaUrls.of(key);
  }

  public void deleteCover(Actor actor) {
    guardians.of(actor).ensureSignedIn();
    remove(replaceKey(actor.id(), "cover_key", null, "UserCoverChanged"));
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
          if (!java.util.Objects.equals(old, key)) {
            java.util.HashMap<String, Object> payload = new java.util.HashMap<>();
            payload.put("key", key);
            outbox.publish(event, "user", userId, userId, payload);
          }
          return old;
        });
  }

  private void removeAvatar(String base) {
    if (base != null) {
      remove(base + "-256.png");
      remove(base + "-64.png");
    }
  }

  private void remove(String key) {
    if (key == null) {
      return;
    }
    try {
      store.delete(key);
    } catch (RuntimeException e) {
      // An orphaned file costs disk space only; the user already points elsewhere.
      LOG.warn("Could not delete media {}: {}", key, e.toString());
    }
  }

  private static String randomId() {
    byte[] bytes = new byte[12];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
