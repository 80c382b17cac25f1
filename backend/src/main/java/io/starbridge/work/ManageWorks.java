package io.starbridge.work;

import io.starbridge.board.Board;
import io.starbridge.board.BoardQueries;
import io.starbridge.common.ApiException;
import io.starbridge.common.Db;
import io.starbridge.common.FieldError;
import io.starbridge.common.Texts;
import io.starbridge.event.Outbox;
import io.starbridge.markdown.MarkdownRenderer;
import io.starbridge.moderation.Hiding;
import io.starbridge.post.Post;
import io.starbridge.post.PostLookup;
import io.starbridge.security.Actor;
import io.starbridge.security.Guardian;
import io.starbridge.security.Guardians;
import io.starbridge.security.Role;
import io.starbridge.topic.CreateTopic;
import io.starbridge.topic.Topic;
import io.starbridge.topic.TopicLookup;
import io.starbridge.topic.TopicRequests;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Creates, edits and deletes works and manages their co-authors. A work's discussion topic is
 * started (through {@link CreateTopic}) in the board the author picked when the work first leaves
 * draft, so a draft's title never shows in a board.
 */
@Singleton
public class ManageWorks {
  private final Db db;
  private final WorkLookup works;
  private final WorkQueries queries;
  private final Guardians guardians;
  private final Outbox outbox;
  private final MarkdownRenderer markdown;
  private final BoardQueries boards;
  private final CreateTopic createTopic;
  private final TopicLookup topics;
  private final PostLookup posts;
  private final Hiding hiding;

  ManageWorks(
      Db db,
      WorkLookup works,
      WorkQueries queries,
      Guardians guardians,
      Outbox outbox,
      MarkdownRenderer markdown,
      BoardQueries boards,
      CreateTopic createTopic,
      TopicLookup topics,
      PostLookup posts,
      Hiding hiding) {
    this.topics = topics;
    this.posts = posts;
    this.hiding = hiding;
    this.db = db;
    this.works = works;
    this.queries = queries;
    this.guardians = guardians;
    this.outbox = outbox;
    this.markdown = markdown;
    this.boards = boards;
    this.createTopic = createTopic;
  }

  @Transactional
  public WorkView.Full create(Actor actor, WorkRequests.Create req) {
    Guardian guardian = guardians.of(actor);
    guardian.ensureCanWrite();
    List<FieldError> errors = new ArrayList<>();
    String title = WorkRules.title("title", req.title(), true, errors);
    String summary = WorkRules.text("summary", req.summary(), WorkRules.SUMMARY_MAX, false, errors);
    List<String> genres = WorkRules.tags("genres", req.genres(), 10, errors);
    List<String> tags = WorkRules.tags("tags", req.tags(), 30, errors);
    List<String> warnings = WorkRules.warnings(req.warnings(), errors);
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
    String board = req.board() == null ? null : req.board().strip();
    checkBoard(guardian, board);
    String visibility = req.visibility() == null ? "draft" : req.visibility();
    long id =
        db.insertReturningId(
            """
            insert into works (title, summary, summary_html, type, language, genres, tags, rating, warnings,
                               status, visibility, board_slug, created_by, published_at)
            values (?, ?, ?, ?, ?, ?::text[], ?::text[], ?, ?::text[], ?, ?, ?, ?,
                    case when ? <> 'draft' then now() end) returning id
            """,
            title,
            summary,
            markdown.cook(summary).html(),
            req.type(),
            req.language(),
            genres,
            tags,
            req.rating(),
            warnings,
            req.status() == null ? "in_progress" : req.status(),
            visibility,
            board,
            actor.id(),
            visibility);
    db.update(
        "insert into work_authors (work_id, user_id, role, state, position) values (?, ?, 'owner', 'active', 0)",
        id,
        actor.id());
    Work work = works.require(id);
    outbox.publish("WorkCreated", "work", id, actor.id(), payload(work, Map.of()));
    if (!work.isDraft()) {
      published(actor, work);
    }
    return queries.view(guardian, works.require(id));
  }

