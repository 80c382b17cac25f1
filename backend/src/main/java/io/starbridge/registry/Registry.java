package io.starbridge.registry;

import io.starbridge.common.Db;
import io.starbridge.registry.RegistrationRequest.Kind;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.TreeSet;

/**
 * Registers texts in the copyright registry: appends one signed entry to the hash chain. Other
 * features (works) call {@link #register} inside their own transaction, so a chapter is published
 * if and only if it is registered.
 */
@Singleton
public class Registry {
  /** The advisory lock that serializes appends to the chain (held until the caller commits). */
  static final long CHAIN_LOCK = 0x5342_5245_4749L; // "SBREGI"

  private final Db db;
  private final RegistryKeys keys;

  Registry(Db db, RegistryKeys keys) {
    this.db = db;
    this.keys = keys;
  }

  /**
   * Appends an entry for {@code request} and returns its position. Joins the caller's transaction
   * (or opens one); the chain lock is held until that transaction ends, so keep it short.
   *
   * @throws IllegalArgumentException when the request is incomplete or the text is empty
   */
  @Transactional
  public Registration register(RegistrationRequest request) {
    check(request);
    String canonical = CanonicalText.canonical(request.text());
    String contentHash = CanonicalText.sha256Hex(canonical);
    List<String> paragraphs = CanonicalText.paragraphHashes(canonical);
    List<Long> authors = List.copyOf(new TreeSet<>(request.authorIds()));
    keys.ensurePublished();
    KeyFiles.SiteKey key = keys.current();

    db.one("select pg_advisory_xact_lock(?)", rs -> 1, CHAIN_LOCK);
    record Head(long seq, String hash) {}
    Head head =
        db.one(
                "select seq, entry_hash from registry_entries order by seq desc limit 1",
                rs -> new Head(rs.getLong(1), rs.getString(2)))
            .orElse(new Head(0, EntryMessage.GENESIS));
    // Taken under the lock, so registration times never decrease along the chain.
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    EntryMessage message =
        new EntryMessage(
            head.seq() + 1,
            request.kind().wire(),
            request.workId(),
            request.chapterId(),
            request.chapterNumber(),
            request.version(),
            authors,
            now,
            contentHash,
            paragraphs.size(),
            CanonicalText.paragraphsDigest(paragraphs),
            head.hash(),
            key.keyId());
    byte[] bytes = message.serialize().getBytes(StandardCharsets.UTF_8);
    String entryHash = CanonicalText.sha256Hex(bytes);
    String signature = Base64.getEncoder().encodeToString(key.sign(bytes));
    db.update(
        "insert into registry_entries (seq, kind, work_id, chapter_id, chapter_number, version,"
            + " author_ids, registered_at, content_hash, paragraph_count, paragraphs_digest,"
            + " previous_hash, entry_hash, key_id, signature, registered_by)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        message.seq(),
        message.kind(),
        message.workId(),
        message.chapterId(),
        message.chapterNumber(),
        message.version(),
        authors,
        now,
        contentHash,
        paragraphs.size(),
        message.paragraphsDigest(),
        message.previousHash(),
        entryHash,
        key.keyId(),
        signature,
        request.registeredBy());
    if (!paragraphs.isEmpty()) {
      db.update(
          "insert into registry_paragraphs (entry_seq, position, paragraph_hash)"
              + " select ?, (t.ord - 1)::int, t.h from unnest(?::text[]) with ordinality as t(h, ord)",
          message.seq(),
          paragraphs);
    }
    return new Registration(
        message.seq(), message.seq(), contentHash, entryHash, EntryMessage.formatTime(now));
  }

  private static void check(RegistrationRequest r) {
    if (r.kind() == null || r.text() == null || r.authorIds() == null) {
      throw new IllegalArgumentException("kind, text and authorIds are required");
    }
    if (r.authorIds().isEmpty() || r.authorIds().stream().anyMatch(id -> id == null)) {
      throw new IllegalArgumentException("at least one author id is required");
    }
    boolean refs =
        r.workId() != null
            && r.chapterId() != null
            && r.chapterNumber() != null
            && r.version() != null;
    boolean noRefs =
        r.workId() == null
            && r.chapterId() == null
            && r.chapterNumber() == null
            && r.version() == null;
    if (r.kind() == Kind.DRAFT ? !noRefs : !refs) {
      throw new IllegalArgumentException(
          r.kind() == Kind.DRAFT
              ? "a draft has no work, chapter or version"
              : "a publication or revision needs work, chapter, chapter number and version");
    }
    if (CanonicalText.canonical(r.text()).isEmpty()) {
      throw new IllegalArgumentException("the text is empty");
    }
  }
}
