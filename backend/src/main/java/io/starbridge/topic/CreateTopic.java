package io.starbridge.topic;

import io.starbridge.board.Board;
import io.starbridge.board.BoardCounters;
import io.starbridge.board.BoardQueries;
import io.starbridge.common.ApiException;
import io.starbridge.common.Db;
import io.starbridge.common.FieldError;
import io.starbridge.common.Texts;
import io.starbridge.event.Outbox;
import io.starbridge.group.Group;
import io.starbridge.group.GroupCounters;
import io.starbridge.group.GroupLookup;
import io.starbridge.markdown.Cooked;
import io.starbridge.moderation.PostingRules;
import io.starbridge.post.PostWriter;
import io.starbridge.security.Actor;
import io.starbridge.security.Guardian;
import io.starbridge.security.Guardians;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts a topic in a board or a group: the topic row and its first post, counted on the board or
 * group, announced twice.
 */
@Singleton
public class CreateTopic {
  private final Db db;
  private final BoardQueries boards;
  private final BoardCounters boardCounters;
  private final GroupLookup groups;
  private final GroupCounters groupCounters;
  private final PostWriter posts;
  private final ReadTracking reads;
  private final TopicQueries queries;
  private final Guardians guardians;
  private final Outbox outbox;
  private final PostingRules rules;

  CreateTopic(
      Db db,
      BoardQueries boards,
      BoardCounters boardCounters,
      GroupLookup groups,
      GroupCounters groupCounters,
      PostWriter posts,
      ReadTracking reads,
      TopicQueries queries,
      Guardians guardians,
      Outbox outbox,
      PostingRules rules) {
    this.rules = rules;
    this.db = db;
    this.boards = boards;
    this.boardCounters = boardCounters;
    this.groups = groups;
    this.groupCounters = groupCounters;
    this.posts = posts;
    this.reads = reads;
    this.queries = queries;
    this.guardians = guardians;
    this.outbox = outbox;
  }

  /** Validate → load → authorize → write + outbox in one transaction → return the view. */
  @Transactional
  public TopicView call(Actor actor, TopicRequests.Create req) {
    Guardian guardian = guardians.of(actor);
    List<FieldError> errors = new ArrayList<>();
    String title = TopicRules.title(req.title(), errors);
    List<String> tags = TopicRules.tags(req.tags(), errors);
    String body = PostWriter.checkBody("body", req.body(), errors);
    if ((req.board() == null) == (req.group() == null)) {
      errors.add(FieldError.of("board", "required", "name either a board or a group"));
    }
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
    Board board = null;
    Group group = null;
    if (req.board() != null) {
      board = boards.bySlug(req.board().trim()).orElseThrow(() -> ApiException.notFound("Board"));
      guardian.ensureCanCreateTopicIn(board);
    } else {
      group = groups.requireBySlug(req.group().trim());
      guardian.ensureCanCreateTopicIn(group);
    }

    PostingRules.Decision decision = rules.before(guardian, board, body, true);
    body = decision.body();
    Cooked cooked = posts.cook(body);
    decision = rules.after(guardian, board, cooked, decision);
    long topicId =
        db.insertReturningId(
            """
            insert into topics (board_id, group_id, author_id, title, slug, tags, excerpt, highest_post_number, last_poster_id)
            values (?, ?, ?, ?, ?, ?, ?, 1, ?) returning id
            """,
            board == null ? null : board.id(),
            group == null ? null : group.id(),
            actor.id(),
            title,
            TopicRules.slug(title),
            tags,
            Texts.excerpt(cooked.plainText(), TopicActivity.EXCERPT_LENGTH),
            actor.id());
    long postId = posts.insert(topicId, 1, actor.id(), null, body, cooked);
    reads.record(actor.id(), topicId, 1);
    Map<String, Object> place = new LinkedHashMap<>();
    if (board != null) {
      boardCounters.topicAdded(board.id(), 1, Instant.now());
      place.put("boardId", board.id());
    } else {
      groupCounters.topicAdded(group.id(), 1, Instant.now());
      place.put("groupId", group.id());
    }
    Map<String, Object> topicPayload = new LinkedHashMap<>(place);
    topicPayload.put("postId", postId);
    topicPayload.put("tags", tags);
    outbox.publish("TopicCreated", "topic", topicId, actor.id(), topicPayload);
    Map<String, Object> postPayload = new LinkedHashMap<>(place);
    postPayload.put("topicId", topicId);
    postPayload.put("postNumber", 1);
    postPayload.put("mentions", cooked.mentions());
    postPayload.put("held", decision.holdReason() != null);
    outbox.publish("PostCreated", "post", postId, actor.id(), postPayload);
    rules.apply(decision, postId, group == null ? null : group.id());
    return queries.view(guardian, topicId);
  }
}
