package io.starbridge.work;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
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
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.starbridge.common.Idempotency;
import io.starbridge.common.Page;
import io.starbridge.common.StandardProblems;
import io.starbridge.media.MediaUrls;
import io.starbridge.media.StoredImages;
import io.starbridge.security.Actor;
import io.starbridge.security.ClientIp;
import io.starbridge.security.Guardians;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Works: the listing, create/read/update/delete, cover, co-authors, chapters (with scheduling and
 * reordering), kudos, bookmarks, subscriptions, reading positions, downloads and translations.
 */
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Works")
@StandardProblems
class WorkController {
  private final WorkQueries queries;
  private final WorkLookup works;
  private final ManageWorks manage;
  private final Chapters chapters;
  private final Engagement engagement;
  private final Translations translations;
  private final Downloads downloads;
  private final Guardians guardians;
  private final Idempotency idempotency;
  private final StoredImages images;
  private final ClientIp clientIp;
  private final ChapterComments comments;
  private final WorkBookmarks bookmarks;

  WorkController(
      WorkQueries queries,
      WorkLookup works,
      ManageWorks manage,
      Chapters chapters,
      Engagement engagement,
      Translations translations,
      Downloads downloads,
      Guardians guardians,
      Idempotency idempotency,
      StoredImages images,
      ClientIp clientIp,
      ChapterComments comments,
      WorkBookmarks bookmarks) {
    this.comments = comments;
    this.bookmarks = bookmarks;
    this.queries = queries;
    this.works = works;
    this.manage = manage;
    this.chapters = chapters;
    this.engagement = engagement;
    this.translations = translations;
    this.downloads = downloads;
    this.guardians = guardians;
    this.idempotency = idempotency;
    this.images = images;
    this.clientIp = clientIp;
  }

  @Get("/works{?params*}")
  @Secured(SecurityRule.IS_ANONYMOUS)
  @Operation(
      summary = "The works listing",
      description =
          "Published works the caller may read. Filters: tag (repeatable; the work carries all of"
              + " them), excludeTag (repeatable; none of them), type, language, rating, status, q"
              + " (title or summary). Sorts: date (default: last chapter or publication), kudos,"
              + " bookmarks, hits. Tags match genres and free tags alike.")
  Page<WorkView.Card> list(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @Valid @RequestBean WorkRequests.ListParams params) {
    return queries.list(guardians.of(actor), params);
  }

  @Post("/works")
  @Operation(
      summary = "Create a work",
      description =
          "Visibility defaults to draft. board: where the discussion topic starts when the work is"
              + " first published (the caller must be allowed to start topics there).")
  @ApiResponse(responseCode = "201", description = "Created")
  HttpResponse<WorkView.Full> create(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @Nullable @Header(Idempotency.HEADER) String key,
      @Valid @Body WorkRequests.Create body) {
    var result =
        idempotency.once(
            actor.id(),
            key,
            "POST /works",
            body,
            201,
            Argument.of(WorkView.Full.class),
            () -> manage.create(actor, body));
    return HttpResponse.status(HttpStatus.valueOf(result.status())).body(result.body());
  }

  @Get("/works/{id}")
  @Secured(SecurityRule.IS_ANONYMOUS)
  @Operation(
      summary = "One work with its table of contents, word count, viewer state and permissions",
      description = "404 when the caller may not read it (drafts, unpermitted translations).")
  WorkView.Full get(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      HttpRequest<?> request,
      @PathVariable long id) {
    WorkView.Full view = queries.view(guardians.of(actor), id);
    engagement.hit(id, actor.userId(), clientIp.of(request));
    return view;
  }

  @Patch("/works/{id}")
  @Operation(summary = "Edit a work's metadata (its authors); only the fields sent change")
  WorkView.Full update(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @PathVariable long id,
      @Valid @Body WorkRequests.Update body) {
    return manage.update(actor, id, body);
  }

  @Delete("/works/{id}")
  @Status(HttpStatus.NO_CONTENT)
  @Operation(summary = "Delete a work (its owner or an admin)")
  void delete(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor, @PathVariable long id) {
    manage.delete(actor, id);
  }

  @Serdeable
  record CoverUrl(String coverUrl) {}

  @Put(value = "/works/{id}/cover", consumes = MediaType.MULTIPART_FORM_DATA)
  @Operation(
      summary = "Upload the work's cover",
      description = "Multipart part 'file': PNG, JPEG or WebP up to 5 MB, same rules as avatars.")
  CoverUrl putCover(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @PathVariable long id,
      CompletedFileUpload file) {
    manage.ensureCanEdit(actor, id);
    String key = images.storeCover(StoredImages.read(file));
    String old;
    try {
      old = manage.replaceCover(actor, id, key);
    } catch (RuntimeException e) {
      images.remove(key);
      throw e;
    }
    images.remove(old);
    return new CoverUrl(MediaUrls.of(key));
  }

