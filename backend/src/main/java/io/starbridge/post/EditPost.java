package io.starbridge.post;

import io.starbridge.common.ApiException;
import io.starbridge.common.Db;
import io.starbridge.common.FieldError;
import io.starbridge.event.Outbox;
import io.starbridge.markdown.Cooked;
import io.starbridge.moderation.AuditLog;
import io.starbridge.security.Actor;
import io.starbridge.security.Guardian;
import io.starbridge.security.Guardians;
import io.starbridge.topic.Topic;
import io.starbridge.topic.TopicActivity;
import io.starbridge.topic.TopicLookup;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Edits a post's body. The previous text is kept as a revision, except for the author's own edits
 * within the grace period after posting (typo fixes are not history).
 */
@Singleton
public class EditPost {
  static final Duration GRACE = Duration.ofMinutes(5);

  private final Db db;
  private final Posts posts;
  private final PostWriter writer;
  private final PostQueries queries;
  private final TopicLookup topics;
  private final TopicActivity activity;
  private final Guardians guardians;
  private final Outbox outbox;
  private final AuditLog audit;

  EditPost(
      Db db,
      Posts posts,
      PostWriter writer,
      PostQueries queries,
      TopicLookup topics,
      TopicActivity activity,
      Guardians guardians,
      Outbox outbox,
      AuditLog audit) {
    this.db = db;
    this.posts = posts;
    this.writer = writer;
    this.queries = queries;
    this.topics = topics;
    this.activity = activity;
    this.guardians = guardians;
    this.outbox = outbox;
    this.audit = audit;
  }

  @Transactional
  public PostView call(Actor actor, long postId, PostRequests.Edit req) {
    Guardian guardian = guardians.of(actor);
    Post post = posts.requireForUpdate(postId);
    Topic topic = topics.require(post.topicId());
    guardian.ensureCanEdit(post, topic);
    List<FieldError> errors = new ArrayList<>();
    String body = PostWriter.checkBody("body", req.body(), errors);
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
    Posts.Content before = posts.content(postId);
    if (body.equals(before.raw())) {
      return queries.view(guardian, topic, postId);
    }
    Cooked cooked = writer.cook(body);
    boolean byAuthor = post.authorId() == actor.id();
    boolean grace =
        byAuthor
            && before.revisionCount() == 0
            && Instant.now().isBefore(post.createdAt().plus(GRACE));
    if (grace) {
      db.update(
          "update posts set raw = ?, cooked = ?, plain_text = ?, cooked_version = ? where id = ?",
          body,
          cooked.html(),
          cooked.plainText(),
          cooked.version(),
          postId);
    } else {
      db.update(
          """
          insert into post_revisions (post_id, number, raw, cooked, cooked_version, editor_id, reason)
          values (?, ?, ?, ?, ?, ?, ?)
          """,
          postId,
          before.revisionCount() + 1,
          before.raw(),
          before.cooked(),
          before.cookedVersion(),
          actor.id(),
          req.reason());
      db.update(
          """
          update posts set raw = ?, cooked = ?, plain_text = ?, cooked_version = ?,
                           revision_count = revision_count + 1, edited_at = now()
           where id = ?
          """,
          body,
          cooked.html(),
          cooked.plainText(),
          cooked.version(),
          postId);
    }
    if (post.isFirst()) {
      activity.firstPostEdited(topic, cooked.plainText());
    }
    if (!byAuthor) {
      audit.record(
          actor.id(),
          "edit_post",
          "post",
          postId,
          req.reason(),
          Map.of("body", before.raw()),
          Map.of("body", body),
          topic.groupId());
    }
    Map<String, Object> payload = topic.place();
    payload.put("topicId", topic.id());
    payload.put("revision", grace ? before.revisionCount() : before.revisionCount() + 1);
    payload.put("mentions", cooked.mentions());
    outbox.publish("PostEdited", "post", postId, actor.id(), payload);
    return queries.view(guardian, topic, postId);
  }
}
