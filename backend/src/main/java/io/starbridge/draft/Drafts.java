package io.starbridge.draft;

import io.micronaut.core.annotation.Nullable;
import io.starbridge.common.ApiException;
import io.starbridge.common.Cursors;
import io.starbridge.common.Db;
import io.starbridge.common.Page;
import io.starbridge.common.Sql;
import io.starbridge.common.Texts;
import io.starbridge.security.Actor;
import io.starbridge.security.Guardians;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Server-side composer drafts, one per user and context. Every query is keyed by the caller's own
 * id, so nobody else can read one.
 *
 * <p>Keys: {@code new-topic}, {@code new-topic:{boardSlug}}, {@code reply:{topicId}}, {@code
 * edit:{postId}}.
 */
@Singleton
public class Drafts {
  static final Pattern KEY =
      Pattern.compile(
          "new-topic(:[a-z0-9][a-z0-9-]{1,48}[a-z0-9])?|reply:[1-9][0-9]{0,17}|edit:[1-9][0-9]{0,17}");
  static final int BODY_MAX = 32_000;
  static final int MAX_DRAFTS = 100;
  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 100;

  private final Db db;
  private final Guardians guardians;

  Drafts(Db db, Guardians guardians) {
    this.db = db;
    this.guardians = guardians;
  }

  public DraftView get(Actor actor, String key) {
    guardians.of(actor).ensureSignedIn();
    checkKey(key);
    return db.one(
            "select * from drafts where user_id = ? and key = ?", Drafts::map, actor.id(), key)
        .orElseThrow(() -> ApiException.notFound("Draft"));
  }

  @Transactional
  public DraftView save(Actor actor, String key, DraftRequests.Save req) {
    guardians.of(actor).ensureSignedIn();
    checkKey(key);
    String body = Normalizer.normalize(req.body(), Normalizer.Form.NFC);
    if (Texts.length(body) > BODY_MAX || Texts.hasForbiddenControlChars(body)) {
      throw ApiException.invalid(
          "body",
          "length",
          "must be at most " + BODY_MAX + " characters without control characters");
    }
    String title = req.title() == null ? null : Texts.clean(req.title());
    if (title != null && Texts.hasForbiddenControlChars(title)) {
      throw ApiException.invalid("title", "invalid", "contains invalid characters");
    }
    List<String> tags =
        req.tags() == null ? List.of() : req.tags().stream().map(String::strip).toList();
    if (db.count("select count(*) from drafts where user_id = ? and key <> ?", actor.id(), key)
        >= MAX_DRAFTS) {
      throw ApiException.conflict(
          "You have " + MAX_DRAFTS + " drafts already: finish or discard some first");
    }
    return db.one(
            """
            insert into drafts (user_id, key, body, title, tags, reply_to) values (?, ?, ?, ?, ?, ?)
            on conflict (user_id, key) do update
               set body = excluded.body, title = excluded.title, tags = excluded.tags, reply_to = excluded.reply_to,
                   updated_at = now()
            returning *
            """,
            Drafts::map,
            actor.id(),
            key,
            body,
            title,
            tags,
            req.replyTo())
        .orElseThrow();
  }

  @Transactional
  public void delete(Actor actor, String key) {
    guardians.of(actor).ensureSignedIn();
    checkKey(key);
    db.update("delete from drafts where user_id = ? and key = ?", actor.id(), key);
  }

  /** The caller's drafts, most recently saved first. */
  public Page<DraftView> mine(Actor actor, @Nullable String cursor, @Nullable Integer limitParam) {
    guardians.of(actor).ensureSignedIn();
    int limit = Cursors.limit(limitParam, DEFAULT_LIMIT, MAX_LIMIT);
    Sql sql = new Sql().append("select * from drafts where user_id = ?", actor.id());
    if (cursor != null) {
      record Pos(Instant at, String key) {}
      Pos pos = Cursors.read(cursor, 2, p -> new Pos(Cursors.instant(p.get(0)), p.get(1)));
      sql.append(" and (updated_at, key) < (?, ?)", pos.at(), pos.key());
    }
    sql.append(" order by updated_at desc, key desc limit ?", limit + 1);
    List<DraftView> rows = db.list(sql.text(), Drafts::map, sql.params());
    String next = null;
    if (rows.size() > limit) {
      rows = rows.subList(0, limit);
      DraftView last = rows.get(limit - 1);
      next = Cursors.encode(last.updatedAt(), last.key());
    }
    return new Page<>(rows, next);
  }

  private static void checkKey(String key) {
    if (key == null || !KEY.matcher(key).matches()) {
      throw ApiException.invalid(
          "key",
          "pattern",
          "must be new-topic, new-topic:{board}, reply:{topicId} or edit:{postId}");
    }
  }

  private static DraftView map(ResultSet rs) throws SQLException {
    java.sql.Array tags = rs.getArray("tags");
    return new DraftView(
        rs.getString("key"),
        rs.getString("body"),
        rs.getString("title"),
        tags == null ? List.of() : Arrays.asList((String[]) tags.getArray()),
        Db.nullableLong(rs, "reply_to"),
        Db.instant(rs, "updated_at"));
  }
}
