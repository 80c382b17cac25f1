package io.starbridge.work;

import io.starbridge.account.UserCard;
import io.starbridge.common.ApiException;
import io.starbridge.common.Cursors;
import io.starbridge.common.Db;
import io.starbridge.common.FieldError;
import io.starbridge.common.Page;
import io.starbridge.event.Outbox;
import io.starbridge.security.Actor;
import io.starbridge.security.Guardian;
import io.starbridge.security.Guardians;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Translations and translation requests. A translator links one of their works to an original
 * ({@code requested}); the original's authors grant or decline. Until granted, the translation is
 * seen only by its translators and the original's authors (the Guardian's works rule). Linking
 * fulfils open requests for the translation's language. The translation's discussion follows its
 * permission ({@link ManageWorks#translationPermissionChanged}) in the same transaction.
 */
@Singleton
public class Translations {
  private final Db db;
  private final WorkLookup works;
  private final WorkQueries queries;
  private final Guardians guardians;
  private final Outbox outbox;
  private final ManageWorks manage;

  Translations(
      Db db,
      WorkLookup works,
      WorkQueries queries,
      Guardians guardians,
      Outbox outbox,
      ManageWorks manage) {
    this.manage = manage;
    this.db = db;
    this.works = works;
    this.queries = queries;
    this.guardians = guardians;
    this.outbox = outbox;
  }

  public List<WorkView.Translation> list(Actor actor, long originalId) {
    Guardian guardian = guardians.of(actor);
    guardian.ensureCanSee(works.require(originalId));
    List<Long> ids =
        db.list(
            "select w.id from works w where w.translation_of = ? and "
                + guardian.worksReadable("w")
                + " order by w.created_at",
            rs -> rs.getLong(1),
            originalId);
    List<WorkView.Card> cards = queries.cardsOf(guardian, ids);
    return cards.stream()
        .map(c -> new WorkView.Translation(c, c.authors(), c.translationState()))
        .toList();
  }

  @Transactional
  public WorkView.Translation link(Actor actor, long originalId, long translationId) {
    Guardian guardian = guardians.of(actor);
    Work original = works.require(originalId);
    guardian.ensureCanSee(original);
    Work translation = works.requireForUpdate(translationId);
    guardian.ensureCanEdit(translation);
    if (translationId == originalId || original.isTranslation()) {
      throw ApiException.invalid(
          "workId", "invalid", "a work cannot translate itself or a translation");
    }
    if (translation.isTranslation()) {
      throw ApiException.conflict("That work is already linked as a translation");
    }
    boolean sameAuthors = original.authorIds().stream().anyMatch(translation.authorIds()::contains);
    String state = sameAuthors ? "granted" : "requested";
    String language =
        db.one("select language from works where id = ?", rs -> rs.getString(1), translationId)
            .orElseThrow();
    String originalLanguage =
        db.one("select language from works where id = ?", rs -> rs.getString(1), originalId)
            .orElseThrow();
    if (language.equals(originalLanguage) && !"other".equals(language)) {
      throw ApiException.invalid(
          "workId", "language", "a translation is in another language than its original");
    }
    db.update(
        "update works set translation_of = ?, translation_state = ?, updated_at = now() where id = ?",
        originalId,
        state,
        translationId);
    db.update(
        "update translation_requests set fulfilled_by = ? where work_id = ? and language = ? and fulfilled_by is null",
        translationId,
        originalId,
        language);
    Work after = works.require(translationId);
    outbox.publish(
        sameAuthors ? "TranslationPermissionGranted" : "TranslationPermissionRequested",
        "work",
        translationId,
        actor.id(),
        ManageWorks.payload(after, Map.of("originalAuthorIds", original.authorIds())));
    manage.translationPermissionChanged(actor, after);
    return one(guardian, translationId);
  }

  @Transactional
  public WorkView.Translation decide(
      Actor actor, long originalId, long translationId, String state) {
    Guardian guardian = guardians.of(actor);
    Work translation = works.requireForUpdate(translationId);
    if (translation.translationOf() == null || translation.translationOf() != originalId) {
      throw ApiException.notFound("Translation");
    }
    guardian.ensureCanDecideTranslation(translation);
    if (!state.equals(translation.translationState())) {
      db.update(
          "update works set translation_state = ?, updated_at = now() where id = ?",
          state,
          translationId);
      Work after = works.require(translationId);
      outbox.publish(
          "granted".equals(state)
              ? "TranslationPermissionGranted"
              : "TranslationPermissionDeclined",
          "work",
          translationId,
          actor.id(),
          ManageWorks.payload(after, Map.of("originalAuthorIds", translation.originalAuthorIds())));
      manage.translationPermissionChanged(actor, after);
    }
    return one(guardian, translationId);
  }

  private WorkView.Translation one(Guardian guardian, long id) {
    WorkView.Card c = queries.cardsOf(guardian, List.of(id)).get(0);
    return new WorkView.Translation(c, c.authors(), c.translationState());
  }

  // ---- requests -------------------------------------------------------------------------------

  @Transactional
  public WorkView.TranslationRequest request(Actor actor, WorkRequests.RequestTranslation req) {
    Guardian guardian = guardians.of(actor);
    guardian.ensureCanWrite();
    Work work = works.require(req.workId());
    guardian.ensureCanSee(work);
    List<FieldError> errors = new ArrayList<>();
    String note = WorkRules.text("note", req.note(), 1000, false, errors);
    // A request must be one a translation can answer: linking refuses translations of
    // translations and translations into the original's own language.
    if (work.isTranslation()) {
      errors.add(FieldError.of("workId", "invalid", "ask for a translation of the original work"));
    }
    String workLanguage =
        db.one("select language from works where id = ?", rs -> rs.getString(1), work.id())
            .orElseThrow();
    if (req.language().equals(workLanguage) && !"other".equals(workLanguage)) {
      errors.add(FieldError.of("language", "language", "the work is already in this language"));
    }
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
    long id =
        db.one(
                """
                insert into translation_requests (work_id, language, note, requester_id) values (?, ?, ?, ?)
                on conflict (work_id, language, requester_id) where fulfilled_by is null do nothing returning id
                """,
                rs -> rs.getLong(1),
                work.id(),
                req.language(),
                note.strip(),
                actor.id())
            .orElseThrow(() -> ApiException.conflict("You already asked for this translation"));
    outbox.publish(
        "TranslationRequested",
        "work",
        work.id(),
        actor.id(),
        ManageWorks.payload(work, Map.of("requestId", id, "language", req.language())));
    return requests(guardian, null, null, id, null, 1).items().get(0);
  }

  /** Open requests on works the caller may read, newest first. */
  public Page<WorkView.TranslationRequest> list(
      Actor actor, String language, Long workId, String cursor, Integer limit) {
    return requests(
        guardians.of(actor), language, workId, null, cursor, Cursors.limit(limit, 20, 100));
  }

  private Page<WorkView.TranslationRequest> requests(
      Guardian guardian, String language, Long workId, Long id, String cursor, int limit) {
    StringBuilder sql =
        new StringBuilder(
            "select r.id, r.work_id, r.language, r.note, r.fulfilled_by, r.created_at, "
                + UserCard.columns("u")
                + " from translation_requests r join works w on w.id = r.work_id"
                + " join users u on u.id = r.requester_id where "
                + guardian.worksReadable("w"));
    List<Object> params = new ArrayList<>();
    if (id != null) {
      sql.append(" and r.id = ?");
      params.add(id);
    } else {
      sql.append(" and r.fulfilled_by is null");
    }
    if (language != null) {
      sql.append(" and r.language = ?");
      params.add(language);
    }
    if (workId != null) {
      sql.append(" and r.work_id = ?");
      params.add(workId);
    }
    if (cursor != null) {
      long after = Cursors.read(cursor, 1, x -> Long.parseLong(x.get(0)));
      sql.append(" and r.id < ?");
      params.add(after);
    }
    sql.append(" order by r.id desc limit ").append(limit + 1);
    record R(
        long id,
        long workId,
        String language,
        String note,
        Long fulfilledBy,
        java.time.Instant at,
        UserCard u) {}
    List<R> rows =
        db.list(
            sql.toString(),
            rs ->
                new R(
                    rs.getLong("id"),
                    rs.getLong("work_id"),
                    rs.getString("language"),
                    rs.getString("note"),
                    Db.nullableLong(rs, "fulfilled_by"),
                    Db.instant(rs, "created_at"),
                    UserCard.read(rs, "u")),
            params.toArray());
    boolean more = rows.size() > limit;
    if (more) {
      rows = rows.subList(0, limit);
    }
    List<WorkView.Card> cards =
        queries.cardsOf(guardian, rows.stream().map(R::workId).distinct().toList());
    List<WorkView.TranslationRequest> items = new ArrayList<>();
    for (R r : rows) {
      cards.stream()
          .filter(c -> c.id() == r.workId())
          .findFirst()
          .ifPresent(
              c ->
                  items.add(
                      new WorkView.TranslationRequest(
                          r.id(), c, r.language(), r.note(), r.u(), r.fulfilledBy(), r.at())));
    }
    return new Page<>(items, more ? Cursors.encode(rows.get(rows.size() - 1).id()) : null);
  }
}