  @Delete("/works/{id}/cover")
  @Status(HttpStatus.NO_CONTENT)
  @Operation(summary = "Remove the work's cover")
  void deleteCover(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor, @PathVariable long id) {
    images.remove(manage.replaceCover(actor, id, null));
  }

  // ---- co-authors -----------------------------------------------------------------------------

  @Post("/works/{id}/coauthors")
  @Status(HttpStatus.CREATED)
  @ApiResponse(responseCode = "201", description = "Invited")
  @Operation(summary = "Invite a co-author (the owner); they appear once they accept")
  WorkView.Full invite(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @PathVariable long id,
      @Valid @Body WorkRequests.Invite body) {
    return manage.invite(actor, id, body.handle());
  }

  @Get("/me/work-invitations")
  @Operation(
      summary = "Works the caller is invited to co-author, newest first",
      description =
          "Accept with POST /works/{id}/coauthors/accept; decline with DELETE"
              + " /works/{id}/coauthors/me.")
  List<WorkView.Card> invitations(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor) {
    var guardian = guardians.of(actor);
    guardian.ensureSignedIn();
    return queries.invitations(guardian, actor.id());
  }

  @Post("/works/{id}/coauthors/accept")
  @Operation(summary = "Accept an invitation to co-author the work")
  WorkView.Full accept(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor, @PathVariable long id) {
    return manage.accept(actor, id);
  }

  @Delete("/works/{id}/coauthors/{handle}")
  @Status(HttpStatus.NO_CONTENT)
  @Operation(summary = "Remove a co-author or an invitation (the owner); 'me' leaves or declines")
  void removeCoauthor(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @PathVariable long id,
      @PathVariable String handle) {
    manage.removeCoauthor(actor, id, handle);
  }

  // ---- chapters -------------------------------------------------------------------------------

  @Get("/works/{id}/chapters{?from,limit}")
  @Secured(SecurityRule.IS_ANONYMOUS)
  @Operation(
      summary = "The chapters the caller may read, with their text (the entire-work view)",
      description =
          "Scheduled chapters are listed for the work's authors only. Without parameters every"
              + " chapter; from (a position, inclusive) and limit (1–50) read a slice, and the"
              + " last item's next is where the following slice starts (null at the end). The"
              + " table of contents without text is in GET /works/{id}.")
  List<WorkView.Chapter> chapters(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @PathVariable long id,
      @Nullable @QueryValue Integer from,
      @Nullable @QueryValue Integer limit) {
    return queries.chapters(guardians.of(actor), works.require(id), from, limit);
  }

  @Post("/works/{id}/chapters")
  @Status(HttpStatus.CREATED)
  @ApiResponse(responseCode = "201", description = "Added")
  @Operation(
      summary = "Add a chapter at the end",
      description =
          "publishAt in the future schedules it: invisible to readers until then, published by a"
              + " scheduler that announces ChapterPublished.")
  @ApiResponse(
      responseCode = "413",
      description = "The body is over starbridge.max-chapter-body (4 MB by default)")
  WorkView.Chapter addChapter(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @PathVariable long id,
      @Nullable @Header(Idempotency.HEADER) String key,
      @Valid @Body WorkRequests.CreateChapter body) {
    return idempotency
        .once(
            actor.id(),
            key,
            "POST /works/" + id + "/chapters",
            body,
            201,
            Argument.of(WorkView.Chapter.class),
            () -> chapters.create(actor, id, body))
        .body();
  }

  @Put("/works/{id}/chapters/order")
  @Operation(summary = "Reorder the chapters: every chapter id once, in the new order")
  List<WorkView.ChapterRef> reorder(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @PathVariable long id,
      @Valid @Body WorkRequests.Reorder body) {
    return chapters.reorder(actor, id, body.chapterIds());
  }

  @Get("/works/{id}/chapters/{n}")
  @Secured(SecurityRule.IS_ANONYMOUS)
  @Operation(summary = "Chapter n (its position) with previous/next positions")
  WorkView.Chapter chapter(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @PathVariable long id,
      @PathVariable int n) {
    return queries.chapter(guardians.of(actor), works.require(id), n);
  }

