package io.starbridge.post;

import io.starbridge.event.Outbox;
import io.starbridge.moderation.AuditLog;
import io.starbridge.security.Actor;
import io.starbridge.security.Guardian;
import io.starbridge.security.Guardians;
import io.starbridge.topic.DeleteTopic;
import io.starbridge.topic.Topic;
import io.starbridge.topic.TopicActivity;
import io.starbridge.topic.TopicLookup;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.Map;

/**
 * Soft-deletes a post (it stays as a tombstone) and restores it. The first post carries its topic:
 * deleting or restoring it deletes or restores the topic.
 */
@Singleton
public class DeletePost {
  private final Posts posts;
  private final PostWriter writer;
  private final PostQueries queries;
  private final TopicLookup topics;
  private final TopicActivity activity;
  private final DeleteTopic deleteTopic;
  private final Guardians guardians;
  private final Outbox outbox;
  private final AuditLog audit;

  DeletePost(
      Posts posts,
      PostWriter writer,
      PostQueries queries,
      TopicLookup topics,
      TopicActivity activity,
      DeleteTopic deleteTopic,
      Guardians guardians,
      Outbox outbox,
      AuditLog audit) {
    this.posts = posts;
    this.writer = writer;
    this.queries = queries;
    this.topics = topics;
    this.activity = activity;
    this.deleteTopic = deleteTopic;
    this.guardians = guardians;
    this.outbox = outbox;
    this.audit = audit;
  }

  @Transactional
  public void delete(Actor actor, long postId) {
    Post post = posts.requireForUpdate(postId);
    if (post.isFirst()) {
      deleteTopic.delete(actor, post.topicId(), null);
      return;
    }
    Topic topic = topics.requireForUpdate(post.topicId());
    guardians.of(actor).ensureCanDelete(post, topic);
    writer.markDeleted(postId, actor.id());
    activity.replyRemoved(topic);
    if (post.authorId() != actor.id()) {
      audit.record(
          actor.id(),
          "delete_post",
          "post",
          postId,
          null,
          Map.of("topicId", topic.id()),
          null,
          topic.groupId());
    }
    outbox.publish("PostDeleted", "post", postId, actor.id(), payload(topic));
  }

  @Transactional
  public PostView restore(Actor actor, long postId) {
    Guardian guardian = guardians.of(actor);
    Post post = posts.requireForUpdate(postId);
    if (post.isFirst()) {
      deleteTopic.restore(actor, post.topicId(), null);
      return queries.view(guardian, topics.require(post.topicId()), postId);
    }
    Topic topic = topics.requireForUpdate(post.topicId());
    guardian.ensureCanRestore(post, topic);
    writer.markRestored(postId);
    activity.replyRestored(topic, post.createdAt());
    audit.record(
        actor.id(),
        "restore_post",
        "post",
        postId,
        null,
        null,
        Map.of("topicId", topic.id()),
        topic.groupId());
    outbox.publish("PostRestored", "post", postId, actor.id(), payload(topic));
    return queries.view(guardian, topic, postId);
  }

  private static Map<String, Object> payload(Topic topic) {
    Map<String, Object> payload = topic.place();
    payload.put("topicId", topic.id());
    return payload;
  }
}
