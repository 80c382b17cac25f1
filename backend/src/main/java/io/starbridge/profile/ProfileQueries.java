package io.starbridge.profile;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.starbridge.account.UserCard;
import io.starbridge.common.ApiException;
import io.starbridge.common.Cursors;
import io.starbridge.common.Db;
import io.starbridge.common.Page;
import io.starbridge.common.Sql;
import io.starbridge.group.GroupQueries;
import io.starbridge.group.GroupRef;
import io.starbridge.media.MediaUrls;
import io.starbridge.security.AccessScope;
import io.starbridge.security.Guardian;
import io.starbridge.security.Relation;
import io.starbridge.topic.BoardRef;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Read model of people: the profile page, its counts and its lists (posts, followers, following),
 * and the caller's own follows, mutes and blocks. Topics of a profile come from {@code
 * TopicQueries.byAuthor}.
 */
@Singleton
public class ProfileQueries {
  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 100;

  /** At most this many followed users come back from {@code GET /me/following}. */
  static final int MAX_FOLLOWING = 1000;

  private final Db db;
  private final GroupQueries groups;
  private final io.starbridge.work.WorkQueries works;

  ProfileQueries(Db db, GroupQueries groups, io.starbridge.work.WorkQueries works) {
    this.works = works;
    this.db = db;
    this.groups = groups;
  }

  /** A person by handle, as the Guardian judges them; deleted users do not exist (404). */
  public Person person(String handle) {
    return db.one(
            "select id, role, hide_followers, hide_activity, mention_policy from users"
                + " where lower(handle) = lower(?) and status <> 'deleted'",
            rs ->
                new Person(
                    rs.getLong("id"),
                    rs.getString("role"),
                    rs.getBoolean("hide_followers"),
                    rs.getBoolean("hide_activity"),
                    rs.getString("mention_policy")),
            handle == null ? "" : handle.strip().toLowerCase(Locale.ROOT))
        .orElseThrow(() -> ApiException.notFound("User"));
  }

  // ---- the profile ----------------------------------------------------------------------------

  @Serdeable
  public record Counts(
      long topics, long posts, long works, long followers, long following, long groups) {}

  /** How the caller stands to the person; null for anonymous callers and on one's own profile. */
  @Serdeable
  public record RelationshipView(
      boolean following, boolean followsYou, boolean muted, boolean blocked) {}

  /**
   * {@code GET /users/{handle}}.
   *
   * @param followersHidden the caller may not see the followers/following lists
   * @param activityHidden the caller may not see the topics/posts lists
   * @param lastSeenAt null when the activity is hidden from the caller
   */
  @Serdeable
  public record ProfileView(
      long id,
      String handle,
      String displayName,
      @Nullable String bioHtml,
      List<String> disciplines,
      List<String> fields,
      @Nullable String affiliation,
      List<String> languages,
      List<ProfileLink> links,
      @Nullable String location,
      @Nullable String avatarUrl,
      @Nullable String coverUrl,
      List<String> badges,
      String role,
      int trustLevel,
      Instant createdAt,
      @Nullable Instant lastSeenAt,
      Counts counts,
      boolean followersHidden,
      boolean activityHidden,
      @Nullable RelationshipView relationship) {}

