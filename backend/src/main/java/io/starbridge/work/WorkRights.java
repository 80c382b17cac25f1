package io.starbridge.work;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.starbridge.common.ApiException;
import io.starbridge.common.Db;
import io.starbridge.common.FieldError;
import io.starbridge.common.Texts;
import io.starbridge.event.Outbox;
import io.starbridge.security.Actor;
import io.starbridge.security.Guardians;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Adaptation rights per work and medium (translation: per language), set by the authors. */
@Singleton
public class WorkRights {
  public static final List<String> MEDIA =
      List.of(
          "film_tv",
          "animation",
          "games",
          "comics",
          "audio_drama",
          "stage",
          "translation",
          "merchandise");
  public static final List<String> STATUSES =
      List.of("available", "under_option", "licensed", "not_available");
  public static final List<String> CONTACTS = List.of("platform", "email", "agent");
  static final int MAX_TERMS = 2000;

  /** A BCP 47 language tag's shape (zh-Hans, en, pt-BR), at most 35 characters. */
  private static final java.util.regex.Pattern LANGUAGE_TAG =
      java.util.regex.Pattern.compile("(?=.{2,35}$)[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");

  /** One right as read and written. {@code language} only for translation. */
  @Serdeable
  public record Right(
      String medium,
      String status,
      @Nullable String terms,
      @Nullable String language,
      @Nullable String contact,
      @Nullable Instant updatedAt) {}

  @Serdeable
  public record Rights(List<Right> rights) {}

  private final Db db;
  private final WorkLookup works;
  private final Guardians guardians;
  private final Outbox outbox;

  WorkRights(Db db, WorkLookup works, Guardians guardians, Outbox outbox) {
    this.db = db;
    this.works = works;
    this.guardians = guardians;
    this.outbox = outbox;
  }

  public Rights get(Actor actor, long workId) {
    guardians.of(actor).ensureCanSee(works.require(workId));
    return new Rights(of(workId));
  }

  /** The rights of one work, in media order. */
  public List<Right> of(long workId) {
    return db.list(
        "select medium, language, status, terms, contact, updated_at from work_rights"
            + " where work_id = ? order by array_position(?::text[], medium), language",
        rs ->
            new Right(
                rs.getString("medium"),
                rs.getString("status"),
                rs.getString("terms"),
                rs.getString("language").isEmpty() ? null : rs.getString("language"),
                rs.getString("contact"),
                Db.instant(rs, "updated_at")),
        workId,
        MEDIA);
  }

