package io.starbridge.work;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.starbridge.common.StandardProblems;
import io.starbridge.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Adaptation rights of a work (the IP catalogue lists works with available rights). */
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "IP")
@StandardProblems
class WorkRightsController {
  private final WorkRights rights;

  WorkRightsController(WorkRights rights) {
    this.rights = rights;
  }

  @Get("/works/{id}/rights")
  @Secured(SecurityRule.IS_ANONYMOUS)
  @Operation(
      summary = "A work's adaptation rights",
      description = "Anyone who may read the work; 404 otherwise.")
  WorkRights.Rights get(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor, @PathVariable long id) {
    return rights.get(actor, id);
  }

  @Put("/works/{id}/rights")
  @Operation(
      summary = "Replace a work's adaptation rights (the work's authors)",
      description =
          "rights: [{medium: film_tv|animation|games|comics|audio_drama|stage|translation|"
              + "merchandise, status: available|under_option|licensed|not_available, terms"
              + " (≤ 2000 chars), language (translation only, required there), contact:"
              + " platform|email|agent (default platform)}]. One entry per medium (translation:"
              + " per language). Errors name the field, e.g. rights[2].status.")
  WorkRights.Rights put(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @PathVariable long id,
      @Nullable @Body WorkRights.Rights body) {
    return rights.replace(actor, id, body);
  }
}