  public ProfileView profile(Guardian guardian, String handle) {
    Person person = person(handle);
    AccessScope scope = guardian.readableScope();
    // Counts agree with the lists: topics and posts in boards the caller may read, not deleted.
    String sql =
        "select u.id, u.handle, u.display_name, u.bio_html, u.disciplines, u.fields, u.affiliation,"
            + " u.languages, "
            + ProfileLink.columns("u")
            + ", u.location, u.avatar_key, u.cover_key, u.badges, u.role, u.trust_level, u.created_at,"
            + " (select max(s.last_used_at) from sessions s where s.user_id = u.id) as last_seen_at,"
            + " (select count(*) from topics t left join boards b on b.id = t.board_id"
            + "   left join groups g on g.id = t.group_id"
            + "   where t.author_id = u.id and t.deleted_at is null and "
            + scope.topicsUnhidden("t")
            + " and "
            + scope.topicsReadable("t", "b", "g")
            + ") as topic_count,"
            + " (select count(*) from posts p join topics t on t.id = p.topic_id"
            + "   left join boards b on b.id = t.board_id left join groups g on g.id = t.group_id"
            + "   where p.author_id = u.id and p.deleted_at is null and t.deleted_at is null and "
            + scope.topicsUnhidden("t")
            + " and "
            + scope.postsUnhidden("p")
            + " and "
            + scope.topicsReadable("t", "b", "g")
            + ") as post_count,"
            + " (select count(*) from user_follows f where f.followee_id = u.id) as follower_count,"
            + " (select count(*) from user_follows f where f.follower_id = u.id) as following_count"
            + " from users u where u.id = ?";
    boolean activityVisible = guardian.canSeeActivity(person);
    boolean followsVisible = guardian.canSeeFollowLists(person);
    long groups = groupCount(guardian, person);
    RelationshipView relationship = null;
    if (guardian.isSignedIn() && !guardian.isSelf(person)) {
      Relation r = guardian.relationTo(person.id());
      relationship = new RelationshipView(r.following(), r.followedBy(), r.muting(), r.blocking());
    }
    RelationshipView rel = relationship;
    return db.one(
            sql,
            rs ->
                new ProfileView(
                    rs.getLong("id"),
                    rs.getString("handle"),
                    rs.getString("display_name"),
                    rs.getString("bio_html"),
                    OwnProfile.strings(rs.getArray("disciplines")),
                    OwnProfile.strings(rs.getArray("fields")),
                    rs.getString("affiliation"),
                    OwnProfile.strings(rs.getArray("languages")),
                    ProfileLink.read(rs),
                    rs.getString("location"),
                    MediaUrls.avatar(rs.getString("avatar_key")),
                    MediaUrls.of(rs.getString("cover_key")),
                    OwnProfile.strings(rs.getArray("badges")),
                    rs.getString("role"),
                    rs.getInt("trust_level"),
                    Db.instant(rs, "created_at"),
                    activityVisible ? Db.instant(rs, "last_seen_at") : null,
                    new Counts(
                        rs.getLong("topic_count"),
                        rs.getLong("post_count"),
                        works.countByAuthor(guardian, person.id()),
                        rs.getLong("follower_count"),
                        rs.getLong("following_count"),
                        groups),
                    !followsVisible,
                    !activityVisible,
                    rel),
            person.id())
        .orElseThrow(() -> ApiException.notFound("User"));
  }

  /** The groups of {@code person} the caller may see (secret ones only for members and admins). */
  long groupCount(Guardian guardian, Person person) {
    return groups.countOfUser(guardian, person.id());
  }

  /** The person's works the caller may read (their own drafts for themselves). */
  public Page<io.starbridge.work.WorkView.Card> works(
      Guardian guardian, Person person, Integer limit, String cursor) {
    return works.byAuthor(guardian, person.id(), cursor, limit);
  }

  // ---- activity lists -------------------------------------------------------------------------

  @Serdeable
  public record TopicRef(long id, String slug, String title) {}

  /** A post as a profile's activity list shows it, with its topic. */
  @Serdeable
  public record PostCard(
      long id,
      long topicId,
      int postNumber,
      UserCard author,
      String bodyHtml,
      Instant createdAt,
      @Nullable Instant editedAt,
      TopicRef topic) {}

  @Serdeable
  public record ActivityPost(PostCard post) {}

  private record Position(Instant at, long id) {}

  private static Position position(String cursor) {
    return cursor == null
        ? null
        : Cursors.read(
            cursor, 2, p -> new Position(Cursors.instant(p.get(0)), Long.parseLong(p.get(1))));
  }

  /** {@code GET /users/{handle}/posts}: newest first, in boards the caller may read. */
  public Page<ActivityPost> posts(
      Guardian guardian, Person person, @Nullable Integer limitParam, @Nullable String cursor) {
    int limit = Cursors.limit(limitParam, DEFAULT_LIMIT, MAX_LIMIT);
    Position after = position(cursor);
    Sql sql =
        new Sql()
            .append(
                "select p.id, p.topic_id, p.post_number, p.cooked, p.created_at, p.edited_at,"
                    + " t.slug, t.title, "
                    + UserCard.columns("a")
                    + " from posts p join topics t on t.id = p.topic_id"
                    + " left join boards b on b.id = t.board_id left join groups g on g.id = t.group_id"
                    + " join users a on a.id = p.author_id"
                    + " where p.author_id = ? and p.deleted_at is null and t.deleted_at is null and "
                    + guardian.readableScope().topicsUnhidden("t")
                    + " and "
                    + guardian.readableScope().postsUnhidden("p")
                    + " and "
                    + guardian.readableScope().topicsReadable("t", "b", "g"),
                person.id());
    if (after != null) {
      sql.append(" and (p.created_at, p.id) < (?, ?)", after.at(), after.id());
    }
    sql.append(" order by p.created_at desc, p.id desc limit ?", limit + 1);
    List<ActivityPost> rows =
        db.list(
            sql.text(),
            rs ->
                new ActivityPost(
                    new PostCard(
                        rs.getLong("id"),
                        rs.getLong("topic_id"),
                        rs.getInt("post_number"),
                        UserCard.read(rs, "a"),
                        rs.getString("cooked"),
                        Db.instant(rs, "created_at"),
                        Db.instant(rs, "edited_at"),
                        new TopicRef(
                            rs.getLong("topic_id"), rs.getString("slug"), rs.getString("title")))),
            sql.params());
    return page(rows, limit, r -> Cursors.encode(r.post().createdAt(), r.post().id()));
  }

