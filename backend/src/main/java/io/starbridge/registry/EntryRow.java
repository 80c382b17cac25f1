package io.starbridge.registry;

import io.starbridge.common.Db;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** One {@code registry_entries} row as stored. */
record EntryRow(
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
    String entryHash,
    String keyId,
    String signature) {
  static final String COLUMNS =
      "seq, kind, work_id, chapter_id, chapter_number, version, author_ids, registered_at,"
          + " content_hash, paragraph_count, paragraphs_digest, previous_hash, entry_hash, key_id,"
          + " signature";

  static EntryRow read(ResultSet rs) throws SQLException {
    Long[] authors = (Long[]) rs.getArray("author_ids").getArray();
    Long chapterNumber = Db.nullableLong(rs, "chapter_number");
    Long version = Db.nullableLong(rs, "version");
    return new EntryRow(
        rs.getLong("seq"),
        rs.getString("kind"),
        Db.nullableLong(rs, "work_id"),
        Db.nullableLong(rs, "chapter_id"),
        chapterNumber == null ? null : chapterNumber.intValue(),
        version == null ? null : version.intValue(),
        Arrays.asList(authors),
        Db.instant(rs, "registered_at"),
        rs.getString("content_hash"),
        rs.getInt("paragraph_count"),
        rs.getString("paragraphs_digest"),
        rs.getString("previous_hash"),
        rs.getString("entry_hash"),
        rs.getString("key_id"),
        rs.getString("signature"));
  }

  /** The message as it must have been signed, rebuilt from the stored fields. */
  EntryMessage message() {
    return new EntryMessage(
        seq,
        kind,
        workId,
        chapterId,
        chapterNumber,
        version,
        authorIds,
        registeredAt,
        contentHash,
        paragraphCount,
        paragraphsDigest,
        previousHash,
        keyId);
  }
}
