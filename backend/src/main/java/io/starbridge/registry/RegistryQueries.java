package io.starbridge.registry;

import io.micronaut.core.annotation.Nullable;
import io.starbridge.account.UserCard;
import io.starbridge.common.ApiException;
import io.starbridge.common.Cursors;
import io.starbridge.common.Db;
import io.starbridge.common.FieldError;
import io.starbridge.common.Page;
import io.starbridge.registry.RegistryViews.Certificate;
import io.starbridge.registry.RegistryViews.DayView;
import io.starbridge.registry.RegistryViews.EntrySummary;
import io.starbridge.registry.RegistryViews.EvidenceEntry;
import io.starbridge.registry.RegistryViews.HeadView;
import io.starbridge.registry.RegistryViews.KeyInfo;
import io.starbridge.registry.RegistryViews.KeyView;
import io.starbridge.registry.RegistryViews.VerifyItem;
import io.starbridge.registry.RegistryViews.VerifyRequest;
import io.starbridge.registry.RegistryViews.WorkRegistrations;
import io.starbridge.security.Guardian;
import io.starbridge.work.Work;
import io.starbridge.work.WorkLookup;
import io.starbridge.work.WorkQueries;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Read models of the registry: key, head, days, certificates and verification. */
@Singleton
public class RegistryQueries {
  static final int MAX_MATCHES = 100;
  private static final Pattern HEX64 = Pattern.compile("[0-9a-fA-F]{64}");
  private final Db db;
  private final RegistryKeys keys;
  private final WorkLookup workLookup;
  private final WorkQueries workQueries;

  RegistryQueries(Db db, RegistryKeys keys, WorkLookup workLookup, WorkQueries workQueries) {
    this.db = db;
    this.keys = keys;
    this.workLookup = workLookup;
    this.workQueries = workQueries;
  }

  public KeyView key() {
    List<RegistryKeys.PublishedKey> all = keys.all();
    KeyFiles.SiteKey current = keys.current();
    RegistryKeys.PublishedKey mine =
        all.stream().filter(k -> k.keyId().equals(current.keyId())).findFirst().orElse(null);
    List<KeyInfo> earlier =
        all.stream()
            .filter(k -> !k.keyId().equals(current.keyId()))
            .map(
                k ->
                    new KeyInfo(
                        k.keyId(), time(k.createdAt()), time(k.retiredAt()), k.publicKeyPem()))
            .toList();
    return new KeyView(
        "Ed25519",
        current.keyId(),
        current.publicPem(),
        mine == null ? null : time(mine.createdAt()),
        earlier);
  }

  public HeadView head() {
    return db.one(
            "select seq, entry_hash, registered_at from registry_entries order by seq desc limit 1",
            rs ->
                new HeadView(rs.getLong(1), rs.getString(2), time(Db.instant(rs, "registered_at"))))
        .orElse(new HeadView(0, EntryMessage.GENESIS, null));
  }

  /** Published closing heads, newest day first. */
  public Page<DayView> days(String cursor, Integer limit) {
    int n = Cursors.limit(limit, 30, 100);
    LocalDate before =
        cursor == null
            ? LocalDate.of(9999, 12, 31)
            : Cursors.read(cursor, 1, parts -> LocalDate.parse(parts.get(0)));
    List<DayView> rows =
        db.list(
            "select day, head_seq, entry_hash, head_at, entries, published_at from registry_days"
                + " where day < ? order by day desc limit ?",
            rs ->
                new DayView(
                    rs.getObject("day", LocalDate.class).toString(),
                    rs.getLong("head_seq"),
                    rs.getString("entry_hash"),
                    time(Db.instant(rs, "head_at")),
                    rs.getInt("entries"),
                    time(Db.instant(rs, "published_at"))),
            before,
            n + 1);
    String next = null;
    if (rows.size() > n) {
      rows = rows.subList(0, n);
      next = Cursors.encode(rows.get(n - 1).day());
    }
    return new Page<>(rows, next);
  }

