package io.starbridge.ip;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.starbridge.common.StandardProblems;
import io.starbridge.security.Actor;
import io.starbridge.security.Guardians;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The author dashboard: the caller's works with their stats, rights and registrations, and the
 * received inquiries per state.
 */
@Controller("/api/v1/me")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "IP")
@StandardProblems
class DashboardController {
  private final AuthorDashboard dashboard;
  private final Guardians guardians;

  DashboardController(AuthorDashboard dashboard, Guardians guardians) {
    this.dashboard = dashboard;
    this.guardians = guardians;
  }

  @Get("/dashboard")
  @Operation(
      summary = "The caller's author dashboard",
      description =
          "works: every work the caller authors (owner or accepted co-author, drafts included),"
              + " most recently updated first, at most 200: title, visibility, status, wordCount,"
              + " chapters, hits (total) and hitsByDay (the last 30 UTC days, oldest first,"
              + " [{day, hits}]), kudos, bookmarks, subscribers, comments, rights (as GET"
              + " /works/{id}/rights), registrations {count, latest} and inquiries {open (sent or"
              + " in_discussion), total}. registrations: the"
              + " registry entries naming the caller as an author, drafts by hash included,"
              + " newest first (at most 100), each linking its certificate by id. inquiries: the"
              + " adaptation inquiries received about the caller's works counted per state"
              + " ({sent, in_discussion, declined, agreed, withdrawn}, zeros included); the list"
              + " is GET /me/inquiries?role=received.")
  AuthorDashboard.Dashboard get(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor) {
    return dashboard.of(guardians.of(actor));
  }
}
