package io.starbridge.feed;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.starbridge.account.UserCard;
import io.starbridge.topic.TopicListItem;
import java.time.Instant;

/**
 * One item of a home feed. {@code kind} says what happened: {@code topic} (a new topic from what
 * one follows), {@code reply} (a reply in a topic one watches; {@code post} is the reply, {@code
 * topic} its topic), {@code announcement} (a group topic its staff announced to the members) or
 * {@code chapter} (a new chapter of a work whose author one follows or which one subscribed to;
 * position 1 is a new work). {@code at} is when it happened; {@code key} identifies the item.
 */
@Serdeable
public record FeedItem(
    String kind,
    String key,
    Instant at,
    @Nullable TopicListItem topic,
    @Nullable Reply post,
    @Nullable Chapter chapter) {

  /** A reply: its number in the topic, author and the start of its text. */
  @Serdeable
  public record Reply(
      long id, long topicId, int postNumber, UserCard author, String excerpt, Instant createdAt) {}

  /** A published chapter with its work. */
  @Serdeable
  public record Chapter(
      long id,
      int position,
      String title,
      long workId,
      String workTitle,
      UserCard author,
      Instant publishedAt) {}
}
