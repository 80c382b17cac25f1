package io.starbridge.search;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.starbridge.security.Actor;
import io.starbridge.security.Guardians;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code /api/v1/search}: full-text search and suggestions, filtered by what the caller reads. */
@Controller("/api/v1/search")
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "Search")
@io.starbridge.common.StandardProblems
class SearchController {
  private final SearchService search;
  private final Guardians guardians;

  SearchController(SearchService search, Guardians guardians) {
    this.search = search;
    this.guardians = guardians;
  }

  @Get
  @Operation(
      summary = "Search topics, posts, people, groups and works",
      description =
          "Free text with \"phrases\" and -exclusions; inline operators type: board: group:"
              + " author:/@handle tag:/#tag before: after: (YYYY-MM-DD). Bad syntax falls back to"
              + " plain text. sort=relevance (BM25 with a gentle recency boost; the default with"
              + " text) or newest. snippetHtml and titleHtml are escaped text with <mark> only."
              + " type is topic, post, user, group or work (a work links to /works/{id}; hidden"
              + " posts and topics, drafts and deleted works are never found)."
              + " rebuilding is true while the index is being rebuilt.")
  SearchResults.Page search(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @Nullable @QueryValue String q,
      @Nullable @QueryValue String type,
      @Nullable @QueryValue String board,
      @Nullable @QueryValue String group,
      @Nullable @QueryValue String author,
      @Nullable @QueryValue String tag,
      @Nullable @QueryValue String from,
      @Nullable @QueryValue String to,
      @Nullable @QueryValue String sort,
      @Nullable @QueryValue String cursor,
      @Nullable @QueryValue Integer limit) {
    return search.search(
        guardians.of(actor),
        new SearchService.Request(
            q, type, board, group, author, tag, from, to, sort, cursor, limit));
  }

  @Get("/suggest")
  @Operation(
      summary = "Instant suggestions",
      description =
          "Prefix completion over topic titles, work titles (works the caller may read), people"
              + " (handles, names), tags and groups whose about page the caller may see.")
  SearchResults.Suggestions suggest(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @Nullable @QueryValue String q) {
    return search.suggest(guardians.of(actor), q);
  }
}
