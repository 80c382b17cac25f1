package io.starbridge.registry;

import io.starbridge.common.Db;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Recomputes the whole chain: for every entry in order, its position (gapless from 1), the link to
 * the previous entry's hash, the entry hash of the rebuilt message, its Ed25519 signature under the
 * key it names, and its stored paragraph hashes against the signed digest; then every published
 * day's head against the chain. Reports the first entry that fails.
 */
@Singleton
public class RegistryAudit {
  private static final int BATCH = 1000;
  private final Db db;
  private final RegistryKeys keys;

  RegistryAudit(Db db, RegistryKeys keys) {
    this.db = db;
    this.keys = keys;
  }

  /** The outcome: {@code brokenSeq} is null when every check passed. */
  public record Result(long checked, Long brokenSeq, String problem) {
    public boolean ok() {
      return brokenSeq == null;
    }
  }

  public Result run(Consumer<String> progress) {
    long total = db.count("select count(*) from registry_entries");
    progress.accept("auditing " + total + " registry entries");
    long expected = 1;
    String previous = EntryMessage.GENESIS;
    long checked = 0;
    while (true) {
      List<EntryRow> rows =
          db.list(
              "select "
                  + EntryRow.COLUMNS
                  + " from registry_entries where seq >= ? order by seq"
                  + " limit ?",
              EntryRow::read,
              expected,
              BATCH);
      if (rows.isEmpty()) {
        break;
      }
      Map<Long, List<String>> paragraphs = paragraphs(rows);
      for (EntryRow row : rows) {
        Optional<String> problem =
            check(row, expected, previous, paragraphs.getOrDefault(row.seq(), List.of()));
        if (problem.isPresent()) {
          return new Result(checked, row.seq() == expected ? row.seq() : expected, problem.get());
        }
        previous = row.entryHash();
        expected++;
        checked++;
      }
      progress.accept("checked " + checked + " of " + total);
    }
    if (checked != total) {
      return new Result(checked, expected, "entry " + expected + " is missing");
    }
    return checkDays(checked);
  }

  /** The stored paragraph hashes of a batch of entries, in one query. */
  private Map<Long, List<String>> paragraphs(List<EntryRow> rows) {
    Map<Long, List<String>> out = new HashMap<>();
    db.list(
            "select entry_seq, array_agg(paragraph_hash order by position) from registry_paragraphs"
                + " where entry_seq between ? and ? group by entry_seq",
            rs -> Map.entry(rs.getLong(1), List.of((String[]) rs.getArray(2).getArray())),
            rows.get(0).seq(),
            rows.get(rows.size() - 1).seq())
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  private Optional<String> check(
      EntryRow row, long expected, String previous, List<String> paragraphs) {
    if (row.seq() != expected) {
      return Optional.of("entry " + expected + " is missing (next is " + row.seq() + ")");
    }
    if (!row.previousHash().equals(previous)) {
      return Optional.of("previous hash does not match the entry before it");
    }
    byte[] message = row.message().serialize().getBytes(StandardCharsets.UTF_8);
    if (!CanonicalText.sha256Hex(message).equals(row.entryHash())) {
      return Optional.of("entry hash does not match its fields");
    }
    Optional<PublicKey> key = keys.publicKey(row.keyId());
    if (key.isEmpty()) {
      return Optional.of("signed by unknown key " + row.keyId());
    }
    byte[] signature;
    try {
      signature = Base64.getDecoder().decode(row.signature());
    } catch (IllegalArgumentException e) {
      return Optional.of("signature is not base64");
    }
    if (!KeyFiles.verify(key.get(), message, signature)) {
      return Optional.of("signature does not verify");
    }
    if (paragraphs.size() != row.paragraphCount()
        || !CanonicalText.paragraphsDigest(paragraphs).equals(row.paragraphsDigest())) {
      return Optional.of("paragraph hashes do not match the signed digest");
    }
    return Optional.empty();
  }

  private Result checkDays(long checked) {
    record Day(String day, long seq, String hash) {}
    List<Day> bad =
        db.list(
            "select d.day::text, d.head_seq, d.entry_hash from registry_days d"
                + " left join registry_entries e on e.seq = d.head_seq"
                + " where e.entry_hash is distinct from d.entry_hash order by d.day limit 1",
            rs -> new Day(rs.getString(1), rs.getLong(2), rs.getString(3)));
    if (!bad.isEmpty()) {
      Day d = bad.get(0);
      return new Result(
          checked,
          d.seq(),
          "the published head of " + d.day() + " does not match entry " + d.seq());
    }
    return new Result(checked, null, null);
  }
}
