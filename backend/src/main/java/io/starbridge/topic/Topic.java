package io.starbridge.topic;

import io.micronaut.core.annotation.Nullable;
import io.starbridge.board.Board;
import io.starbridge.common.Db;
import io.starbridge.group.Group;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A topics row with its board or its group (exactly one is set; the write model); the Guardian
 * judges it.
 *
 * @param othersReplied whether a visible post by someone other than the author exists (an author
 *     may delete a topic only while nobody else has replied)
 */
public record Topic(
    long id,
    @Nullable Board board,
    @Nullable Group group,
    long authorId,
    String title,
    String slug,
    List<String> tags,
    Pin pinned,
    boolean locked,
    boolean closed,
    int highestPostNumber,
    Instant createdAt,
    @Nullable Instant deletedAt,
    boolean othersReplied,
    @Nullable Instant hiddenAt) {

  /**
   * The select-list of a topic aliased {@code t} left-joined with its board aliased {@code b} and
   * its group aliased {@code g} (see {@link #FROM}): their columns, the topic's, and whether others
   * replied.
   */
  public static final String COLUMNS =
      Board.columns("b")
          + ", "
          + Group.columns("g")
          + ", t.id, t.author_id, t.title, t.slug, t.tags, t.pinned, t.locked, t.closed, t.highest_post_number,"
          + " t.created_at, t.deleted_at, t.hidden_at,"
          + " exists (select 1 from posts op where op.topic_id = t.id and op.author_id <> t.author_id"
          + " and op.deleted_at is null) as others_replied";

  /**
   * The tables {@link #COLUMNS} reads: the topic {@code t}, its board {@code b}, group {@code g}.
   */
  public static final String FROM =
      " from topics t left join boards b on b.id = t.board_id left join groups g on g.id = t.group_id";

  /** The topic selected by {@link #COLUMNS}. */
  public static Topic read(ResultSet rs) throws SQLException {
    return new Topic(
        rs.getLong("id"),
        Db.nullableLong(rs, "b_id") == null ? null : Board.read(rs, "b"),
        Group.read(rs, "g"),
        rs.getLong("author_id"),
        rs.getString("title"),
        rs.getString("slug"),
        tags(rs, "tags"),
        Pin.parse(rs.getString("pinned")),
        rs.getBoolean("locked"),
        rs.getBoolean("closed"),
        rs.getInt("highest_post_number"),
        Db.instant(rs, "created_at"),
        Db.instant(rs, "deleted_at"),
        rs.getBoolean("others_replied"),
        Db.instant(rs, "hidden_at"));
  }

  static List<String> tags(ResultSet rs, String column) throws SQLException {
    java.sql.Array array = rs.getArray(column);
    return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
  }

  public boolean deleted() {
    return deletedAt != null;
  }

  /** Hidden pending review or awaiting approval (see the moderation package). */
  public boolean hidden() {
    return hiddenAt != null;
  }

  /** The group's id for a group topic, else null (audit rows carry it as their scope). */
  @Nullable
  public Long groupId() {
    return group == null ? null : group.id();
  }

  /** Where the topic lives, for event payloads: {@code boardId} or {@code groupId}. */
  public java.util.Map<String, Object> place() {
    java.util.Map<String, Object> place = new java.util.LinkedHashMap<>();
    if (board != null) {
      place.put("boardId", board.id());
    } else {
      place.put("groupId", group.id());
    }
    return place;
  }

  /** Where a topic is pinned: nowhere, at the top of its board, or at the top of every list. */
  public enum Pin {
    NONE,
    BOARD,
    GLOBAL;

    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Pin parse(String wire) {
      return valueOf(wire.toUpperCase(Locale.ROOT));
    }
  }
}
