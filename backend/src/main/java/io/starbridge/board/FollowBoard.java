package io.starbridge.board;

import io.starbridge.common.ApiException;
import io.starbridge.common.Db;
import io.starbridge.event.Outbox;
import io.starbridge.security.Actor;
import io.starbridge.security.Guardians;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.Map;

/** Following a board (idempotent both ways: only a change is announced). */
@Singleton
public class FollowBoard {
  private final Db db;
  private final Boards boards;
  private final Guardians guardians;
  private final Outbox outbox;

  FollowBoard(Db db, Boards boards, Guardians guardians, Outbox outbox) {
    this.db = db;
    this.boards = boards;
    this.guardians = guardians;
    this.outbox = outbox;
  }

  @Transactional
  public void follow(Actor actor, String slug) {
    Board board = boards.bySlug(slug).orElseThrow(() -> ApiException.notFound("Board"));
    guardians.of(actor).ensureCanFollow(board);
    int added =
        db.update(
            "insert into board_follows (user_id, board_id) values (?, ?) on conflict do nothing",
            actor.id(),
            board.id());
    if (added > 0) {
      outbox.publish(
          "BoardFollowed", "board", board.id(), actor.id(), Map.of("userId", actor.id()));
    }
  }

  @Transactional
  public void unfollow(Actor actor, String slug) {
    Board board = boards.bySlug(slug).orElseThrow(() -> ApiException.notFound("Board"));
    guardians.of(actor).ensureCanFollow(board);
    int removed =
        db.update(
            "delete from board_follows where user_id = ? and board_id = ?", actor.id(), board.id());
    if (removed > 0) {
      outbox.publish(
          "BoardUnfollowed", "board", board.id(), actor.id(), Map.of("userId", actor.id()));
    }
  }
}
