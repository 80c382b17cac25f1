package io.starbridge.common;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Opaque keyset cursors: the sort key of the last row of a page (and its id) joined and encoded as
 * URL-safe base64. Clients never build or read them; a tampered cursor is a validation error.
 */
public final class Cursors {
  private static final char SEP = '|';

  private Cursors() {}

  public static String encode(Object... parts) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        sb.append(SEP);
      }
      sb.append(parts[i]);
    }
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(sb.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** The parts of {@code cursor}; throws 400 unless it decodes to exactly {@code count} parts. */
  public static List<String> decode(String cursor, int count) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      List<String> parts = List.of(text.split("\\" + SEP, -1));
      if (parts.size() != count) {
        throw invalid();
      }
      return parts;
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
  }

  /** Decodes and parses {@code cursor}; any parse failure is the same 400 as a bad encoding. */
  public static <T> T read(
      String cursor, int count, java.util.function.Function<List<String>, T> parser) {
    List<String> parts = decode(cursor, count);
    try {
      return parser.apply(parts);
    } catch (RuntimeException e) {
      throw invalid();
    }
  }

  private static final java.time.Instant EARLIEST = java.time.Instant.parse("0001-01-01T00:00:00Z");
  private static final java.time.Instant LATEST = java.time.Instant.parse("9999-12-31T23:59:59Z");

  /** A timestamp from a cursor, refused (as a bad cursor) outside what PostgreSQL stores. */
  public static java.time.Instant instant(String text) {
    java.time.Instant t = java.time.Instant.parse(text);
    if (t.isBefore(EARLIEST) || t.isAfter(LATEST)) {
      throw new IllegalArgumentException("timestamp out of range");
    }
    return t;
  }

  public static ApiException invalid() {
    return ApiException.invalid("cursor", "invalid", "is not a cursor this list handed out");
  }

  /** Checks a page size: {@code null} means the default, anything outside 1..max is refused. */
  public static int limit(Integer requested, int defaultLimit, int max) {
    if (requested == null) {
      return defaultLimit;
    }
    if (requested < 1 || requested > max) {
      throw ApiException.invalid("limit", "range", "must be between 1 and " + max);
    }
    return requested;
  }
}