  @Patch("/works/{id}/chapters/{n}")
  @Operation(
      summary = "Edit chapter n",
      description =
          "Text changes keep a revision (full text, timestamp). position moves the chapter;"
              + " publishAt reschedules an unpublished one (a past time publishes it now).")
  @ApiResponse(
      responseCode = "413",
      description = "The body is over starbridge.max-chapter-body (4 MB by default)")
  WorkView.Chapter editChapter(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @PathVariable long id,
      @PathVariable int n,
      @Valid @Body WorkRequests.UpdateChapter body) {
    return chapters.update(actor, id, n, body);
  }

  @Delete("/works/{id}/chapters/{n}")
  @Status(HttpStatus.NO_CONTENT)
  @Operation(summary = "Delete chapter n; later chapters move up")
  void deleteChapter(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @PathVariable long id,
      @PathVariable int n) {
    chapters.delete(actor, id, n);
  }

  @Get("/works/{id}/chapters/{n}/comments")
  @Secured(SecurityRule.IS_ANONYMOUS)
  @Operation(summary = "Comments on chapter n: posts in the work's discussion topic, oldest first")
  List<io.starbridge.post.PostView> comments(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @PathVariable long id,
      @PathVariable int n) {
    return comments.list(actor, id, n);
  }

  @Post("/works/{id}/chapters/{n}/comments")
  @Status(HttpStatus.CREATED)
  @ApiResponse(responseCode = "201", description = "Posted")
  @Operation(
      summary = "Comment on chapter n",
      description = "A reply in the work's discussion topic (the topic's reply rules apply).")
  io.starbridge.post.PostView comment(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @PathVariable long id,
      @PathVariable int n,
      @Nullable @Header(Idempotency.HEADER) String key,
      @Valid @Body io.starbridge.post.PostRequests.Reply body) {
    return idempotency
        .once(
            actor.id(),
            key,
            "POST /works/" + id + "/chapters/" + n + "/comments",
            body,
            201,
            Argument.of(io.starbridge.post.PostView.class),
            () -> comments.add(actor, id, n, body.body()))
        .body();
  }

  // ---- readers --------------------------------------------------------------------------------

  @Put("/works/{id}/kudos")
  @Status(HttpStatus.NO_CONTENT)
  @Operation(summary = "Leave kudos (once per reader; not on one's own work)")
  void kudos(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor, @PathVariable long id) {
    engagement.giveKudos(actor, id);
  }

  @Delete("/works/{id}/kudos")
  @Status(HttpStatus.NO_CONTENT)
  @Operation(summary = "Take kudos back")
  void unkudos(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor, @PathVariable long id) {
    engagement.withdrawKudos(actor, id);
  }

  @Put("/works/{id}/bookmark")
  @Status(HttpStatus.NO_CONTENT)
  @Operation(
      summary = "Bookmark the work, or change the bookmark",
      description =
          "Optional body {note?, tags?, private?}: a Markdown note of at most 5,000 characters"
              + " (cooked and sanitised like posts), at most 20 tags of at most 100 characters"
              + " (the reader's own words), and private (only the caller sees it; public bookmarks"
              + " are listed on the work). isPrivate is accepted as the older name of private."
              + " Field errors: note, tags, tags[i].")
  void bookmark(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @PathVariable long id,
      @Nullable @Body WorkRequests.Bookmark body) {
    bookmarks.put(actor, id, body);
  }

  @Delete("/works/{id}/bookmark")
  @Status(HttpStatus.NO_CONTENT)
  @Operation(summary = "Remove the bookmark")
  void unbookmark(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor, @PathVariable long id) {
    bookmarks.remove(actor, id);
  }

  @Get("/works/{id}/bookmarks{?cursor,limit}")
  @Secured(SecurityRule.IS_ANONYMOUS)
  @Operation(
      summary = "Bookmarks of the work, newest first",
      description =
          "Public bookmarks with their readers, cooked notes and tags; a private bookmark is"
              + " listed only to its owner.")
  Page<WorkView.Bookmark> bookmarks(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @PathVariable long id,
      @Nullable @QueryValue String cursor,
      @Nullable @QueryValue Integer limit) {
    return bookmarks.list(actor, id, cursor, limit);
  }

  @Put("/works/{id}/subscribe")
  @Status(HttpStatus.NO_CONTENT)
  @Operation(summary = "Subscribe to new chapters")
  void subscribe(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor, @PathVariable long id) {
    engagement.subscribe(actor, id);
  }

  @Delete("/works/{id}/subscribe")
  @Status(HttpStatus.NO_CONTENT)
  @Operation(summary = "Unsubscribe")
  void unsubscribe(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor, @PathVariable long id) {
    engagement.unsubscribe(actor, id);
  }

