package io.starbridge.board;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.starbridge.security.Actor;
import io.starbridge.security.Guardians;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

@Controller("/api/v1/boards")
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "Boards")
@io.starbridge.common.StandardProblems
class BoardController {
  private final BoardQueries boards;
  private final Guardians guardians;

  BoardController(BoardQueries boards, Guardians guardians) {
    this.boards = boards;
    this.guardians = guardians;
  }

  @Serdeable
  record BoardList(List<BoardView> items, String nextCursor) {}

  @Get
  BoardList list(Actor actor) {
    return new BoardList(boards.visible(guardians.of(actor)), null);
  }
}
