package io.starbridge.board;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.starbridge.security.Actor;
import io.starbridge.security.Guardians;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;

/** {@code /api/v1/boards}: the board list for everyone, board management for admins, follows. */
@Controller("/api/v1/boards")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Boards")
@io.starbridge.common.StandardProblems
class BoardController {
  private final BoardQueries boards;
  private final ManageBoards manage;
  private final FollowBoard follows;
  private final Guardians guardians;

  BoardController(BoardQueries boards, ManageBoards manage, FollowBoard follows, Guardians guardians) {
    this.boards = boards;
    this.manage = manage;
    this.follows = follows;
    this.guardians = guardians;
  }

  @Serdeable
  record BoardList(List<BoardView> items, String nextCursor) {}

  @Get
  @Secured(SecurityRule.IS_ANONYMOUS)
  BoardList list(Actor actor) {
    return new BoardList(boards.visible(guardians.of(actor)), null);
  }

  @Post
  @Status(HttpStatus.CREATED)
  BoardView create(Actor actor, @Valid @Body BoardRequests.Create body) {
    return manage.create(actor, body);
  }

  @Get("/{slug}")
  @Secured(SecurityRule.IS_ANONYMOUS)
  BoardView get(Actor actor, @PathVariable String slug) {
    return boards.one(guardians.of(actor), slug);
  }

  @Patch("/{slug}")
  BoardView update(Actor actor, @PathVariable String slug, @Valid @Body BoardRequests.Update body) {
    return manage.update(actor, slug, body);
  }

  @Delete("/{slug}")
  @Status(HttpStatus.NO_CONTENT)
  void delete(Actor actor, @PathVariable String slug) {
    manage.delete(actor, slug);
  }

  @Put("/{slug}/follow")
  @Status(HttpStatus.NO_CONTENT)
  void follow(Actor actor, @PathVariable String slug) {
    follows.follow(actor, slug);
  }

  @Delete("/{slug}/follow")
  @Status(HttpStatus.NO_CONTENT)
  void unfollow(Actor actor, @PathVariable String slug) {
    follows.unfollow(actor, slug);
  }
}