  /** One row of a followers/following list. */
  @Serdeable
  public record FollowEntry(UserCard user, Instant followedAt) {}

  /** {@code GET /users/{handle}/followers} (followers = true) or {@code /following}. */
  public Page<FollowEntry> follows(
      Person person, boolean followers, @Nullable Integer limitParam, @Nullable String cursor) {
    int limit = Cursors.limit(limitParam, DEFAULT_LIMIT, MAX_LIMIT);
    Position after = position(cursor);
    String mine = followers ? "f.followee_id" : "f.follower_id";
    String theirs = followers ? "f.follower_id" : "f.followee_id";
    Sql sql =
        new Sql()
            .append(
                "select f.created_at, "
                    + UserCard.columns("u")
                    + " from user_follows f join users u on u.id = "
                    + theirs
                    + " where "
                    + mine
                    + " = ?",
                person.id());
    if (after != null) {
      sql.append(" and (f.created_at, " + theirs + ") < (?, ?)", after.at(), after.id());
    }
    sql.append(" order by f.created_at desc, " + theirs + " desc limit ?", limit + 1);
    List<FollowEntry> rows =
        db.list(
            sql.text(),
            rs -> new FollowEntry(UserCard.read(rs, "u"), Db.instant(rs, "created_at")),
            sql.params());
    return page(rows, limit, r -> Cursors.encode(r.followedAt(), r.user().id()));
  }

  /** One row of {@code /me/mutes} or {@code /me/blocks}. */
  @Serdeable
  public record IgnoreEntry(UserCard user, Instant since) {}

  public Page<IgnoreEntry> ignores(
      long me, String kind, @Nullable Integer limitParam, @Nullable String cursor) {
    int limit = Cursors.limit(limitParam, DEFAULT_LIMIT, MAX_LIMIT);
    Position after = position(cursor);
    Sql sql =
        new Sql()
            .append(
                "select i.created_at, "
                    + UserCard.columns("u")
                    + " from user_ignores i join users u on u.id = i.target_id"
                    + " where i.user_id = ? and i.kind = ?",
                me,
                kind);
    if (after != null) {
      sql.append(" and (i.created_at, i.target_id) < (?, ?)", after.at(), after.id());
    }
    sql.append(" order by i.created_at desc, i.target_id desc limit ?", limit + 1);
    List<IgnoreEntry> rows =
        db.list(
            sql.text(),
            rs -> new IgnoreEntry(UserCard.read(rs, "u"), Db.instant(rs, "created_at")),
            sql.params());
    return page(rows, limit, r -> Cursors.encode(r.since(), r.user().id()));
  }

  private static <T> Page<T> page(
      List<T> rows, int limit, java.util.function.Function<T, String> cursorOf) {
    if (rows.size() > limit) {
      List<T> items = new ArrayList<>(rows.subList(0, limit));
      return new Page<>(items, cursorOf.apply(items.get(limit - 1)));
    }
    return new Page<>(rows, null);
  }

  // ---- what the caller follows ----------------------------------------------------------------

  /**
   * {@code GET /me/following}. {@code groups} stays empty until the groups feature fills it with
   * its {@code GroupRef}s.
   */
  @Serdeable
  public record Following(
      List<UserCard> users, List<BoardRef> boards, List<GroupRef> groups, List<String> tags) {}

  public Following following(Guardian guardian) {
    long me = guardian.actor().id();
    List<UserCard> users =
        db.list(
            "select "
                + UserCard.columns("u")
                + " from user_follows f join users u on u.id = f.followee_id"
                + " where f.follower_id = ? order by f.created_at desc limit ?",
            rs -> UserCard.read(rs, "u"),
            me,
            MAX_FOLLOWING);
    List<BoardRef> boards =
        db.list(
            "select b.id, b.slug, b.name_zh, b.name_en, b.color from board_follows f"
                + " join boards b on b.id = f.board_id where f.user_id = ? and "
                + guardian.readableScope().boardsReadable("b")
                + " order by b.position, b.id",
            rs ->
                new BoardRef(
                    rs.getLong("id"),
                    rs.getString("slug"),
                    rs.getString("name_zh"),
                    rs.getString("name_en"),
                    rs.getString("color")),
            me);
    List<String> tags =
        db.list(
            "select tag from tag_follows where user_id = ? order by tag",
            rs -> rs.getString(1),
            me);
    return new Following(users, boards, followedGroups(guardian), tags);
  }

  /** The groups the caller follows and may still see. */
  List<GroupRef> followedGroups(Guardian guardian) {
    return groups.followedBy(guardian);
  }
}
