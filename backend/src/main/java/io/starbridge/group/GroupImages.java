package io.starbridge.group;

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
import java.util.Map;
import java.util.Objects;

/**
 * A group's avatar: checked, re-encoded and stored by {@link StoredImages} before the short
 * transaction that points the group at it; the replaced files are removed after commit. Whoever may
 * edit the group may change it.
 */
@Singleton
class GroupImages {
  private final StoredImages images;
  private final GroupLookup groups;
  private final Guardians guardians;
  private final RateLimiter rateLimiter;
  private final Limits limits;
  private final TransactionOperations<Connection> transactions;
  private final Db db;
  private final Outbox outbox;

  GroupImages(
      StoredImages images,
      GroupLookup groups,
      Guardians guardians,
      TransactionOperations<Connection> transactions,
      Db db,
      Outbox outbox,
      RateLimiter rateLimiter,
      Limits limits) {
    this.images = images;
    this.groups = groups;
    this.guardians = guardians;
    this.transactions = transactions;
    this.db = db;
    this.outbox = outbox;
    this.rateLimiter = rateLimiter;
    this.limits = limits;
  }

  /** Returns the new avatar's (256 px) URL. */
  String setAvatar(Actor actor, String slug, byte[] upload) {
    Guardian guardian = guardians.of(actor);
    // Checked before the (slow) image work, and again under the row lock.
    guardian.ensureCanEdit(groups.requireBySlug(slug));
    rateLimiter.consume(limits.forActor(limits.uploadsPerUser, guardian), guardian);
    String base = images.storeAvatar(upload);
    String old;
    try {
      old = replace(actor, slug, base);
    } catch (RuntimeException e) {
      images.removeAvatar(base);
      throw e;
    }
    images.removeAvatar(old);
    return MediaUrls.avatar(base);
  }

  void deleteAvatar(Actor actor, String slug) {
    images.removeAvatar(replace(actor, slug, null));
  }

  private String replace(Actor actor, String slug, String key) {
    return transactions.executeWrite(
        status -> {
          Group group = groups.requireBySlugForUpdate(slug);
          guardians.of(actor).ensureCanEdit(group);
          String old = group.avatarKey();
          if (!Objects.equals(old, key)) {
            db.update(
                "update groups set avatar_key = ?, updated_at = now() where id = ?",
                key,
                group.id());
            Map<String, Object> payload = new HashMap<>();
            payload.put("slug", group.slug());
            payload.put("avatarKey", key);
            outbox.publish("GroupAvatarChanged", "group", group.id(), actor.id(), payload);
          }
          return old;
        });
  }
}
