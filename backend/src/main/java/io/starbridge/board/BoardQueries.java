package io.starbridge.board;

import io.starbridge.common.Db;
import io.starbridge.security.Guardian;
import jakarta.inject.Singleton;
import java.util.List;

/** Read model of boards. */
@Singleton
public class BoardQueries {
  private final Db db;

  public BoardQueries(Db db) {
    this.db = db;
  }

  /** The boards the guardian's actor may read, in display order. */
  public List<BoardView> visible(Guardian guardian) {
    return db.list(
        """
        select id, slug, name_zh, name_en, description_zh, description_en, position, parent_id, color
          from boards
         where read_access = 'everyone'
            or (read_access = 'signed_in' and ?)
            or (read_access = 'trust_level' and ? and min_read_trust <= ?)
            or (read_access = 'staff' and ?)
         order by position, id
        """,
        rs ->
            new BoardView(
                rs.getLong("id"),
                rs.getString("slug"),
                rs.getString("name_zh"),
                rs.getString("name_en"),
                rs.getString("description_zh"),
                rs.getString("description_en"),
                rs.getInt("position"),
                Db.nullableLong(rs, "parent_id"),
                rs.getString("color"),
                0,
                0,
                null),
        guardian.isSignedIn(),
        guardian.isSignedIn(),
        guardian.actor().trustLevel(),
        guardian.isStaff());
  }
}