  private void checkBoard(Guardian guardian, String board) {
    if (board != null) {
      guardian.ensureCanCreateTopicIn(
          boards.bySlug(board).orElseThrow(() -> ApiException.notFound("Board")));
    }
  }

  /** First publication: the discussion topic (when it may start) and {@code WorkPublished}. */
  private void published(Actor actor, Work work) {
    startDiscussion(actor, work);
    db.update(
        "update works set published_at = coalesce(published_at, now()), revised_at = now() where id = ?",
        work.id());
    outbox.publish(
        "WorkPublished",
        "work",
        work.id(),
        actor.id(),
        payload(works.require(work.id()), Map.of()));
  }

  /**
   * Starts the work's discussion topic in the board the author picked, once {@link
   * Guardian#discussionMayStart} allows it (the topic carries the work's title); a later change of
   * visibility tries again.
   */
  private void startDiscussion(Actor actor, Work work) {
    Board board = work.boardSlug() == null ? null : boards.bySlug(work.boardSlug()).orElse(null);
    if (board != null && work.topicId() == null && Guardian.discussionMayStart(work, board)) {
      String lang =
          db.one("select language from works where id = ?", rs -> rs.getString(1), work.id())
              .orElse("en");
      String shortTitle =
          work.title().length() > 150 ? work.title().substring(0, 150) : work.title();
      boolean zh = lang.startsWith("zh");
      String topicTitle = zh ? "讨论：《" + shortTitle + "》" : "Discussion: " + shortTitle;
      String body =
          (zh ? "作品《" : "The discussion of “")
              + shortTitle
              + (zh ? "》的讨论。" : "”.")
              + "\n\n[/works/"
              + work.id()
              + "](/works/"
              + work.id()
              + ")";
      long topicId =
          createTopic
              .call(
                  actor,
                  new TopicRequests.Create(work.boardSlug(), null, topicTitle, body, List.of()))
              .id();
      db.update("update works set topic_id = ? where id = ?", topicId, work.id());
    }
  }

  /**
   * Keeps a translation's discussion in step with its permission, inside the caller's transaction.
   * A translation's discussion is its own topic, never the original's (AO3 keeps comments per work,
   * Discourse one topic per thing): a work linked as a translation after its discussion started
   * keeps that topic, hidden (reason {@code work}, through {@link Hiding}, so search and feeds drop
   * it) while the permission is requested or declined; granting shows it again, or starts the
   * discussion as the translation's owner when it had none. A topic hidden by moderators stays as
   * they left it.
   */
  void translationPermissionChanged(Actor actor, Work after) {
    boolean granted = "granted".equals(after.translationState());
    if (after.topicId() == null) {
      if (granted) {
        ownerActor(after.ownerId()).ifPresent(owner -> startDiscussion(owner, after));
      }
      return;
    }
    Topic topic = topics.requireForUpdate(after.topicId());
    Post first =
        db.one(
                "select id from posts where topic_id = ? order by post_number limit 1",
                rs -> rs.getLong(1),
                topic.id())
            .flatMap(posts::find)
            .orElse(null);
    if (first == null) {
      return;
    }
    if (!granted) {
      hiding.hide(first, topic, "work", actor.id());
    } else if (first.hidden() && "work".equals(first.hiddenReason())) {
      hiding.unhide(first, topic, "PostUnhidden", actor.id());
    }
  }

  /** The work's owner as an actor (no session), unless deleted or suspended. */
  private java.util.Optional<Actor> ownerActor(long userId) {
    return db.one(
        "select id, handle, role, status, trust_level, email_verified_at is not null as verified"
            + " from users where id = ? and status not in ('deleted', 'suspended')",
        rs ->
            new Actor(
                rs.getLong("id"),
                rs.getString("handle"),
                Role.parse(rs.getString("role")),
                rs.getString("status"),
                rs.getInt("trust_level"),
                rs.getBoolean("verified"),
                null,
                Actor.AuthMethod.SESSION),
        userId);
  }

