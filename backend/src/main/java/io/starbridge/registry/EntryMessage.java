package io.starbridge.registry;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The exact message an entry's hash and signature cover. Version 1 is these lines, each ending in
 * LF (including the last), UTF-8, no other whitespace:
 *
 * <pre>
 * starbridge-registry-entry-v1
 * seq: 42
 * kind: publication                 (publication | revision | draft)
 * work-id: 17                       ("-" when absent; also chapter-id, chapter-number, version)
 * chapter-id: 93
 * chapter-number: 3
 * version: 2
 * authors: 5,9                      (user ids, ascending, comma-separated)
 * registered-at: 2026-11-28T20:03:27.123456Z   (UTC, always six fractional digits)
 * content-hash: &lt;64 hex&gt;
 * paragraphs: 4 &lt;64 hex&gt;            (count and {@link CanonicalText#paragraphsDigest})
 * previous-hash: &lt;64 hex&gt;           (64 zeros for the first entry)
 * key-id: &lt;16 hex&gt;
 * </pre>
 *
 * The entry hash is the lowercase hex SHA-256 of these bytes; the signature is Ed25519 over them.
 */
public record EntryMessage(
    long seq,
    String kind,
    Long workId,
    Long chapterId,
    Integer chapterNumber,
    Integer version,
    List<Long> authorIds,
    Instant registeredAt,
    String contentHash,
    int paragraphCount,
    String paragraphsDigest,
    String previousHash,
    String keyId) {
  public static final String GENESIS = "0".repeat(64);
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  /** An instant as the registry writes it: UTC, microseconds, always six fractional digits. */
  public static String formatTime(Instant t) {
    return TIME.format(t.truncatedTo(ChronoUnit.MICROS));
  }

  public String serialize() {
    StringBuilder sb = new StringBuilder(512);
    line(sb, "starbridge-registry-entry-v1", null);
    line(sb, "seq", Long.toString(seq));
    line(sb, "kind", kind);
    line(sb, "work-id", opt(workId));
    line(sb, "chapter-id", opt(chapterId));
    line(sb, "chapter-number", opt(chapterNumber));
    line(sb, "version", opt(version));
    line(
        sb, "authors", String.join(",", authorIds.stream().sorted().map(String::valueOf).toList()));
    line(sb, "registered-at", formatTime(registeredAt));
    line(sb, "content-hash", contentHash);
    line(sb, "paragraphs", paragraphCount + " " + paragraphsDigest);
    line(sb, "previous-hash", previousHash);
    line(sb, "key-id", keyId);
    return sb.toString();
  }

  public String hash() {
    return CanonicalText.sha256Hex(serialize());
  }

  private static String opt(Object v) {
    return v == null ? "-" : v.toString();
  }

  private static void line(StringBuilder sb, String name, String value) {
    sb.append(name);
    if (value != null) {
      sb.append(": ").append(value);
    }
    sb.append('\n');
  }
}
