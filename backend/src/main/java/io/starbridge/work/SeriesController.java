package io.starbridge.work;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
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
import io.starbridge.common.Idempotency;
import io.starbridge.common.StandardProblems;
import io.starbridge.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;

/** Series: ordered lists of works by the same author(s). */
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Works")
@StandardProblems
class SeriesController {
  private final SeriesService series;
  private final Idempotency idempotency;

  SeriesController(SeriesService series, Idempotency idempotency) {
    this.series = series;
    this.idempotency = idempotency;
  }

  @Get("/series/{id}")
  @Secured(SecurityRule.IS_ANONYMOUS)
  @Operation(summary = "A series with the works in it the caller may read, in order")
  WorkView.Series get(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor, @PathVariable long id) {
    return series.view(actor, id);
  }

  @Post("/series")
  @Status(HttpStatus.CREATED)
  @ApiResponse(responseCode = "201", description = "Created")
  @Operation(summary = "Start a series {title, summary}")
  WorkView.Series create(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @Nullable @Header(Idempotency.HEADER) String key,
      @Valid @Body WorkRequests.SeriesBody body) {
    return idempotency
        .once(
            actor.id(),
            key,
            "POST /series",
            body,
            201,
            Argument.of(WorkView.Series.class),
            () -> series.create(actor, body))
        .body();
  }

  @Patch("/series/{id}")
  @Operation(summary = "Edit a series (its creator)")
  WorkView.Series update(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @PathVariable long id,
      @Valid @Body WorkRequests.SeriesBody body) {
    return series.update(actor, id, body);
  }

  @Put("/series/{id}/works/{workId}")
  @Operation(summary = "Add one of the creator's works at the end of the series")
  WorkView.Series addWork(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @PathVariable long id,
      @PathVariable long workId) {
    return series.putWork(actor, id, workId);
  }

  @Put("/series/{id}/order")
  @Operation(
      summary = "Reorder the series (its creator): every work id of the series once, in order",
      description = "Field error workIds/mismatch when the list is not exactly the series' works.")
  WorkView.Series reorder(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @PathVariable long id,
      @Valid @Body WorkRequests.SeriesOrder body) {
    return series.reorder(actor, id, body.workIds());
  }

  @Get("/me/series")
  @Operation(
      summary = "The series the caller started, newest first",
      description = "position carries the number of works in each series.")
  List<WorkView.SeriesRef> mine(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor) {
    return series.mine(actor);
  }

  @Delete("/series/{id}/works/{workId}")
  @Status(HttpStatus.NO_CONTENT)
  @Operation(summary = "Take a work out of the series")
  void removeWork(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @PathVariable long id,
      @PathVariable long workId) {
    series.removeWork(actor, id, workId);
  }

  @Put("/series/{id}/subscribe")
  @Status(HttpStatus.NO_CONTENT)
  @Operation(summary = "Subscribe to new works in the series")
  void subscribe(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor, @PathVariable long id) {
    series.subscribe(actor, id, true);
  }

  @Delete("/series/{id}/subscribe")
  @Status(HttpStatus.NO_CONTENT)
  @Operation(summary = "Unsubscribe from the series")
  void unsubscribe(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor, @PathVariable long id) {
    series.subscribe(actor, id, false);
  }
}