  @Transactional
  public WorkView.Full update(Actor actor, long id, WorkRequests.Update req) {
    Guardian guardian = guardians.of(actor);
    Work work = works.requireForUpdate(id);
    guardian.ensureCanEdit(work);
    List<FieldError> errors = new ArrayList<>();
    List<String> sets = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    if (req.title() != null) {
      sets.add("title = ?");
      params.add(WorkRules.title("title", req.title(), true, errors));
    }
    if (req.summary() != null) {
      String summary =
          WorkRules.text("summary", req.summary(), WorkRules.SUMMARY_MAX, false, errors);
      sets.add("summary = ?");
      params.add(summary);
      sets.add("summary_html = ?");
      params.add(markdown.cook(summary).html());
    }
    if (req.genres() != null) {
      sets.add("genres = ?::text[]");
      params.add(WorkRules.tags("genres", req.genres(), 10, errors));
    }
    if (req.tags() != null) {
      sets.add("tags = ?::text[]");
      params.add(WorkRules.tags("tags", req.tags(), 30, errors));
    }
    if (req.warnings() != null) {
      sets.add("warnings = ?::text[]");
      params.add(WorkRules.warnings(req.warnings(), errors));
    }
    for (String[] f :
        new String[][] {
          {"type", req.type()},
          {"language", req.language()},
          {"rating", req.rating()},
          {"status", req.status()},
          {"visibility", req.visibility()}
        }) {
      if (f[1] != null) {
        sets.add(f[0] + " = ?");
        params.add(f[1]);
      }
    }
    if (req.board() != null) {
      if (work.topicId() != null) {
        errors.add(FieldError.of("board", "immutable", "the discussion has already started"));
      } else {
        checkBoard(guardian, req.board().strip());
        sets.add("board_slug = ?");
        params.add(req.board().strip());
      }
    }
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
    if (!sets.isEmpty()) {
      params.add(id);
      db.update(
          "update works set " + String.join(", ", sets) + ", updated_at = now() where id = ?",
          params.toArray());
      Work after = works.require(id);
      Map<String, Object> extra = new LinkedHashMap<>();
      extra.put("previousVisibility", work.visibility());
      outbox.publish("WorkUpdated", "work", id, actor.id(), payload(after, extra));
      if (work.publishedAt() == null && !after.isDraft()) {
        published(actor, after);
      } else if (!after.isDraft()) {
        startDiscussion(actor, after);
      }
    }
    return queries.view(guardian, works.require(id));
  }

  @Transactional
  public void delete(Actor actor, long id) {
    Guardian guardian = guardians.of(actor);
    Work work = works.requireForUpdate(id);
    guardian.ensureCanDelete(work);
    db.update("update works set deleted_at = now(), updated_at = now() where id = ?", id);
    db.update("delete from series_works where work_id = ?", id);
    outbox.publish("WorkDeleted", "work", id, actor.id(), payload(work, Map.of()));
  }

  /**
   * A moderator hides a reported work: it goes back to draft (only its authors and admins read it);
   * the authors may publish it again, and a new report brings it back to the queue.
   */
  @Transactional
  public void hideByStaff(Actor actor, long id) {
    Work work = works.requireForUpdate(id);
    guardians.of(actor).ensureCanModerateWork(work);
    if (work.isDraft()) {
      return;
    }
    db.update("update works set visibility = 'draft', updated_at = now() where id = ?", id);
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("previousVisibility", work.visibility());
    extra.put("hiddenByStaff", true);
    outbox.publish("WorkUpdated", "work", id, actor.id(), payload(works.require(id), extra));
  }

  /** A moderator deletes a reported work: the same soft delete as the owner's. */
  @Transactional
  public void deleteByStaff(Actor actor, long id) {
    Work work = works.requireForUpdate(id);
    guardians.of(actor).ensureCanModerateWork(work);
    db.update("update works set deleted_at = now(), updated_at = now() where id = ?", id);
    db.update("delete from series_works where work_id = ?", id);
    outbox.publish(
        "WorkDeleted", "work", id, actor.id(), payload(work, Map.of("deletedByStaff", true)));
  }

  // ---- co-authors -----------------------------------------------------------------------------

