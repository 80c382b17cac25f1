package io.starbridge.board;

import io.starbridge.common.ApiException;
import io.starbridge.common.Db;
import io.starbridge.security.Guardian;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Read model of boards, and the board lookups other features use. */
@Singleton
public class BoardQueries {
  private final Db db;
  private final Boards boards;

  BoardQueries(Db db, Boards boards) {
    this.db = db;
    this.boards = boards;
  }

  /** The board with this slug (whoever may see it: ask the Guardian). */
  public Optional<Board> bySlug(String slug) {
    return slug == null ? Optional.empty() : boards.bySlug(slug);
  }

  public Optional<Board> byId(long id) {
    return boards.byId(id);
  }

  /**
   * The boards the guardian's actor may read, top-level ones with their sub-boards nested, in
   * display order.
   */
  public List<BoardView> visible(Guardian guardian) {
    return tree(guardian, rows(guardian, null));
  }

  /** One board the actor may read, with its visible sub-boards; 404 otherwise. */
  public BoardView one(Guardian guardian, String slug) {
    Board board = bySlug(slug).orElseThrow(() -> ApiException.notFound("Board"));
    guardian.ensureCanSee(board);
    List<Row> rows = rows(guardian, board.id());
    Map<Long, List<BoardView>> children = new LinkedHashMap<>();
    Row self = null;
    for (Row r : rows) {
      if (r.board().id() == board.id()) {
        self = r;
      } else {
        children
            .computeIfAbsent(r.board().parentId(), k -> new ArrayList<>())
            .add(view(guardian, r, List.of()));
      }
    }
    if (self == null) {
      throw ApiException.notFound("Board");
    }
    return view(guardian, self, children.getOrDefault(board.id(), List.of()));
  }

  private record Row(
      Board board,
      String parentSlug,
      long topicCount,
      long postCount,
      Instant lastActivityAt,
      Boolean followed) {}

  /** Visible boards; with {@code onlyId}, just that board and its children. One query. */
  private List<Row> rows(Guardian guardian, Long onlyId) {
    Long userId = guardian.isSignedIn() ? guardian.actor().id() : null;
    return db.list(
        "select "
            + Boards.COLUMNS
            + """
            , p.slug as parent_slug, b.topic_count, b.post_count, b.last_activity_at,
                   (f.user_id is not null) as followed
              from boards b
              left join boards p on p.id = b.parent_id
              left join board_follows f on f.board_id = b.id and f.user_id = ?
             where\s"""
            + guardian.readableScope().boardsReadable("b")
            + """
               and (?::bigint is null or b.id = ?::bigint or b.parent_id = ?::bigint)
             order by b.position, b.id
            """,
        rs ->
            new Row(
                Boards.map(rs),
                rs.getString("parent_slug"),
                rs.getLong("topic_count"),
                rs.getLong("post_count"),
                Db.instant(rs, "last_activity_at"),
                userId == null ? null : rs.getBoolean("followed")),
        userId,
        onlyId,
        onlyId,
        onlyId);
  }

  private List<BoardView> tree(Guardian guardian, List<Row> rows) {
    Map<Long, List<BoardView>> children = new LinkedHashMap<>();
    for (Row r : rows) {
      if (r.board().parentId() != null) {
        children
            .computeIfAbsent(r.board().parentId(), k -> new ArrayList<>())
            .add(view(guardian, r, List.of()));
      }
    }
    List<BoardView> top = new ArrayList<>();
    for (Row r : rows) {
      if (r.board().parentId() == null) {
        top.add(view(guardian, r, children.getOrDefault(r.board().id(), List.of())));
      }
    }
    return top;
  }

  private static BoardView view(Guardian g, Row r, List<BoardView> children) {
    Board b = r.board();
    return new BoardView(
        b.id(),
        b.slug(),
        b.nameZh(),
        b.nameEn(),
        b.descriptionZh(),
        b.descriptionEn(),
        b.position(),
        b.parentId(),
        r.parentSlug(),
        b.color(),
        b.readAccess().wire(),
        b.minReadTrust(),
        b.postAccess().wire(),
        b.minPostTrust(),
        b.approvalRequired(),
        r.topicCount(),
        r.postCount(),
        r.lastActivityAt(),
        r.followed(),
        new BoardView.Permissions(g.canCreateTopicIn(b), g.canFollow(b), g.canManageBoards()),
        children);
  }
}
