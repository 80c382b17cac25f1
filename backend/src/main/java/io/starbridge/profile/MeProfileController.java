package io.starbridge.profile;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.starbridge.common.Page;
import io.starbridge.media.StoredImages;
import io.starbridge.security.Actor;
import io.starbridge.security.Guardians;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The caller's side of people: whom it follows, mutes and blocks, its avatar and cover, and its
 * requests for verified badges. ({@code GET/PATCH /me} itself is in account.)
 */
@Controller("/api/v1/me")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "People")
@io.starbridge.common.StandardProblems
class MeProfileController {
  private final ProfileQueries people;
  private final ProfileImages images;
  private final Verifications verifications;
  private final Guardians guardians;

  MeProfileController(
      ProfileQueries people,
      ProfileImages images,
      Verifications verifications,
      Guardians guardians) {
    this.people = people;
    this.images = images;
    this.verifications = verifications;
    this.guardians = guardians;
  }

  @Get("/following")
  @Operation(summary = "Everything the caller follows: users, boards, groups and tags")
  ProfileQueries.Following following(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor) {
    return people.following(guardians.of(actor));
  }

  @Get("/mutes")
  Page<ProfileQueries.IgnoreEntry> mutes(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @Nullable @QueryValue Integer limit,
      @Nullable @QueryValue String cursor) {
    return people.ignores(actor.id(), "mute", limit, cursor);
  }

  @Get("/blocks")
  Page<ProfileQueries.IgnoreEntry> blocks(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @Nullable @QueryValue Integer limit,
      @Nullable @QueryValue String cursor) {
    return people.ignores(actor.id(), "block", limit, cursor);
  }

  @Serdeable
  record AvatarUrl(String avatarUrl) {}

  @Serdeable
  record CoverUrl(String coverUrl) {}

  @Put(value = "/avatar", consumes = MediaType.MULTIPART_FORM_DATA)
  @Operation(
      summary =
          "Upload an avatar (multipart part 'file': PNG, JPEG or WebP up to 5 MB), re-encoded as"
              + " 256 and 64 px squares")
  AvatarUrl putAvatar(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      CompletedFileUpload file) {
    return new AvatarUrl(images.setAvatar(actor, StoredImages.read(file)));
  }

  @Delete("/avatar")
  @Status(HttpStatus.NO_CONTENT)
  void deleteAvatar(@io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor) {
    images.deleteAvatar(actor);
  }

  @Put(value = "/cover", consumes = MediaType.MULTIPART_FORM_DATA)
  @Operation(
      summary =
          "Upload a cover image (multipart part 'file': PNG, JPEG or WebP up to 5 MB), re-encoded"
              + " as a 1500×500 JPEG")
  CoverUrl putCover(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      CompletedFileUpload file) {
    return new CoverUrl(images.setCover(actor, StoredImages.read(file)));
  }

  @Delete("/cover")
  @Status(HttpStatus.NO_CONTENT)
  void deleteCover(@io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor) {
    images.deleteCover(actor);
  }

  @Post("/verifications")
  @Status(HttpStatus.CREATED)
  @Operation(summary = "Ask for a verified badge (one pending request per kind)")
  Verifications.VerificationView requestVerification(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @Body Verifications.RequestBody body) {
    return verifications.request(actor, body);
  }

  @Get("/verifications")
  Page<Verifications.VerificationView> myVerifications(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor) {
    return verifications.mine(actor);
  }
}
