package io.starbridge.moderation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.starbridge.common.Page;
import io.starbridge.common.StandardProblems;
import io.starbridge.security.Actor;
import io.starbridge.security.ClientIp;
import io.starbridge.security.Guardians;
import io.starbridge.security.Limits;
import io.starbridge.security.RateLimiter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;

/** Reports, the review queue, staff actions on people, the audit log and site settings. */
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Moderation")
@StandardProblems
class ModerationController {
  private final Reports reports;
  private final ResolveReport resolve;
  private final StaffActions staff;
  private final ModerationQueries queries;
  private final SiteSettings settings;
  private final RateLimiter rateLimiter;
  private final Limits limits;
  private final Guardians guardians;
  private final ClientIp clientIp;

  ModerationController(
      Reports reports,
      ResolveReport resolve,
      StaffActions staff,
      ModerationQueries queries,
      SiteSettings settings,
      RateLimiter rateLimiter,
      Limits limits,
      Guardians guardians,
      ClientIp clientIp) {
    this.reports = reports;
    this.resolve = resolve;
    this.staff = staff;
    this.queries = queries;
    this.settings = settings;
    this.rateLimiter = rateLimiter;
    this.limits = limits;
    this.guardians = guardians;
    this.clientIp = clientIp;
  }

  @Post("/reports")
  @Status(HttpStatus.CREATED)
  @Operation(
      summary = "Report a post, topic, user, group or work",
      description =
          "reason: spam, harassment, off_topic, inappropriate, copyright, other (other needs a"
              + " note). copyright names the claimed original: originalUrl (http or https),"
              + " originalWorkId (a work the reporter may read) or originalEntryId (a registry"
              + " entry), at least one; unknown ones are field errors. The answer never shows"
              + " the registry evidence: staff see it in the queue.")
  Reports.ReportView report(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      HttpRequest<?> request,
      @Body ModerationRequests.FileReport body) {
    rateLimiter.consume(
        limits.forActor(limits.reportsPerUser, guardians.of(actor)), guardians.of(actor));
    rateLimiter.consume(limits.writesPerIp, clientIp.of(request));
    return reports.file(actor, body);
  }

  @Get("/mod/queue")
  @Operation(
      summary = "Reports and held posts the caller may handle, one item per target",
      description =
          "For staff (site moderators and admins) an item with a copyright report carries"
              + " copyright: the registry entries of both sides"
              + " merged oldest first, each {side: reported|claimed, id (chain position), kind,"
              + " workId, chapterId, chapterNumber, version, registeredAt, contentHash, entryHash,"
              + " paragraphCount, matchingParagraphs (1-based positions whose hashes occur on the"
              + " other side)}. The reported side is the reported work's entries, or for a post"
              + " (a topic: its first post) the entries sharing a paragraph with it. A group's"
              + " own moderators see their group's items with copyright null.")
  Page<ModerationQueries.QueueItem> queue(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor) {
    return queries.queue(actor);
  }

  @Post("/mod/reports/{id}/resolve")
  @Operation(summary = "Resolve every open report of the target with one action")
  @ApiResponse(
      responseCode = "409",
      description = "The report has already been resolved (/problems/conflict)")
  Map<String, Object> resolve(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @PathVariable long id,
      @Body ModerationRequests.Resolve body) {
    return resolve.call(actor, id, body);
  }

  @Get("/mod/users/{handle}")
  @Operation(summary = "A member's moderation history with the suggested next penalty length")
  ModerationQueries.History history(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @PathVariable String handle) {
    return queries.history(actor, handle);
  }

  @Post("/mod/users/{handle}/silence")
  @Status(HttpStatus.NO_CONTENT)
  void silence(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @PathVariable String handle,
      @Body ModerationRequests.Restrict body) {
    staff.restrict(actor, handle, "silenced", body.until(), body.reason());
  }

  @Delete("/mod/users/{handle}/silence")
  @Status(HttpStatus.NO_CONTENT)
  void unsilence(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @PathVariable String handle) {
    staff.lift(actor, handle, "silenced");
  }

  @Post("/mod/users/{handle}/suspend")
  @Status(HttpStatus.NO_CONTENT)
  void suspend(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @PathVariable String handle,
      @Body ModerationRequests.Restrict body) {
    staff.restrict(actor, handle, "suspended", body.until(), body.reason());
  }

  @Delete("/mod/users/{handle}/suspend")
  @Status(HttpStatus.NO_CONTENT)
  void unsuspend(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @PathVariable String handle) {
    staff.lift(actor, handle, "suspended");
  }

  @Post("/mod/users/{handle}/warn")
  @Status(HttpStatus.NO_CONTENT)
  void warn(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @PathVariable String handle,
      @Body ModerationRequests.Warn body) {
    staff.warn(actor, handle, body.reason(), null);
  }

  @Get("/mod/log")
  @Operation(summary = "The audit log: staff see all, group moderators their groups' rows")
  Page<ModerationQueries.AuditEntry> log(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @Nullable @QueryValue("actor") String byHandle,
      @Nullable @QueryValue String action,
      @Nullable @QueryValue String target,
      @Nullable @QueryValue String cursor,
      @Nullable @QueryValue Integer limit) {
    return queries.log(actor, byHandle, action, target, cursor, limit);
  }

  @Get("/admin/settings")
  @Operation(summary = "Site settings with their defaults (admins)")
  Map<String, Object> settings(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor) {
    return settings.view(actor);
  }

  @Patch("/admin/settings")
  @Operation(summary = "Change site settings (validated, audit-logged)")
  Map<String, Object> patchSettings(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @Body Map<String, Object> body) {
    settings.patch(actor, body);
    return settings.view(actor);
  }
}
