package io.starbridge.moderation;

import io.micronaut.core.annotation.Nullable;
import io.starbridge.board.Board;
import io.starbridge.common.ApiException;
import io.starbridge.common.Db;
import io.starbridge.markdown.Cooked;
import io.starbridge.post.PostLookup;
import io.starbridge.security.Guardian;
import io.starbridge.topic.TopicLookup;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks a new topic or reply passes before and after it is written: new users' first-day caps
 * and link/image limits, watched words (block, require approval, flag, censor), the same body
 * posted in several places within minutes, link floods from new accounts, and approval-required
 * boards. Held posts are hidden ({@code approval}) and wait in the review queue.
 */
@Singleton
public class PostingRules {
  private static final Pattern IMG = Pattern.compile("<img\\b", Pattern.CASE_INSENSITIVE);

  /** What to do with the post: its (possibly censored) body, and why it is held (null: not). */
  public record Decision(String body, @Nullable String holdReason, @Nullable String flag) {}

  private final Db db;
  private final SiteSettings settings;
  private final Hiding hiding;
  private final PostLookup posts;
  private final TopicLookup topics;

  PostingRules(Db db, SiteSettings settings, Hiding hiding, PostLookup posts, TopicLookup topics) {
    this.db = db;
    this.settings = settings;
    this.hiding = hiding;
    this.posts = posts;
    this.topics = topics;
  }

  /** Before cooking: caps, watched words, duplicates. {@code board} null in groups. */
  public Decision before(Guardian guardian, @Nullable Board board, String body, boolean topic) {
    long me = guardian.actor().id();
    if (guardian.isNewUser()) {
      boolean firstDay =
          db.count(
                  "select count(*) from users where id = ? and created_at > now() - interval '1 day'",
                  me)
              > 0;
      if (firstDay) {
        long done =
            topic
                ? db.count(
                    "select count(*) from topics where author_id = ? and created_at > now() - interval '1 day'",
                    me)
                : db.count(
                    "select count(*) from posts where author_id = ? and post_number > 1"
                        + " and created_at > now() - interval '1 day'",
                    me);
        guardian.ensureWithinFirstDayCap(
            true,
            done,
            settings.getInt(topic ? "newUserMaxTopicsFirstDay" : "newUserMaxRepliesFirstDay"),
            topic);
      }
    }
    String hold = null;
    String flag = null;
    String out = body;
    String lower = body.toLowerCase(Locale.ROOT);
    for (SiteSettings.WatchedWord w : settings.watchedWords()) {
      if (!lower.contains(w.word())) {
        continue;
      }
      switch (w.action()) {
        case "block" ->
            throw ApiException.invalid(
                "body",
                "watched_word",
                "Your post contains a word or link that is not allowed here");
        case "require_approval" -> hold = "watched word: " + w.word();
        case "flag" -> flag = "watched word: " + w.word();
        case "censor" ->
            out =
                Pattern.compile(Pattern.quote(w.word()), Pattern.CASE_INSENSITIVE)
                    .matcher(out)
                    .replaceAll(Matcher.quoteReplacement("■".repeat(w.word().length())));
        default -> {}
      }
    }
    if (guardian.isRateLimited()) {
      long same =
          db.count(
              "select count(*) from posts where author_id = ? and raw = ? and deleted_at is null"
                  + " and created_at > now() - make_interval(mins => ?)",
              me,
              body,
              settings.getInt("spamDuplicateWindowMinutes"));
      if (same >= settings.getInt("spamDuplicateMax")) {
        throw ApiException.invalid(
            "body",
            "duplicate",
            "You have just posted this same text elsewhere: please don't repeat it across topics");
      }
    }
    return new Decision(out, hold, flag);
  }

  /** After cooking: new users' link and image limits, link floods, approval boards. */
  public Decision after(Guardian guardian, @Nullable Board board, Cooked cooked, Decision d) {
    int links = cooked.links().size();
    int images = countImages(cooked.html());
    guardian.ensureWithinNewUserContent(
        links, images, settings.getInt("newUserMaxLinks"), settings.getInt("newUserMaxImages"));
    String hold = d.holdReason();
    long me = guardian.actor().id();
    if (hold == null && guardian.isNewUser() && links > 0) {
      long recent =
          db.count(
              "select count(*) from posts where author_id = ? and cooked like '%<a %'"
                  + " and created_at > now() - interval '1 hour'",
              me);
      if (recent >= settings.getInt("spamNewUserLinkFlood")) {
        hold = "link flood from a new account";
      }
    }
    if (hold == null && board != null) {
      long visible =
          db.count(
              "select count(*) from posts where author_id = ? and hidden_at is null and deleted_at is null",
              me);
      if (guardian.needsApproval(board, visible, settings.getInt("approveNewUserPosts"))) {
        hold = "new member in a board that requires approval";
      }
    }
    return new Decision(d.body(), hold, d.flag());
  }

  /** After the insert: hold (hide + queue item) or flag the post, per the decision. */
  public void apply(Decision d, long postId, @Nullable Long scopeGroup) {
    if (d.holdReason() == null && d.flag() == null) {
      return;
    }
    var post = posts.find(postId).orElseThrow();
    var topic = topics.find(post.topicId()).orElseThrow();
    if (d.holdReason() != null) {
      hiding.hide(post, topic, "approval", post.authorId());
    }
    // The author stands as "reporter" of their own held post: the queue item needs a row.
    db.update(
        """
        insert into reports (target_type, target_id, kind, reporter_id, reason, note, score, scope_group, author_id)
        values ('post', ?, ?, ?, ?, ?, 0, ?, ?)
        """,
        postId,
        d.holdReason() != null ? "approval" : "report",
        post.authorId(),
        d.holdReason() != null ? "other" : "spam",
        d.holdReason() != null ? d.holdReason() : d.flag(),
        scopeGroup,
        post.authorId());
  }

  static int countImages(String html) {
    Matcher m = IMG.matcher(html);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  /** For tests and the SPA: the new-user limits in force. */
  public Map<String, Integer> newUserLimits() {
    return Map.of(
        "maxLinks", settings.getInt("newUserMaxLinks"),
        "maxImages", settings.getInt("newUserMaxImages"));
  }
}
