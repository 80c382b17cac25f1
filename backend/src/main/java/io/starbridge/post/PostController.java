package io.starbridge.post;

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
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.starbridge.common.Idempotency;
import io.starbridge.common.Page;
import io.starbridge.common.StandardProblems;
import io.starbridge.security.Actor;
import io.starbridge.security.Guardians;
import io.starbridge.security.Limits;
import io.starbridge.security.RateLimiter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;

/** Posts: a topic's pages, replies, edits and revisions, deletion, reactions and bookmarks. */
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Posts")
@StandardProblems
class PostController {
  static final int REACTORS_PER_KIND = 20;

  private final PostQueries posts;
  private final CreateReply createReply;
  private final EditPost editPost;
  private final DeletePost deletePost;
  private final React react;
  private final Bookmarks bookmarks;
  private final Idempotency idempotency;
  private final RateLimiter rateLimiter;
  private final Limits limits;
  private final Guardians guardians;

  PostController(
      PostQueries posts,
      CreateReply createReply,
      EditPost editPost,
      DeletePost deletePost,
      React react,
      Bookmarks bookmarks,
      Idempotency idempotency,
      RateLimiter rateLimiter,
      Limits limits,
      Guardians guardians) {
    this.posts = posts;
    this.createReply = createReply;
    this.editPost = editPost;
    this.deletePost = deletePost;
    this.react = react;
    this.bookmarks = bookmarks;
    this.idempotency = idempotency;
    this.rateLimiter = rateLimiter;
    this.limits = limits;
    this.guardians = guardians;
  }

  @Get("/topics/{id}/posts{?cursor,limit,near,view}")
  @Secured(SecurityRule.IS_ANONYMOUS)
  PostPage page(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @PathVariable long id,
      @Nullable @QueryValue String cursor,
      @Nullable @QueryValue Integer limit,
      @Nullable @QueryValue Integer near,
      @Nullable @QueryValue String view) {
    return posts.page(
        guardians.of(actor), id, new PostQueries.PageParams(cursor, limit, near, view));
  }

  @Post("/topics/{id}/posts")
  @ApiResponse(
      responseCode = "201",
      description = "Created (or the first answer replayed for a repeated Idempotency-Key)")
  HttpResponse<PostView> reply(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @PathVariable long id,
      @Nullable @Header(Idempotency.HEADER) String key,
      @Valid @Body PostRequests.Reply body) {
    var result =
        idempotency.once(
            actor.id(),
            key,
            "POST /topics/" + id + "/posts",
            body,
            201,
            Argument.of(PostView.class),
            () -> {
              rateLimiter.consume(
                  limits.forActor(limits.postsPerUser, guardians.of(actor)), guardians.of(actor));
              return createReply.call(actor, id, body);
            });
    return HttpResponse.status(HttpStatus.valueOf(result.status())).body(result.body());
  }

  @Get("/posts/{id}")
  @Secured(SecurityRule.IS_ANONYMOUS)
  PostView get(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor, @PathVariable long id) {
    return posts.one(guardians.of(actor), id);
  }

  @Patch("/posts/{id}")
  PostView edit(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @PathVariable long id,
      @Valid @Body PostRequests.Edit body) {
    rateLimiter.consume(
        limits.forActor(limits.editsPerUser, guardians.of(actor)), guardians.of(actor));
    return editPost.call(actor, id, body);
  }

  @Delete("/posts/{id}")
  @Status(HttpStatus.NO_CONTENT)
  void delete(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor, @PathVariable long id) {
    deletePost.delete(actor, id);
  }

  @Post("/posts/{id}/restore")
  PostView restore(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor, @PathVariable long id) {
    return deletePost.restore(actor, id);
  }

  @Get("/posts/{id}/revisions")
  @Secured(SecurityRule.IS_ANONYMOUS)
  Page<RevisionView> revisions(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor, @PathVariable long id) {
    return posts.revisions(guardians.of(actor), id);
  }

  /** The post's reactions after a change. */
  @Serdeable
  record Reactions(List<PostView.Reaction> reactions) {}

  @Put("/posts/{id}/reactions/{kind}")
  Reactions addReaction(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @PathVariable long id,
      @PathVariable String kind) {
    rateLimiter.consume(
        limits.forActor(limits.reactionsPerUser, guardians.of(actor)), guardians.of(actor));
    return new Reactions(react.add(actor, id, kind));
  }

  @Delete("/posts/{id}/reactions/{kind}")
  Reactions removeReaction(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @PathVariable long id,
      @PathVariable String kind) {
    return new Reactions(react.remove(actor, id, kind));
  }

  @Get("/posts/{id}/reactions")
  @Secured(SecurityRule.IS_ANONYMOUS)
  Page<PostQueries.Reactors> reactors(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor, @PathVariable long id) {
    return posts.reactors(guardians.of(actor), id, REACTORS_PER_KIND);
  }

  @Put("/posts/{id}/bookmark")
  @Status(HttpStatus.NO_CONTENT)
  void bookmark(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @PathVariable long id,
      @Nullable @Body PostRequests.Bookmark body) {
    bookmarks.put(actor, id, body == null ? null : body.note());
  }

  @Delete("/posts/{id}/bookmark")
  @Status(HttpStatus.NO_CONTENT)
  void unbookmark(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor, @PathVariable long id) {
    bookmarks.remove(actor, id);
  }

  @Get("/me/bookmarks{?kind,tag,cursor,limit}")
  @io.swagger.v3.oas.annotations.Operation(
      summary = "The caller's bookmarks: posts and works, newest first",
      description =
          "Each item has kind post (the post fields and the note) or work (work: the work's card"
              + " and the bookmark with note, noteHtml, tags, isPrivate). kind=post|work keeps one"
              + " kind; tag keeps works bookmarked with that tag.")
  Page<BookmarkView> myBookmarks(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @Nullable @QueryValue String kind,
      @Nullable @QueryValue String tag,
      @Nullable @QueryValue String cursor,
      @Nullable @QueryValue Integer limit) {
    return bookmarks.mine(actor, kind, tag, cursor, limit);
  }
}
