package io.starbridge.post;

import io.starbridge.common.ApiException;
import io.starbridge.common.Db;
import io.starbridge.event.Outbox;
import io.starbridge.security.Actor;
import io.starbridge.security.Guardians;
import io.starbridge.topic.Topic;
import io.starbridge.topic.TopicActivity;
import io.starbridge.topic.TopicLookup;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;

/**
 * Adds and removes reactions: one of each kind per member and post, counted on the post (and as
 * likes on its topic) in the same transaction. Both directions are idempotent and answer the post's
 * reactions as they now stand.
 */
@Singleton
public class React {
  private final Db db;
  private final Posts posts;
  private final PostQueries queries;
  private final TopicLookup topics;
  private final TopicActivity activity;
  private final Guardians guardians;
  private final Outbox outbox;

  React(
      Db db,
      Posts posts,
      PostQueries queries,
      TopicLookup topics,
      TopicActivity activity,
      Guardians guardians,
      Outbox outbox) {
    this.db = db;
    this.posts = posts;
    this.queries = queries;
    this.topics = topics;
    this.activity = activity;
    this.guardians = guardians;
    this.outbox = outbox;
  }

  @Transactional
  public List<PostView.Reaction> add(Actor actor, long postId, String kindWire) {
    Post post = posts.requireForUpdate(postId);
    Topic topic = topics.require(post.topicId());
    ReactionKind kind = kind(kindWire);
    guardians.of(actor).ensureCanReact(post, topic);
    int added =
        db.update(
            "insert into post_reactions (post_id, user_id, kind) values (?, ?, ?) on conflict do nothing",
            postId,
            actor.id(),
            kind.wire());
    if (added > 0) {
      count(postId, kind, 1);
      activity.reactionsChanged(topic.id(), 1);
      outbox.publish(
          "ReactionAdded",
          "post",
          postId,
          actor.id(),
          Map.of("kind", kind.wire(), "topicId", topic.id(), "postAuthorId", post.authorId()));
    }
    return queries.reactions(actor, postId);
  }

  @Transactional
  public List<PostView.Reaction> remove(Actor actor, long postId, String kindWire) {
    Post post = posts.requireForUpdate(postId);
    Topic topic = topics.require(post.topicId());
    ReactionKind kind = kind(kindWire);
    // Taking one's reaction back is allowed wherever the post is visible, even when adding is not.
    var guardian = guardians.of(actor);
    guardian.ensureSignedIn();
    guardian.ensureCanSee(post, topic);
    int removed =
        db.update(
            "delete from post_reactions where post_id = ? and user_id = ? and kind = ?",
            postId,
            actor.id(),
            kind.wire());
    if (removed > 0) {
      count(postId, kind, -1);
      activity.reactionsChanged(topic.id(), -1);
      outbox.publish(
          "ReactionRemoved",
          "post",
          postId,
          actor.id(),
          Map.of("kind", kind.wire(), "topicId", topic.id()));
    }
    return queries.reactions(actor, postId);
  }

  private void count(long postId, ReactionKind kind, int delta) {
    db.update(
        """
        update posts set reaction_counts = jsonb_set(reaction_counts, array[?::text],
               to_jsonb(greatest(coalesce((reaction_counts ->> ?::text)::int, 0) + ?, 0)))
         where id = ?
        """,
        kind.wire(),
        kind.wire(),
        delta,
        postId);
  }

  private static ReactionKind kind(String wire) {
    return ReactionKind.parse(wire)
        .orElseThrow(
            () ->
                ApiException.invalid(
                    "kind",
                    "enum",
                    "must be one of like, thumbs_up, heart, laugh, thinking, rocket, eyes"));
  }
}
