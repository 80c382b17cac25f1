package io.starbridge.common;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The {@code Idempotency-Key} header of creating requests: the same key from the same user within
 * 24 hours replays the first response instead of creating twice.
 *
 * <p>The key row is inserted in the creating transaction before the work runs. A concurrent request
 * with the same key waits on that row's unique index until the first commits, then replays its
 * stored response; if the first rolls back, the second creates. The same key sent with a different
 * request (another endpoint or body) is a 409: the client has a bug.
 */
@Singleton
public class Idempotency {
  public static final String HEADER = "Idempotency-Key";
  private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");

  private final Db db;
  private final ObjectMapper json;

  public Idempotency(Db db, ObjectMapper json) {
    this.db = db;
    this.json = json;
  }

  /** A result and the status it was first answered with. */
  public record Result<T>(int status, T body) {}

  /**
   * Runs {@code action} once per {@code key} (when a key is given) and returns its result, or the
   * stored result of the first run.
   *
   * @param scope what is being created, e.g. {@code POST /topics}
   * @param request the request body, so that a reused key with other content is refused
   */
  @Transactional
  public <T> Result<T> once(
      long userId,
      @Nullable String key,
      String scope,
      Object request,
      int status,
      Argument<T> type,
      Supplier<T> action) {
    if (key == null) {
      return new Result<>(status, action.get());
    }
    if (!KEY.matcher(key).matches()) {
      throw ApiException.invalid(HEADER, "pattern", "must be 1–200 visible ASCII characters");
    }
    byte[] hash = sha256(scope + "\n" + write(request));
    Optional<Long> claimed =
        db.one(
            """
            insert into idempotency_keys (user_id, key, scope, request_hash) values (?, ?, ?, ?)
            on conflict (user_id, key) do update
               set scope = excluded.scope, request_hash = excluded.request_hash, status = null, response = null, created_at = now()
             where idempotency_keys.created_at < now() - interval '24 hours'
            returning user_id
            """,
            rs -> rs.getLong(1),
            userId,
            key,
            scope,
            hash);
    if (claimed.isEmpty()) {
      return replay(userId, key, hash, type);
    }
    T result = action.get();
    db.update(
        "update idempotency_keys set status = ?, response = ? where user_id = ? and key = ?",
        status,
        new Db.Json(write(result)),
        userId,
        key);
    return new Result<>(status, result);
  }

  private <T> Result<T> replay(long userId, String key, byte[] hash, Argument<T> type) {
    record Stored(byte[] hash, int status, String response) {}
    Stored stored =
        db.one(
                "select request_hash, status, response::text from idempotency_keys where user_id = ? and key = ?",
                rs -> new Stored(rs.getBytes(1), rs.getInt(2), rs.getString(3)),
                userId,
                key)
            .orElseThrow(() -> ApiException.conflict("This Idempotency-Key is in use; retry"));
    if (!Arrays.equals(stored.hash(), hash) || stored.response() == null) {
      throw ApiException.conflict(
          "This Idempotency-Key was already used for a different request",
          FieldError.of(HEADER, "reused", "was already used for a different request"));
    }
    try {
      return new Result<>(stored.status(), json.readValue(stored.response(), type));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Scheduled(fixedDelay = "1h", initialDelay = "10m")
  void purgeExpired() {
    db.update("delete from idempotency_keys where created_at < now() - interval '24 hours'");
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