  @Transactional
  public WorkView.Full invite(Actor actor, long id, String handle) {
    Guardian guardian = guardians.of(actor);
    Work work = works.requireForUpdate(id);
    guardian.ensureCanManageCoauthors(work);
    if (Texts.hasForbiddenControlChars(handle)) {
      throw ApiException.invalid("handle", "control_chars", "must not contain control characters");
    }
    long userId =
        db.one(
                "select id from users where lower(handle) = lower(?) and deleted_at is null",
                rs -> rs.getLong(1),
                handle.strip())
            .orElseThrow(() -> ApiException.notFound("User"));
    if (work.authorIds().contains(userId) || work.invitedIds().contains(userId)) {
      throw ApiException.conflict("That person is already an author or invited");
    }
    if (guardian.isBlockedBy(userId)) {
      throw ApiException.forbidden("That person does not accept invitations from you");
    }
    db.update(
        "insert into work_authors (work_id, user_id, role, state, position, invited_by)"
            + " values (?, ?, 'coauthor', 'invited', (select coalesce(max(position), 0) + 1 from work_authors where work_id = ?), ?)",
        id,
        userId,
        id,
        actor.id());
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("userId", userId);
    outbox.publish("CoauthorInvited", "work", id, actor.id(), payload(work, extra));
    return queries.view(guardian, works.require(id));
  }

  @Transactional
  public WorkView.Full accept(Actor actor, long id) {
    Guardian guardian = guardians.of(actor);
    Work work = works.requireForUpdate(id);
    guardian.ensureCanWrite();
    if (!guardian.isInvitedCoauthor(work)) {
      throw ApiException.notFound("Invitation");
    }
    db.update(
        "update work_authors set state = 'active' where work_id = ? and user_id = ?",
        id,
        actor.id());
    Work after = works.require(id);
    outbox.publish(
        "CoauthorAccepted", "work", id, actor.id(), payload(after, Map.of("userId", actor.id())));
    return queries.view(guardians.of(actor), after);
  }

  /** Removes a co-author or an invitation (the owner), or leaves / declines (the co-author). */
  @Transactional
  public void removeCoauthor(Actor actor, long id, String handle) {
    Guardian guardian = guardians.of(actor);
    Work work = works.requireForUpdate(id);
    guardian.ensureCanSee(work);
    long userId =
        db.one(
                "select id from users where lower(handle) = lower(?)",
                rs -> rs.getLong(1),
                "me".equals(handle) && guardian.isSignedIn() ? actor.handle() : handle)
            .orElseThrow(() -> ApiException.notFound("User"));
    boolean self = guardian.isSignedIn() && userId == actor.id();
    if (!self) {
      guardian.ensureCanManageCoauthors(work);
    }
    if (userId == work.ownerId()) {
      throw ApiException.conflict("The owner cannot leave their own work");
    }
    int removed =
        db.update("delete from work_authors where work_id = ? and user_id = ?", id, userId);
    if (removed == 0) {
      throw ApiException.notFound("Co-author");
    }
    outbox.publish(
        "CoauthorRemoved",
        "work",
        id,
        actor.id(),
        payload(works.require(id), Map.of("userId", userId)));
  }

  // ---- cover ----------------------------------------------------------------------------------

  /** Points the work at a stored cover; returns the replaced key (removed after commit). */
  @Transactional
  public String replaceCover(Actor actor, long id, String key) {
    Work work = works.requireForUpdate(id);
    guardians.of(actor).ensureCanEdit(work);
    db.update("update works set cover_key = ?, updated_at = now() where id = ?", key, id);
    outbox.publish(
        "WorkUpdated",
        "work",
        id,
        actor.id(),
        payload(work, Map.of("coverKey", String.valueOf(key))));
    return work.coverKey();
  }

  public void ensureCanEdit(Actor actor, long id) {
    guardians.of(actor).ensureCanEdit(works.require(id));
  }

  /**
   * The payload every work event carries, so consumers (search, feeds, notifications) know whom it
   * concerns and can re-read the work by id.
   */
  static Map<String, Object> payload(Work work, Map<String, ?> extra) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("workId", work.id());
    p.put("authorIds", work.authorIds());
    p.put("visibility", work.visibility());
    p.put("translationOf", work.translationOf());
    p.put("translationState", work.translationState());
    p.putAll(extra);
    return p;
  }
}
