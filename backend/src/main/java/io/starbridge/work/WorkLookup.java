package io.starbridge.work;

import io.starbridge.common.ApiException;
import io.starbridge.common.Db;
import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Loads {@link Work} records (with their authors) for the Guardian; public for other features. */
@Singleton
public class WorkLookup {
  private static final String SELECT =
      """
      select w.id, w.title, w.created_by, w.visibility, w.translation_of, w.translation_state,
             w.topic_id, w.board_slug, w.cover_key, w.published_at, w.deleted_at,
             array(select user_id from work_authors a where a.work_id = w.id and a.state = 'active'
                   order by a.position, a.user_id) as authors,
             array(select user_id from work_authors a where a.work_id = w.id and a.state = 'invited')
               as invited,
             array(select user_id from work_authors a where a.work_id = w.translation_of
                   and a.state = 'active') as original_authors
        from works w
      """;

  private final Db db;

  WorkLookup(Db db) {
    this.db = db;
  }

  public Optional<Work> byId(long id) {
    return db.one(SELECT + " where w.id = ?", WorkLookup::read, id);
  }

  /** Several works at once (one query), for checking a page of items with the Guardian. */
  public List<Work> byIds(java.util.Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return db.list(
        SELECT + " where w.id in (select unnest(?::bigint[]))", WorkLookup::read, List.copyOf(ids));
  }

  /** A work that exists (not deleted); what the caller may see is the Guardian's business. */
  public Work require(long id) {
    return byId(id)
        .filter(w -> w.deletedAt() == null)
        .orElseThrow(() -> ApiException.notFound("Work"));
  }

  /** The same, with the works row locked until the transaction ends. */
  Work requireForUpdate(long id) {
    db.one("select id from works where id = ? for no key update", rs -> rs.getLong(1), id);
    return require(id);
  }

  static Work read(ResultSet rs) throws SQLException {
    return new Work(
        rs.getLong("id"),
        rs.getString("title"),
        rs.getLong("created_by"),
        longs(rs.getArray("authors")),
        longs(rs.getArray("invited")),
        rs.getString("visibility"),
        Db.nullableLong(rs, "translation_of"),
        rs.getString("translation_state"),
        longs(rs.getArray("original_authors")),
        Db.nullableLong(rs, "topic_id"),
        rs.getString("board_slug"),
        rs.getString("cover_key"),
        Db.instant(rs, "published_at"),
        Db.instant(rs, "deleted_at"));
  }

  static List<Long> longs(Array a) throws SQLException {
    if (a == null) {
      return List.of();
    }
    Object[] values = (Object[]) a.getArray();
    return Arrays.stream(values).map(v -> ((Number) v).longValue()).toList();
  }

  static List<String> strings(Array a) throws SQLException {
    return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
  }
}