  /**
   * Entry {@code id}'s certificate; with the work's and chapter's titles when the Guardian lets the
   * caller read them (a work registered and later deleted, or drafted, shows only its ids).
   */
  public Certificate certificate(Guardian guardian, long id) {
    EntryRow row =
        db.one(
                "select " + EntryRow.COLUMNS + " from registry_entries where seq = ?",
                EntryRow::read,
                id)
            .orElseThrow(() -> ApiException.notFound("Registry entry"));
    String workTitle = null;
    String chapterTitle = null;
    if (row.workId() != null) {
      Work work = workLookup.byId(row.workId()).orElse(null);
      if (work != null && guardian.canSee(work)) {
        workTitle = work.title();
        if (row.chapterId() != null) {
          chapterTitle = workQueries.chapterTitle(guardian, work, row.chapterId()).orElse(null);
        }
      }
    }
    return certificate(row, cards(row.authorIds()), workTitle, chapterTitle);
  }

  /**
   * The entries of one work (publications and revisions), oldest first: for copyright reports in
   * moderation and the author dashboard. The caller checks that the actor may see the work.
   */
  public List<Certificate> entriesOfWork(long workId, int limit) {
    List<EntryRow> rows =
        db.list(
            "select "
                + EntryRow.COLUMNS
                + " from registry_entries where work_id = ?"
                + " order by seq limit ?",
            EntryRow::read,
            workId,
            limit);
    Map<Long, UserCard> cards =
        cards(rows.stream().flatMap(r -> r.authorIds().stream()).distinct().toList());
    return rows.stream().map(r -> certificate(r, cards, null, null)).toList();
  }

  private static final String SUMMARY_COLUMNS =
      "e.seq, e.kind, e.work_id, e.chapter_id, e.chapter_number, e.version, e.registered_at,"
          + " e.content_hash, e.entry_hash";

  private static EntrySummary summary(ResultSet rs, String workTitle) throws SQLException {
    return new EntrySummary(
        rs.getLong("seq"),
        rs.getString("kind"),
        Db.nullableLong(rs, "work_id"),
        workTitle,
        Db.nullableLong(rs, "chapter_id"),
        (Integer) rs.getObject("chapter_number"),
        (Integer) rs.getObject("version"),
        EntryMessage.formatTime(Db.instant(rs, "registered_at")),
        rs.getString("content_hash"),
        rs.getString("entry_hash"));
  }

  /**
   * The entries naming {@code userId} among their authors (drafts by hash included), newest first,
   * with the titles of works not deleted: for that author's own dashboard.
   */
  public List<EntrySummary> entriesOfAuthor(long userId, int limit) {
    return db.list(
        "select "
            + SUMMARY_COLUMNS
            + ", w.title from registry_entries e"
            + " left join works w on w.id = e.work_id and w.deleted_at is null"
            + " where e.author_ids @> array[?]::bigint[] order by e.seq desc limit ?",
        rs -> summary(rs, rs.getString("title")),
        userId,
        limit);
  }

  /** Per work: how many entries the chain holds and the latest one (no titles). */
  public Map<Long, WorkRegistrations> registrationsOfWorks(Collection<Long> workIds) {
    Map<Long, WorkRegistrations> out = new LinkedHashMap<>();
    if (workIds.isEmpty()) {
      return out;
    }
    db.list(
            "select "
                + SUMMARY_COLUMNS
                + ", c.n from (select work_id, count(*) as n, max(seq) as latest"
                + " from registry_entries where work_id = any(?) group by work_id) c"
                + " join registry_entries e on e.seq = c.latest",
            rs -> new WorkRegistrations(rs.getLong("n"), summary(rs, null)),
            List.copyOf(workIds))
        .forEach(r -> out.put(r.latest().workId(), r));
    return out;
  }

  /** The entries per side of a copyright comparison this lists at most. */
  static final int MAX_EVIDENCE = 50;

  /** One side of a copyright comparison: works, single entries and unregistered text. */
  public record Side(Collection<Long> workIds, Collection<Long> entryIds, @Nullable String text) {}

