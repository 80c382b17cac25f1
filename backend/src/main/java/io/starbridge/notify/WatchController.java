package io.starbridge.notify;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.starbridge.security.Actor;
import io.starbridge.security.Guardian;
import io.starbridge.security.Guardians;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Watch levels ({@code watching | tracking | normal | muted}) of the caller on a topic, board or
 * group: {@code GET|PUT /topics/{id}/watch}, {@code /boards/{slug}/watch}, {@code
 * /groups/{slug}/watch}.
 */
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Notifications")
@io.starbridge.common.StandardProblems
class WatchController {
  private final Watches watches;
  private final Guardians guardians;

  WatchController(Watches watches, Guardians guardians) {
    this.watches = watches;
    this.guardians = guardians;
  }

  @Get("/topics/{id}/watch")
  @Operation(summary = "The caller's watch level on a topic")
  Watches.Level topic(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor, @PathVariable long id) {
    Guardian g = guardians.of(actor);
    return watches.get(actor.id(), "topic", watches.topic(g, id));
  }

  @Put("/topics/{id}/watch")
  @Operation(summary = "Sets the caller's watch level on a topic: {level}")
  Watches.Level watchTopic(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @PathVariable long id,
      @Body Watches.Level body) {
    Guardian g = guardians.of(actor);
    return watches.set(actor.id(), "topic", watches.topic(g, id), body);
  }

  @Get("/boards/{slug}/watch")
  @Operation(summary = "The caller's watch level on a board")
  Watches.Level board(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @PathVariable String slug) {
    return watches.get(actor.id(), "board", watches.board(guardians.of(actor), slug));
  }

  @Put("/boards/{slug}/watch")
  @Operation(summary = "Sets the caller's watch level on a board (watching: every new topic)")
  Watches.Level watchBoard(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @PathVariable String slug,
      @Body Watches.Level body) {
    return watches.set(actor.id(), "board", watches.board(guardians.of(actor), slug), body);
  }

  @Get("/groups/{slug}/watch")
  @Operation(summary = "The caller's watch level on a group")
  Watches.Level group(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @PathVariable String slug) {
    return watches.get(actor.id(), "group", watches.group(guardians.of(actor), slug));
  }

  @Put("/groups/{slug}/watch")
  @Operation(summary = "Sets the caller's watch level on a group (watching: every new topic)")
  Watches.Level watchGroup(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @PathVariable String slug,
      @Body Watches.Level body) {
    return watches.set(actor.id(), "group", watches.group(guardians.of(actor), slug), body);
  }
}
