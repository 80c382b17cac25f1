package io.starbridge.feed;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.starbridge.board.Board;
import io.starbridge.board.BoardQueries;
import io.starbridge.common.ApiException;
import io.starbridge.common.Page;
import io.starbridge.group.Group;
import io.starbridge.group.GroupLookup;
import io.starbridge.security.Actor;
import io.starbridge.security.Guardian;
import io.starbridge.security.Guardians;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

/** {@code /api/v1/feed} (the caller's home timeline) and {@code /api/v1/hot}. */
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Discovery")
@io.starbridge.common.StandardProblems
class FeedController {
  private final HomeFeed feed;
  private final HotLists hot;
  private final Guardians guardians;
  private final BoardQueries boards;
  private final GroupLookup groups;

  FeedController(
      HomeFeed feed, HotLists hot, Guardians guardians, BoardQueries boards, GroupLookup groups) {
    this.feed = feed;
    this.hot = hot;
    this.guardians = guardians;
    this.boards = boards;
    this.groups = groups;
  }

  @Serdeable
  record TagList(List<HotLists.TagCount> items) {}

  @Get("/feed{?limit,cursor}")
  @Operation(
      summary =
          "The caller's home timeline, newest first: new topics by followed people, boards, groups and"
              + " tags; replies in watched topics; announcements of the caller's groups; new chapters"
              + " of followed authors' and subscribed works")
  Page<FeedItem> feed(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @Nullable @QueryValue Integer limit,
      @Nullable @QueryValue String cursor) {
    Guardian g = guardians.of(actor);
    g.ensureSignedIn();
    return feed.page(g, limit, cursor);
  }

  @Get("/hot{?board,group,limit}")
  @Secured(SecurityRule.IS_ANONYMOUS)
  @Operation(summary = "What is hot now, site-wide or in one board or group (time-decayed)")
  HotLists.HotPage hot(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @Nullable @QueryValue String board,
      @Nullable @QueryValue String group,
      @Nullable @QueryValue Integer limit) {
    Guardian g = guardians.of(actor);
    Long boardId = null;
    Long groupId = null;
    if (board != null && !board.isBlank()) {
      Board b =
          boards.bySlug(board).filter(g::canSee).orElseThrow(() -> ApiException.notFound("Board"));
      boardId = b.id();
    } else if (group != null && !group.isBlank()) {
      Group gr = groups.requireBySlug(group);
      g.ensureCanReadContent(gr);
      groupId = gr.id();
    }
    return hot.hot(g, boardId, groupId, limit);
  }

  @Get("/hot/tags{?limit}")
  @Secured(SecurityRule.IS_ANONYMOUS)
  @Operation(summary = "Trending tags of the last 24 hours (topics created or replied to)")
  TagList trendingTags(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @Nullable @QueryValue Integer limit) {
    int n = limit == null ? 10 : Math.max(1, Math.min(50, limit));
    return new TagList(hot.trendingTags(guardians.of(actor), n));
  }
}
