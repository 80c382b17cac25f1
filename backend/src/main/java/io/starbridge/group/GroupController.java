package io.starbridge.group;

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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.starbridge.common.Idempotency;
import io.starbridge.common.Page;
import io.starbridge.common.StandardProblems;
import io.starbridge.security.Actor;
import io.starbridge.security.Guardians;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/**
 * Groups: the directory, create/edit/delete, membership (join, request, invite, approve, ban,
 * roles, leave), follows, a person's groups and the caller's invitations. A group's discussions are
 * the topic endpoints ({@code GET /groups/{slug}/topics}, {@code POST /topics {group}}).
 */
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Groups")
@StandardProblems
class GroupController {
  private final GroupQueries queries;
  private final ManageGroups manage;
  private final JoinGroup join;
  private final InviteMember invite;
  private final ChangeMember change;
  private final RemoveMember remove;
  private final FollowGroup follows;
  private final Guardians guardians;
  private final Idempotency idempotency;

  GroupController(
      GroupQueries queries,
      ManageGroups manage,
      JoinGroup join,
      InviteMember invite,
      ChangeMember change,
      RemoveMember remove,
      FollowGroup follows,
      Guardians guardians,
      Idempotency idempotency) {
    this.queries = queries;
    this.manage = manage;
    this.join = join;
    this.invite = invite;
    this.change = change;
    this.remove = remove;
    this.follows = follows;
    this.guardians = guardians;
    this.idempotency = idempotency;
  }

  @Get("/groups{?params*}")
  @Secured(SecurityRule.IS_ANONYMOUS)
  @Operation(
      summary = "The group directory",
      description =
          "Filters: discipline, field, q (name or description). Sorts: activity (default), members,"
              + " new, for_you (fit and bridge to the caller's disciplines and fields; groups the"
              + " caller belongs to are left out; anonymous callers get activity). Secret groups"
              + " appear only to their members, invitees and admins.")
  Page<GroupView> directory(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @RequestBean GroupRequests.DirectoryParams params) {
    return queries.directory(guardians.of(actor), params);
  }

  @Post("/groups")
  @Operation(summary = "Create a group (trust level 1 or staff); the creator becomes its owner")
  @ApiResponse(
      responseCode = "201",
      description = "Created (or the first answer replayed for a repeated Idempotency-Key)")
  HttpResponse<GroupView> create(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @Nullable @Header(Idempotency.HEADER) String key,
      @Valid @Body GroupRequests.Create body) {
    var result =
        idempotency.once(
            actor.id(),
            key,
            "POST /groups",
            body,
            201,
            Argument.of(GroupView.class),
            () -> manage.create(actor, body));
    return HttpResponse.status(HttpStatus.valueOf(result.status())).body(result.body());
  }

  @Get("/groups/{slug}")
  @Secured(SecurityRule.IS_ANONYMOUS)
  @Operation(summary = "A group's about page (404 for a secret group to outsiders)")
  GroupView get(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @PathVariable String slug) {
    return queries.one(guardians.of(actor), slug);
  }

  @Patch("/groups/{slug}")
  @Operation(
      summary = "Edit a group",
      description =
          "Owner and group moderators: name, description, disciplines, fields. Visibility: the"
              + " owner or an admin.")
  GroupView update(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @PathVariable String slug,
      @Valid @Body GroupRequests.Update body) {
    return manage.update(actor, slug, body);
  }

  @Delete("/groups/{slug}")
  @Status(HttpStatus.NO_CONTENT)
  @Operation(summary = "Delete a group (owner or admin)")
  void delete(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @PathVariable String slug) {
    manage.delete(actor, slug);
  }

  @Get("/groups/{slug}/members{?state,cursor,limit}")
  @Secured(SecurityRule.IS_ANONYMOUS)
  @Operation(
      summary = "A group's members by state",
      description =
          "Active members for those who may read the group's content; pending, invited and banned"
              + " for its managers.")
  Page<GroupView.Member> members(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @PathVariable String slug,
      @Nullable @QueryValue String state,
      @Nullable @QueryValue String cursor,
      @Nullable @QueryValue Integer limit) {
    return queries.members(guardians.of(actor), slug, state, cursor, limit);
  }

  @Post("/groups/{slug}/join")
  @Operation(
      summary = "Join a public group, request to join a restricted one, or accept an invitation",
      description = "Answers the caller's membership: {role, state}. Banned callers get 403.")
  GroupView.MembershipView join(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @PathVariable String slug) {
    return join.call(actor, slug);
  }

  @Post("/groups/{slug}/invites")
  @Status(HttpStatus.CREATED)
  @Operation(summary = "Invite someone (group owner and moderators)")
  @ApiResponse(responseCode = "201", description = "Invited")
  GroupView.Member invite(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @PathVariable String slug,
      @Valid @Body GroupRequests.Invite body) {
    return invite.call(actor, slug, body.handle());
  }

  @Put("/groups/{slug}/members/{handle}")
  @Operation(
      summary = "Approve a request, ban, or set a role",
      description =
          "state: active approves a pending request; banned bans (also someone not yet a member)."
              + " role: member, moderator, or owner (hands ownership over; the old owner becomes a"
              + " moderator). Roles: the owner or an admin.")
  GroupView.Member changeMember(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @PathVariable String slug,
      @PathVariable String handle,
      @Valid @Body GroupRequests.ChangeMember body) {
    return change.call(actor, slug, handle, body);
  }

  @Delete("/groups/{slug}/members/{handle}")
  @Status(HttpStatus.NO_CONTENT)
  @Operation(
      summary = "Remove a membership",
      description =
          "handle me: leave, withdraw a request or decline an invitation (the owner cannot leave:"
              + " 409). Managers: remove a member, decline a request, cancel an invitation, lift a"
              + " ban.")
  void removeMember(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @PathVariable String slug,
      @PathVariable String handle) {
    remove.call(actor, slug, handle);
  }

  @Put("/groups/{slug}/follow")
  @Status(HttpStatus.NO_CONTENT)
  void follow(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @PathVariable String slug) {
    follows.follow(actor, slug);
  }

  @Delete("/groups/{slug}/follow")
  @Status(HttpStatus.NO_CONTENT)
  void unfollow(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @PathVariable String slug) {
    follows.unfollow(actor, slug);
  }

  @Get("/users/{handle}/groups{?cursor,limit}")
  @Secured(SecurityRule.IS_ANONYMOUS)
  @Operation(summary = "The groups a person is an active member of, as far as the caller may see")
  Page<GroupView> ofUser(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @PathVariable String handle,
      @Nullable @QueryValue String cursor,
      @Nullable @QueryValue Integer limit) {
    return queries.ofUser(guardians.of(actor), handle, cursor, limit);
  }

  @Get("/me/invitations{?cursor,limit}")
  @Operation(summary = "The caller's pending invitations")
  Page<GroupView.Invitation> invitations(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @Nullable @QueryValue String cursor,
      @Nullable @QueryValue Integer limit) {
    return queries.invitations(guardians.of(actor), cursor, limit);
  }
}
