package io.starbridge.registry;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.starbridge.common.Db;
import io.starbridge.ops.RuntimeSettings;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The site's signing key (from {@code STARBRIDGE_DATA_DIR/registry/}) and every public key that
 * ever signed an entry (table {@code registry_keys}), so old entries stay verifiable after a
 * rotation. All nodes of one site must share the same key files.
 */
@Singleton
public class RegistryKeys {
  private final Db db;
  private final Path dir;
  private volatile KeyFiles.SiteKey current;
  private volatile boolean published;
  private final Map<String, PublicKey> byId = new ConcurrentHashMap<>();

  /** A published public key. */
  public record PublishedKey(
      String keyId, String publicKeyPem, Instant createdAt, Instant retiredAt) {}

  RegistryKeys(Db db) {
    this.db = db;
    this.dir = RuntimeSettings.dataDir().resolve("registry");
    this.current = KeyFiles.loadOrCreate(dir);
  }

  @EventListener
  void onStartup(StartupEvent event) {
    ensurePublished();
  }

  public KeyFiles.SiteKey current() {
    return current;
  }

  /** Records the current public key (idempotent) and marks every other key retired. */
  void ensurePublished() {
    if (published) {
      return;
    }
    KeyFiles.SiteKey key = current;
    db.update(
        "insert into registry_keys (key_id, public_key_pem) values (?, ?)"
            + " on conflict (key_id) do update set retired_at = null",
        key.keyId(),
        key.publicPem());
    db.update(
        "update registry_keys set retired_at = now() where key_id <> ? and retired_at is null",
        key.keyId());
    published = true;
  }

  /** Retires the current key pair and starts a new one (command {@code registry-rotate-key}). */
  public synchronized KeyFiles.SiteKey rotate() {
    current = KeyFiles.rotate(dir);
    published = false;
    ensurePublished();
    return current;
  }

  public Optional<PublicKey> publicKey(String keyId) {
    PublicKey cached = byId.get(keyId);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<PublicKey> key =
        db.one(
            "select public_key_pem from registry_keys where key_id = ?",
            rs -> KeyFiles.parsePublic(rs.getString(1)),
            keyId);
    key.ifPresent(k -> byId.put(keyId, k));
    return key;
  }

  /** Every published key, current first, then newest first. */
  public List<PublishedKey> all() {
    ensurePublished();
    return db.list(
        "select key_id, public_key_pem, created_at, retired_at from registry_keys"
            + " order by retired_at is not null, created_at desc, key_id",
        rs ->
            new PublishedKey(
                rs.getString(1),
                rs.getString(2),
                Db.instant(rs, "created_at"),
                Db.instant(rs, "retired_at")));
  }
}