  /** The rights of several works in one query, each in media order. */
  public Map<Long, List<Right>> ofWorks(Collection<Long> workIds) {
    Map<Long, List<Right>> out = new LinkedHashMap<>();
    if (workIds.isEmpty()) {
      return out;
    }
    db.list(
            "select work_id, medium, language, status, terms, contact, updated_at from work_rights"
                + " where work_id = any(?)"
                + " order by work_id, array_position(?::text[], medium), language",
            rs ->
                Map.entry(
                    rs.getLong("work_id"),
                    new Right(
                        rs.getString("medium"),
                        rs.getString("status"),
                        rs.getString("terms"),
                        rs.getString("language").isEmpty() ? null : rs.getString("language"),
                        rs.getString("contact"),
                        Db.instant(rs, "updated_at"))),
            List.copyOf(workIds),
            MEDIA)
        .forEach(e -> out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    return out;
  }

  @Transactional
  public Rights replace(Actor actor, long workId, @Nullable Rights body) {
    Work work = works.requireForUpdate(workId);
    guardians.of(actor).ensureCanEdit(work);
    if (body == null || body.rights() == null) {
      // Replacing with nothing must be said explicitly ({"rights": []}), never by omission.
      throw ApiException.invalid("rights", "required", "must be given (an empty list clears them)");
    }
    List<Right> rights = body.rights();
    validate(rights);
    db.update("delete from work_rights where work_id = ?", workId);
    for (Right r : rights) {
      db.update(
          "insert into work_rights (work_id, medium, language, status, terms, contact)"
              + " values (?, ?, ?, ?, ?, ?)",
          workId,
          r.medium(),
          "translation".equals(r.medium()) ? r.language().trim() : "",
          r.status(),
          r.terms() == null ? "" : r.terms().strip(),
          r.contact() == null ? "platform" : r.contact());
    }
    List<Right> stored = of(workId);
    announce(workId, actor.userId(), stored);
    return new Rights(stored);
  }

  /** The status of one right of a work ({@code language} {@code ""} unless translation). */
  public java.util.Optional<String> statusOf(long workId, String medium, String language) {
    return db.one(
        "select status from work_rights where work_id = ? and medium = ? and language = ?",
        rs -> rs.getString(1),
        workId,
        medium,
        language);
  }

  /**
   * An agreement the authors confirmed (ip/ inquiries): the right becomes {@code status}. Joins the
   * caller's transaction, locks the work like {@link #replace} and announces the change the same
   * way.
   */
  public void settle(long workId, String medium, String language, String status, long actorId) {
    works.requireForUpdate(workId);
    db.update(
        "insert into work_rights (work_id, medium, language, status) values (?, ?, ?, ?)"
            + " on conflict (work_id, medium, language)"
            + " do update set status = excluded.status, updated_at = now()",
        workId,
        medium,
        language,
        status);
    announce(workId, actorId, of(workId));
  }

  private void announce(long workId, Long actorId, List<Right> stored) {
    outbox.publish(
        "WorkRightsUpdated",
        "work",
        workId,
        actorId,
        Map.of(
            "workId",
            workId,
            "available",
            stored.stream()
                .filter(r -> "available".equals(r.status()))
                .map(r -> r.language() == null ? r.medium() : r.medium() + ":" + r.language())
                .toList()));
  }

  static void validate(List<Right> rights) {
    List<FieldError> errors = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    if (rights.size() > 100) {
      errors.add(FieldError.of("rights", "too_many", "At most 100 rights"));
    }
    for (int i = 0; i < rights.size(); i++) {
      String f = "rights[" + i + "].";
      Right r = rights.get(i);
      if (r == null) {
        errors.add(FieldError.of("rights[" + i + "]", "required", "A right is required"));
        continue;
      }
      if (r.medium() == null || !MEDIA.contains(r.medium())) {
        errors.add(FieldError.of(f + "medium", "invalid", "Unknown medium"));
      }
      if (r.status() == null || !STATUSES.contains(r.status())) {
        errors.add(FieldError.of(f + "status", "invalid", "Unknown status"));
      }
      if (r.contact() != null && !CONTACTS.contains(r.contact())) {
        errors.add(FieldError.of(f + "contact", "invalid", "Unknown contact preference"));
      }
      if (r.terms() != null && r.terms().length() > MAX_TERMS) {
        errors.add(
            FieldError.of(f + "terms", "too_long", "Terms are at most " + MAX_TERMS + " chars"));
      } else if (Texts.hasForbiddenControlChars(r.terms())) {
        errors.add(FieldError.of(f + "terms", "control_chars", "must not contain control chars"));
      }
      boolean translation = "translation".equals(r.medium());
      String language = r.language() == null ? "" : r.language().trim();
      if (translation && (language.isEmpty() || !LANGUAGE_TAG.matcher(language).matches())) {
        errors.add(FieldError.of(f + "language", "required", "A translation needs a language"));
      } else if (!translation && !language.isEmpty()) {
        errors.add(
            FieldError.of(
                f + "language", "not_allowed", "Only translation rights have a language"));
      }
      if (r.medium() != null && !seen.add(r.medium() + "\u0000" + (translation ? language : ""))) {
        errors.add(FieldError.of(f + "medium", "duplicate", "This right is listed twice"));
      }
    }
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
  }
}
