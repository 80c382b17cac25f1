package io.starbridge.search;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.starbridge.account.UserCard;
import io.starbridge.group.GroupRef;
import io.starbridge.topic.BoardRef;
import java.time.Instant;
import java.util.List;

/** What {@code /search} and {@code /search/suggest} answer. */
public final class SearchResults {
  private SearchResults() {}

  @Serdeable
  public record TopicRef(long id, String slug, String title) {}

  /**
   * One hit. {@code titleHtml} and {@code snippetHtml} are escaped text whose only markup is {@code
   * <mark>} around the matched words.
   */
  @Serdeable
  public record Item(
      String type,
      long id,
      String title,
      String titleHtml,
      String snippetHtml,
      String url,
      @Nullable UserCard author,
      @Nullable BoardRef board,
      @Nullable GroupRef group,
      @Nullable TopicRef topic,
      @Nullable Integer postNumber,
      List<String> tags,
      Instant createdAt) {}

  @Serdeable
  /**
   * A page of results. {@code total} is exact when {@code totalExact}; past {@link
   * SearchService#COUNT_EXACT_UP_TO} matches it is a lower bound ("1,000+").
   */
  public record Page(
      List<Item> items,
      long total,
      boolean totalExact,
      @Nullable String nextCursor,
      boolean rebuilding) {}

  @Serdeable
  public record TitleSuggestion(long id, String title, String titleHtml, String url) {}

  @Serdeable
  public record TagSuggestion(String tag, long count) {}

  /**
   * Suggestions: topic {@code titles} (url {@code /t/{slug}/{id}}), {@code users}, {@code tags},
   * {@code groups} and work titles in {@code works} (url {@code /works/{id}}), each only what the
   * caller may read.
   */
  @Serdeable
  public record Suggestions(
      List<TitleSuggestion> titles,
      List<UserCard> users,
      List<TagSuggestion> tags,
      List<GroupRef> groups,
      List<TitleSuggestion> works,
      boolean rebuilding) {}
}
