package io.starbridge.profile;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.starbridge.common.Page;
import io.starbridge.security.Actor;
import io.starbridge.security.Guardian;
import io.starbridge.security.Guardians;
import io.starbridge.topic.TopicListItem;
import io.starbridge.topic.TopicQueries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code /api/v1/users/{handle}}: profiles, their activity and follow lists (each behind the
 * Guardian's privacy rules), and the caller's follows, mutes and blocks of people and tags.
 */
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "People")
@io.starbridge.common.StandardProblems
class ProfileController {
  private final ProfileQueries people;
  private final TopicQueries topics;
  private final Relationships relationships;
  private final Guardians guardians;

  ProfileController(
      ProfileQueries people,
      TopicQueries topics,
      Relationships relationships,
      Guardians guardians) {
    this.people = people;
    this.topics = topics;
    this.relationships = relationships;
    this.guardians = guardians;
  }

  @Get("/users/{handle}")
  @Secured(SecurityRule.IS_ANONYMOUS)
  @Operation(summary = "A profile, with counts of what the caller may read and its relationship")
  ProfileQueries.ProfileView profile(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @PathVariable String handle) {
    return people.profile(guardians.of(actor), handle);
  }

  @Get("/users/{handle}/topics{?params*}")
  @Secured(SecurityRule.IS_ANONYMOUS)
  @Operation(summary = "Topics started by the person (403 when their activity is hidden)")
  Page<TopicListItem> topics(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @PathVariable String handle,
      @RequestBean TopicQueries.ListParams params) {
    Guardian guardian = guardians.of(actor);
    Person person = people.person(handle);
    guardian.ensureCanSeeActivity(person);
    return topics.byAuthor(guardian, person.id(), params);
  }

  @Get("/users/{handle}/posts")
  @Secured(SecurityRule.IS_ANONYMOUS)
  @Operation(summary = "Posts by the person, newest first (403 when their activity is hidden)")
  Page<ProfileQueries.ActivityPost> posts(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @PathVariable String handle,
      @Nullable @QueryValue Integer limit,
      @Nullable @QueryValue String cursor) {
    Guardian guardian = guardians.of(actor);
    Person person = people.person(handle);
    guardian.ensureCanSeeActivity(person);
    return people.posts(guardian, person, limit, cursor);
  }

  @Get("/users/{handle}/works")
  @Secured(SecurityRule.IS_ANONYMOUS)
  @Operation(summary = "Works by the person the caller may read, newest first")
  Page<io.starbridge.work.WorkView.Card> works(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @PathVariable String handle,
      @Nullable @QueryValue Integer limit,
      @Nullable @QueryValue String cursor) {
    Guardian guardian = guardians.of(actor);
    Person person = people.person(handle);
    guardian.ensureCanSeeActivity(person);
    return people.works(guardian, person, limit, cursor);
  }

  @Get("/users/{handle}/followers")
  @Secured(SecurityRule.IS_ANONYMOUS)
  @Operation(summary = "Who follows the person (403 when they hide it)")
  Page<ProfileQueries.FollowEntry> followers(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @PathVariable String handle,
      @Nullable @QueryValue Integer limit,
      @Nullable @QueryValue String cursor) {
    Person person = people.person(handle);
    guardians.of(actor).ensureCanSeeFollowLists(person);
    return people.follows(person, true, limit, cursor);
  }

  @Get("/users/{handle}/following")
  @Secured(SecurityRule.IS_ANONYMOUS)
  @Operation(summary = "Whom the person follows (403 when they hide it)")
  Page<ProfileQueries.FollowEntry> following(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @PathVariable String handle,
      @Nullable @QueryValue Integer limit,
      @Nullable @QueryValue String cursor) {
    Person person = people.person(handle);
    guardians.of(actor).ensureCanSeeFollowLists(person);
    return people.follows(person, false, limit, cursor);
  }

  @Put("/users/{handle}/follow")
  @Status(HttpStatus.NO_CONTENT)
  void follow(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @PathVariable String handle) {
    relationships.follow(actor, handle);
  }

  @Delete("/users/{handle}/follow")
  @Status(HttpStatus.NO_CONTENT)
  void unfollow(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @PathVariable String handle) {
    relationships.unfollow(actor, handle);
  }

  @Put("/users/{handle}/mute")
  @Status(HttpStatus.NO_CONTENT)
  @Operation(summary = "Mute: their topics leave the caller's lists, their posts come collapsed")
  void mute(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @PathVariable String handle) {
    relationships.mute(actor, handle);
  }

  @Delete("/users/{handle}/mute")
  @Status(HttpStatus.NO_CONTENT)
  void unmute(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @PathVariable String handle) {
    relationships.unmute(actor, handle);
  }

  @Put("/users/{handle}/block")
  @Status(HttpStatus.NO_CONTENT)
  @Operation(
      summary =
          "Block: as mute, and they can no longer reply to, follow or mention the caller or see"
              + " its activity; ends follows both ways")
  void block(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @PathVariable String handle) {
    relationships.block(actor, handle);
  }

  @Delete("/users/{handle}/block")
  @Status(HttpStatus.NO_CONTENT)
  void unblock(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @PathVariable String handle) {
    relationships.unblock(actor, handle);
  }

  @Put("/tags/{tag}/follow")
  @Status(HttpStatus.NO_CONTENT)
  void followTag(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @PathVariable String tag) {
    relationships.followTag(actor, tag);
  }

  @Delete("/tags/{tag}/follow")
  @Status(HttpStatus.NO_CONTENT)
  void unfollowTag(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @PathVariable String tag) {
    relationships.unfollowTag(actor, tag);
  }
}