  @Put("/works/{id}/position")
  @Status(HttpStatus.NO_CONTENT)
  @Operation(summary = "Remember where the caller stopped reading: {chapter, progress 0..1}")
  void position(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @PathVariable long id,
      @Valid @Body WorkRequests.Position body) {
    engagement.position(actor, id, body);
  }

  // ---- downloads ------------------------------------------------------------------------------

  @Get(value = "/works/{id}/download.html", produces = "text/html;charset=utf-8")
  @Secured(SecurityRule.IS_ANONYMOUS)
  @Operation(summary = "The work as one HTML file (title page and published chapters)")
  @BusyProblem
  HttpResponse<byte[]> downloadHtml(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor, @PathVariable long id) {
    return download(
        actor,
        id,
        "html",
        "text/html;charset=utf-8",
        book -> downloads.html(book).getBytes(StandardCharsets.UTF_8));
  }

  @Get(value = "/works/{id}/download.epub", produces = "application/epub+zip")
  @Secured(SecurityRule.IS_ANONYMOUS)
  @Operation(summary = "The work as an EPUB 3 book")
  @BusyProblem
  HttpResponse<byte[]> downloadEpub(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor, @PathVariable long id) {
    return download(actor, id, "epub", "application/epub+zip", downloads::epub);
  }

  /** A download, built while holding one of the build permits, as an attachment. */
  private HttpResponse<byte[]> download(
      Actor actor,
      long id,
      String ext,
      String contentType,
      java.util.function.Function<Downloads.Book, byte[]> render) {
    return downloads.withPermit(
        () -> {
          Downloads.Book book = downloads.book(actor, id);
          return HttpResponse.ok(render.apply(book))
              .contentType(contentType)
              .header("Content-Disposition", "attachment; filename=\"" + book.fileName(ext) + "\"");
        });
  }

  // ---- translations ---------------------------------------------------------------------------

  @Get("/works/{id}/translations")
  @Secured(SecurityRule.IS_ANONYMOUS)
  @Operation(summary = "Translations of the work the caller may see, with their permission states")
  List<WorkView.Translation> translations(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor, @PathVariable long id) {
    return translations.list(actor, id);
  }

  @Post("/works/{id}/translations")
  @Status(HttpStatus.CREATED)
  @ApiResponse(responseCode = "201", description = "Linked")
  @ApiResponse(
      responseCode = "409",
      description = "That work is already linked as a translation (/problems/conflict)")
  @Operation(
      summary = "Link one of the caller's works as a translation of this one",
      description =
          "Permission starts as requested (granted at once when the translator is also an author"
              + " of the original). Until granted, only the translators and the original's authors"
              + " see it.")
  WorkView.Translation linkTranslation(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @PathVariable long id,
      @Nullable @Header(Idempotency.HEADER) String key,
      @Valid @Body WorkRequests.LinkTranslation body) {
    return idempotency
        .once(
            actor.id(),
            key,
            "POST /works/" + id + "/translations",
            body,
            201,
            Argument.of(WorkView.Translation.class),
            () -> translations.link(actor, id, body.workId()))
        .body();
  }

  @Put("/works/{id}/translations/{translationId}")
  @Operation(summary = "Grant or decline a translation's permission (the original's authors)")
  WorkView.Translation decide(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @PathVariable long id,
      @PathVariable long translationId,
      @Valid @Body WorkRequests.Decide body) {
    return translations.decide(actor, id, translationId, body.state());
  }

  @Get("/translation-requests{?language,work,cursor,limit}")
  @Secured(SecurityRule.IS_ANONYMOUS)
  @Operation(summary = "Open translation requests on works the caller may read, newest first")
  Page<WorkView.TranslationRequest> requests(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @Nullable @QueryValue @jakarta.validation.constraints.Pattern(regexp = WorkRequests.LANGUAGES)
          String language,
      @Nullable @QueryValue Long work,
      @Nullable @QueryValue String cursor,
      @Nullable @QueryValue Integer limit) {
    return translations.list(actor, language, work, cursor, limit);
  }

  @Post("/translation-requests")
  @Status(HttpStatus.CREATED)
  @ApiResponse(responseCode = "201", description = "Requested")
  @ApiResponse(
      responseCode = "409",
      description = "The caller already asked for this language (/problems/conflict)")
  @Operation(summary = "Ask for a translation of a work into a language")
  WorkView.TranslationRequest request(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @Nullable @Header(Idempotency.HEADER) String key,
      @Valid @Body WorkRequests.RequestTranslation body) {
    return idempotency
        .once(
            actor.id(),
            key,
            "POST /translation-requests",
            body,
            201,
            Argument.of(WorkView.TranslationRequest.class),
            () -> translations.request(actor, body))
        .body();
  }
}
