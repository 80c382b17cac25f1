package io.starbridge.work;

import io.starbridge.common.ApiException;
import io.starbridge.common.Db;
import io.starbridge.post.CreateReply;
import io.starbridge.post.PostQueries;
import io.starbridge.post.PostRequests;
import io.starbridge.post.PostView;
import io.starbridge.security.Actor;
import io.starbridge.security.Guardian;
import io.starbridge.security.Guardians;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;

/**
 * Comments on a chapter are replies in the work's discussion topic (written by the post feature's
 * {@link CreateReply}, with its rules), linked to their chapter in {@code chapter_comments}.
 */
@Singleton
public class ChapterComments {
  private final Db db;
  private final WorkLookup works;
  private final WorkQueries queries;
  private final Guardians guardians;
  private final CreateReply replies;
  private final PostQueries posts;

  ChapterComments(
      Db db,
      WorkLookup works,
      WorkQueries queries,
      Guardians guardians,
      CreateReply replies,
      PostQueries posts) {
    this.db = db;
    this.works = works;
    this.queries = queries;
    this.guardians = guardians;
    this.replies = replies;
    this.posts = posts;
  }

  @Transactional
  public PostView add(Actor actor, long workId, int position, String body) {
    Guardian guardian = guardians.of(actor);
    Work work = works.require(workId);
    WorkView.Chapter chapter = queries.chapter(guardian, work, position);
    if (work.topicId() == null) {
      throw ApiException.conflict("This work has no discussion topic yet");
    }
    PostView post = replies.call(actor, work.topicId(), new PostRequests.Reply(body, null));
    db.update(
        "insert into chapter_comments (chapter_id, post_id) values (?, ?)",
        chapter.id(),
        post.id());
    return post;
  }

  /** The chapter's comments the caller may see, oldest first (at most 200). */
  public List<PostView> list(Actor actor, long workId, int position) {
    Guardian guardian = guardians.of(actor);
    Work work = works.require(workId);
    WorkView.Chapter chapter = queries.chapter(guardian, work, position);
    List<Long> ids =
        db.list(
            "select cc.post_id from chapter_comments cc join posts p on p.id = cc.post_id"
                + " where cc.chapter_id = ? and p.deleted_at is null order by cc.post_id limit 200",
            rs -> rs.getLong(1),
            chapter.id());
    List<PostView> out = new ArrayList<>();
    for (long id : ids) {
      try {
        out.add(posts.one(guardian, id));
      } catch (ApiException e) {
        // not visible to the caller: left out
      }
    }
    return out;
  }
}
