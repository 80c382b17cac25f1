package io.starbridge.board;

import io.starbridge.common.Db;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Reads and writes of the boards table (board feature only; others use {@link BoardQueries}). */
@Singleton
class Boards {
  static final String COLUMNS = Board.columns("b");

  private final Db db;

  Boards(Db db) {
    this.db = db;
  }

  static Board map(ResultSet rs) throws SQLException {
    return Board.read(rs, "b");
  }

  Optional<Board> bySlug(String slug) {
    return db.one("select " + COLUMNS + " from boards b where b.slug = ?", Boards::map, slug);
  }

  Optional<Board> bySlugForUpdate(String slug) {
    return db.one(
        "select " + COLUMNS + " from boards b where b.slug = ? for update", Boards::map, slug);
  }

  Optional<Board> byId(long id) {
    return db.one("select " + COLUMNS + " from boards b where b.id = ?", Boards::map, id);
  }

  boolean slugTaken(String slug) {
    return db.count("select count(*) from boards where slug = ?", slug) > 0;
  }

  boolean hasChildren(long id) {
    return db.count("select count(*) from boards where parent_id = ?", id) > 0;
  }

  /** The closest child read rules, for checking that a parent stays at least as open. */
  java.util.List<Board> children(long id) {
    return db.list(
        "select " + COLUMNS + " from boards b where b.parent_id = ? order by b.position, b.id",
        Boards::map,
        id);
  }

  long insert(Board b) {
    return db.insertReturningId(
        """
        insert into boards (slug, name_zh, name_en, description_zh, description_en, position, parent_id, color,
                            read_access, min_read_trust, post_access, min_post_trust, approval_required)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
        """,
        b.slug(),
        b.nameZh(),
        b.nameEn(),
        b.descriptionZh(),
        b.descriptionEn(),
        b.position(),
        b.parentId(),
        b.color(),
        b.readAccess().wire(),
        b.minReadTrust(),
        b.postAccess().wire(),
        b.minPostTrust(),
        b.approvalRequired());
  }

  void update(Board b) {
    db.update(
        """
        update boards set slug = ?, name_zh = ?, name_en = ?, description_zh = ?, description_en = ?, position = ?,
                          parent_id = ?, color = ?, read_access = ?, min_read_trust = ?, post_access = ?,
                          min_post_trust = ?, approval_required = ?, updated_at = now()
         where id = ?
        """,
        b.slug(),
        b.nameZh(),
        b.nameEn(),
        b.descriptionZh(),
        b.descriptionEn(),
        b.position(),
        b.parentId(),
        b.color(),
        b.readAccess().wire(),
        b.minReadTrust(),
        b.postAccess().wire(),
        b.minPostTrust(),
        b.approvalRequired(),
        b.id());
  }
}
