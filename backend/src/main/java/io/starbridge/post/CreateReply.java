package io.starbridge.post;

import io.starbridge.common.ApiException;
import io.starbridge.common.FieldError;
import io.starbridge.event.Outbox;
import io.starbridge.markdown.Cooked;
import io.starbridge.moderation.PostingRules;
import io.starbridge.security.Actor;
import io.starbridge.security.Guardian;
import io.starbridge.security.Guardians;
import io.starbridge.topic.ReadTracking;
import io.starbridge.topic.Topic;
import io.starbridge.topic.TopicActivity;
import io.starbridge.topic.TopicLookup;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Replies to a topic (optionally to one of its posts). */
@Singleton
public class CreateReply {
  private final TopicLookup topics;
  private final TopicActivity activity;
  private final ReadTracking reads;
  private final Posts posts;
  private final PostWriter writer;
  private final PostQueries queries;
  private final Guardians guardians;
  private final Outbox outbox;
  private final PostingRules rules;

  CreateReply(
      TopicLookup topics,
      TopicActivity activity,
      ReadTracking reads,
      Posts posts,
      PostWriter writer,
      PostQueries queries,
      Guardians guardians,
      Outbox outbox,
      PostingRules rules) {
    this.rules = rules;
    this.topics = topics;
    this.activity = activity;
    this.reads = reads;
    this.posts = posts;
    this.writer = writer;
    this.queries = queries;
    this.guardians = guardians;
    this.outbox = outbox;
  }

  /** Validate → load → authorize → write + outbox in one transaction → return the view. */
  @Transactional
  public PostView call(Actor actor, long topicId, PostRequests.Reply req) {
    Guardian guardian = guardians.of(actor);
    List<FieldError> errors = new ArrayList<>();
    String body = PostWriter.checkBody("body", req.body(), errors);
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
    // The row lock orders concurrent replies: each takes the next post number.
    Topic topic = topics.requireForUpdate(topicId);
    guardian.ensureCanReplyTo(topic);
    Post parent = req.replyTo() == null ? null : posts.find(req.replyTo()).orElse(null);
    if (req.replyTo() != null
        && (parent == null || parent.topicId() != topicId || !guardian.canSeeBody(parent, topic))) {
      throw ApiException.invalid("replyTo", "post", "is not a post of this topic");
    }
    if (parent != null) {
      guardian.ensureCanReplyTo(parent, topic);
    }
    PostingRules.Decision decision = rules.before(guardian, topic.board(), body, false);
    body = decision.body();
    Cooked cooked = writer.cook(body);
    decision = rules.after(guardian, topic.board(), cooked, decision);
    int number = activity.replyAdded(topic, actor.id());
    long postId = writer.insert(topicId, number, actor.id(), req.replyTo(), body, cooked);
    reads.record(actor.id(), topicId, number);
    Map<String, Object> payload = new HashMap<>();
    payload.put("topicId", topicId);
    payload.putAll(topic.place());
    payload.put("postNumber", number);
    payload.put("mentions", cooked.mentions());
    if (parent != null) {
      payload.put("replyToPostId", parent.id());
      payload.put("replyToUserId", parent.authorId());
    }
    payload.put("held", decision.holdReason() != null);
    outbox.publish("PostCreated", "post", postId, actor.id(), payload);
    rules.apply(decision, postId, topic.groupId());
    return queries.view(guardian, topic, postId);
  }
}