  /**
   * The registry's evidence for a copyright report, oldest first: the reported side's entries (its
   * works' entries; for unregistered text such as a post, the entries sharing a paragraph with it)
   * and the claimed original's, each with the positions of its paragraphs that also occur on the
   * other side. An entry on both sides counts as claimed. No titles: ids and hashes only.
   */
  public List<EvidenceEntry> compare(Side reported, Side claimed) {
    List<String> textHashes =
        reported.text() == null
            ? List.of()
            : CanonicalText.paragraphHashes(CanonicalText.canonical(reported.text())).stream()
                .distinct()
                .toList();
    Set<Long> claimedSeqs = new LinkedHashSet<>(entrySeqs(claimed.workIds(), claimed.entryIds()));
    Set<Long> reportedSeqs =
        new LinkedHashSet<>(entrySeqs(reported.workIds(), reported.entryIds()));
    if (!textHashes.isEmpty()) {
      reportedSeqs.addAll(
          db.list(
              "select distinct entry_seq from registry_paragraphs where paragraph_hash = any(?)"
                  + " order by entry_seq limit ?",
              rs -> rs.getLong(1),
              textHashes,
              MAX_EVIDENCE));
    }
    reportedSeqs.removeAll(claimedSeqs);
    List<Long> all = new ArrayList<>(claimedSeqs);
    all.addAll(reportedSeqs);
    if (all.isEmpty()) {
      return List.of();
    }
    Map<Long, List<String>> paragraphs = new HashMap<>();
    db.list(
            "select entry_seq, paragraph_hash from registry_paragraphs where entry_seq = any(?)"
                + " order by entry_seq, position",
            rs -> Map.entry(rs.getLong(1), rs.getString(2)),
            all)
        .forEach(
            e -> paragraphs.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    Set<String> reportedHashes = new HashSet<>(textHashes);
    Set<String> claimedHashes = new HashSet<>();
    reportedSeqs.forEach(seq -> reportedHashes.addAll(paragraphs.getOrDefault(seq, List.of())));
    claimedSeqs.forEach(seq -> claimedHashes.addAll(paragraphs.getOrDefault(seq, List.of())));
    List<EntryRow> rows =
        db.list(
            "select " + EntryRow.COLUMNS + " from registry_entries where seq = any(?) order by seq",
            EntryRow::read,
            all);
    List<EvidenceEntry> out = new ArrayList<>(rows.size());
    for (EntryRow r : rows) {
      boolean isClaimed = claimedSeqs.contains(r.seq());
      Set<String> other = isClaimed ? reportedHashes : claimedHashes;
      List<String> own = paragraphs.getOrDefault(r.seq(), List.of());
      List<Integer> matching = new ArrayList<>();
      for (int i = 0; i < own.size(); i++) {
        if (other.contains(own.get(i))) {
          matching.add(i + 1);
        }
      }
      out.add(
          new EvidenceEntry(
              isClaimed ? "claimed" : "reported",
              r.seq(),
              r.kind(),
              r.workId(),
              r.chapterId(),
              r.chapterNumber(),
              r.version(),
              EntryMessage.formatTime(r.registeredAt()),
              r.contentHash(),
              r.entryHash(),
              r.paragraphCount(),
              matching));
    }
    return out;
  }

  private List<Long> entrySeqs(Collection<Long> workIds, Collection<Long> entryIds) {
    List<Long> seqs = new ArrayList<>();
    if (!workIds.isEmpty()) {
      seqs.addAll(
          db.list(
              "select seq from registry_entries where work_id = any(?) order by seq limit ?",
              rs -> rs.getLong(1),
              List.copyOf(workIds),
              MAX_EVIDENCE));
    }
    if (!entryIds.isEmpty()) {
      seqs.addAll(
          db.list(
              "select seq from registry_entries where seq = any(?) order by seq limit ?",
              rs -> rs.getLong(1),
              List.copyOf(entryIds),
              MAX_EVIDENCE));
    }
    return seqs;
  }

  /** Whether entry {@code seq} exists (registry entries are public). */
  public boolean entryExists(long seq) {
    return db.count("select count(*) from registry_entries where seq = ?", seq) > 0;
  }

  private Certificate certificate(
      EntryRow row, Map<Long, UserCard> cards, String workTitle, String chapterTitle) {
    return new Certificate(
        row.seq(),
        row.seq(),
        row.kind(),
        row.workId(),
        row.chapterId(),
        row.chapterNumber(),
        row.version(),
        workTitle,
        chapterTitle,
        ordered(row.authorIds(), cards),
        EntryMessage.formatTime(row.registeredAt()),
        row.contentHash(),
        row.paragraphCount(),
        row.paragraphsDigest(),
        row.previousHash(),
        row.entryHash(),
        "Ed25519",
        row.keyId(),
        row.signature(),
        row.message().serialize());
  }

  /**
   * Entries whose whole text or some of whose paragraphs match, oldest first. A text matches an
   * entry fully when their canonical hashes agree, by paragraph when any of its indexed paragraphs
   * does; a hash matches a content hash or a paragraph hash.
   */
  public List<VerifyItem> verify(VerifyRequest request) {
    boolean hasText = request.text() != null;
    boolean hasHash = request.hash() != null;
    if (hasText == hasHash) {
      throw ApiException.invalid(
          List.of(
              FieldError.of(hasText ? "hash" : "text", "exclusive", "give either text or hash")));
    }
    String fullHash;
    List<String> paragraphHashes;
    if (hasText) {
      String canonical = CanonicalText.canonical(request.text());
      if (canonical.isEmpty()) {
        throw ApiException.invalid("text", "blank", "must not be blank");
      }
      fullHash = CanonicalText.sha256Hex(canonical);
      paragraphHashes = CanonicalText.paragraphHashes(canonical).stream().distinct().toList();
    } else {
      if (!HEX64.matcher(request.hash()).matches()) {
        throw ApiException.invalid("hash", "format", "must be 64 hexadecimal digits (SHA-256)");
      }
      fullHash = request.hash().toLowerCase(Locale.ROOT);
      paragraphHashes = List.of(fullHash);
    }
    Map<Long, Integer> paragraphMatches = new HashMap<>();
    if (!paragraphHashes.isEmpty()) {
      db.list(
              "select entry_seq, count(distinct paragraph_hash) from registry_paragraphs"
                  + " where paragraph_hash = any(?) group by entry_seq order by entry_seq"
                  + " limit ?",
              rs -> Map.entry(rs.getLong(1), rs.getInt(2)),
              paragraphHashes,
              MAX_MATCHES)
          .forEach(e -> paragraphMatches.put(e.getKey(), e.getValue()));
    }
    // Seq 0 never exists; it keeps the array non-empty (an empty one would bind as text[]).
    List<Long> paragraphSeqs = new ArrayList<>(paragraphMatches.keySet());
    paragraphSeqs.add(0L);
    List<EntryRow> rows =
        db.list(
            "select "
                + EntryRow.COLUMNS
                + " from registry_entries where content_hash = ? or seq = any(?)"
                + " order by seq limit ?",
            EntryRow::read,
            fullHash,
            paragraphSeqs,
            MAX_MATCHES);
    Map<Long, UserCard> cards =
        cards(rows.stream().flatMap(r -> r.authorIds().stream()).distinct().toList());
    List<VerifyItem> items = new ArrayList<>(rows.size());
    for (EntryRow r : rows) {
      boolean full = r.contentHash().equals(fullHash);
      items.add(
          new VerifyItem(
              r.seq(),
              r.seq(),
              r.kind(),
              r.workId(),
              r.chapterId(),
              r.chapterNumber(),
              r.version(),
              ordered(r.authorIds(), cards),
              EntryMessage.formatTime(r.registeredAt()),
              r.contentHash(),
              r.entryHash(),
              r.keyId(),
              full ? "full" : "paragraph",
              paragraphMatches.getOrDefault(r.seq(), 0)));
    }
    return items;
  }

  private Map<Long, UserCard> cards(Collection<Long> ids) {
    Map<Long, UserCard> out = new LinkedHashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    db.list(
            "select "
                + UserCard.columns("u")
                + " from users u where u.id in (select unnest(?::bigint[]))",
            rs -> UserCard.read(rs, "u"),
            List.copyOf(ids))
        .forEach(c -> out.put(c.id(), c));
    return out;
  }

  private static List<UserCard> ordered(List<Long> ids, Map<Long, UserCard> cards) {
    return ids.stream().map(cards::get).filter(c -> c != null).toList();
  }

  static String time(Instant t) {
    return t == null ? null : EntryMessage.formatTime(t);
  }
}
