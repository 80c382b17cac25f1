package io.starbridge.board;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.starbridge.common.Idempotency;
import io.starbridge.security.Actor;
import io.starbridge.security.Guardians;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
  private final Idempotency idempotency;

  BoardController(
      BoardQueries boards,
      ManageBoards manage,
      FollowBoard follows,
      Guardians guardians,
      Idempotency idempotency) {
    this.boards = boards;
    this.manage = manage;
    this.follows = follows;
    this.guardians = guardians;
    this.idempotency = idempotency;
  }

  @Serdeable
  record BoardList(List<BoardView> items, String nextCursor) {}

  @Get
  @Secured(SecurityRule.IS_ANONYMOUS)
  BoardList list(Actor actor) {
    return new BoardList(boards.visible(guardians.of(actor)), null);
  }

  @Post
  @ApiResponse(
      responseCode = "201",
      description = "Created (or the first answer replayed for a repeated Idempotency-Key)")
  HttpResponse<BoardView> create(
      Actor actor,
      @Nullable @Header(Idempotency.HEADER) String key,
      @Valid @Body BoardRequests.Create body) {
    var result =
        idempotency.once(
            actor.id(),
            key,
            "POST /boards",
            body,
            201,
            Argument.of(BoardView.class),
            () -> manage.create(actor, body));
    return HttpResponse.status(HttpStatus.valueOf(result.status())).body(result.body());
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
