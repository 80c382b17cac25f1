package io.starbridge.search;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One searchable thing, as the index stores it: a topic (title + first post), a reply, a user or a
 * group. {@code access} holds its access tokens; a caller sees it when it holds one of them. A work
 * also carries its catalogue facets ({@code catalogue}; null for everything else).
 */
public record SearchDoc(
    String type,
    long id,
    String title,
    String body,
    List<String> tags,
    Long boardId,
    String boardSlug,
    Long groupId,
    String groupSlug,
    Long authorId,
    String authorHandle,
    Long topicId,
    String topicSlug,
    Integer postNumber,
    String handle,
    Instant createdAt,
    Set<String> access,
    WorkFacets catalogue) {

  public SearchDoc(
      String type,
      long id,
      String title,
      String body,
      List<String> tags,
      Long boardId,
      String boardSlug,
      Long groupId,
      String groupSlug,
      Long authorId,
      String authorHandle,
      Long topicId,
      String topicSlug,
      Integer postNumber,
      String handle,
      Instant createdAt,
      Set<String> access) {
    this(
        type,
        id,
        title,
        body,
        tags,
        boardId,
        boardSlug,
        groupId,
        groupSlug,
        authorId,
        authorHandle,
        topicId,
        topicSlug,
        postNumber,
        handle,
        createdAt,
        access,
        null);
  }

  public String key() {
    return key(type, id);
  }

  public static String key(String type, long id) {
    return type + ":" + id;
  }
}
