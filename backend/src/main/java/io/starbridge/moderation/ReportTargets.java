package io.starbridge.moderation;

import io.micronaut.core.annotation.Nullable;
import io.starbridge.common.ApiException;
import io.starbridge.common.Db;
import io.starbridge.group.Group;
import io.starbridge.post.Post;
import io.starbridge.post.PostLookup;
import io.starbridge.profile.Person;
import io.starbridge.security.Guardian;
import io.starbridge.topic.Topic;
import io.starbridge.topic.TopicLookup;
import io.starbridge.work.Work;
import io.starbridge.work.WorkLookup;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What can be reported, and how each kind is loaded and judged. The set is open: a new reportable
 * kind (works, issue 8) is one {@code resolvers.put("work", this::work)} line plus its loader.
 */
@Singleton
public class ReportTargets {
  /** A loaded report target; exactly the fields its kind has are set. */
  public record Target(
      String type,
      long id,
      @Nullable Long authorId,
      @Nullable Topic topic,
      @Nullable Post post,
      @Nullable Group group,
      @Nullable Person person,
      @Nullable Work work) {

    /** The group whose moderators handle it; null for the site's staff. */
    @Nullable
    public Long scopeGroup() {
      if (topic != null) {
        return topic.groupId();
      }
      return group == null ? null : group.id();
    }

    public boolean hideable() {
      return post != null || (topic != null && "topic".equals(type));
    }
  }

  interface Resolver {
    /** The target if it exists and the guardian may see it, else null. */
    @Nullable
    Target load(Guardian guardian, long id);
  }

  private final Db db;
  private final PostLookup posts;
  private final TopicLookup topics;
  private final WorkLookup works;
  private final Map<String, Resolver> resolvers = new LinkedHashMap<>();

  ReportTargets(Db db, PostLookup posts, TopicLookup topics, WorkLookup works) {
    this.db = db;
    this.works = works;
    this.posts = posts;
    this.topics = topics;
    resolvers.put("post", this::post);
    resolvers.put("topic", this::topic);
    resolvers.put("user", this::user);
    resolvers.put("group", this::group);
    resolvers.put("work", this::work);
  }

  public Set<String> types() {
    return resolvers.keySet();
  }

  /** The target, or 404 when it does not exist or the caller may not see it. */
  public Target require(Guardian guardian, String type, long id) {
    Resolver resolver = resolvers.get(type);
    if (resolver == null) {
      throw ApiException.invalid(
          "targetType", "invalid", "must be one of " + String.join(", ", resolvers.keySet()));
    }
    Target target = resolver.load(guardian, id);
    if (target == null) {
      throw ApiException.notFound("Report target");
    }
    return target;
  }

  /** Whether the guardian's actor handles reports on the target (the review queue's scope). */
  public static boolean canHandle(Guardian guardian, Target target) {
    if (target.topic() != null) {
      return guardian.canModerateContentOf(target.topic());
    }
    if (target.group() != null) {
      return guardian.canModerateGroup(target.group());
    }
    if (target.work() != null) {
      return guardian.canModerateWork(target.work());
    }
    return guardian.canModeratePeople();
  }

  private Target post(Guardian guardian, long id) {
    Post post = posts.find(id).orElse(null);
    if (post == null) {
      return null;
    }
    Topic topic = topics.find(post.topicId()).orElse(null);
    if (topic == null || !guardian.canSeeBody(post, topic)) {
      return null;
    }
    return new Target("post", id, post.authorId(), topic, post, null, null, null);
  }

  private Target topic(Guardian guardian, long id) {
    Topic topic = topics.find(id).orElse(null);
    if (topic == null || !guardian.canSee(topic)) {
      return null;
    }
    Post first =
        db.one(
                "select id from posts where topic_id = ? and post_number = 1",
                rs -> rs.getLong(1),
                id)
            .flatMap(posts::find)
            .orElse(null);
    return new Target("topic", id, topic.authorId(), topic, first, null, null, null);
  }

  private Target user(Guardian guardian, long id) {
    return db.one(
            "select id, role, hide_followers, hide_activity, mention_policy from users"
                + " where id = ? and deleted_at is null",
            rs ->
                new Person(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getBoolean(3),
                    rs.getBoolean(4),
                    rs.getString(5)),
            id)
        .map(p -> new Target("user", id, id, null, null, null, p, null))
        .orElse(null);
  }

  private Target group(Guardian guardian, long id) {
    return db.one(
            "select "
                + Group.columns("g")
                + " from groups g where g.id = ? and g.deleted_at is null",
            rs -> Group.read(rs, "g"),
            id)
        .filter(guardian::canSee)
        .map(g -> new Target("group", id, null, null, null, g, null, null))
        .orElse(null);
  }

  /** A work the reporter may read (the Guardian's work visibility); its owner is the author. */
  private Target work(Guardian guardian, long id) {
    return works
        .byId(id)
        .filter(guardian::canSee)
        .map(w -> new Target("work", id, w.ownerId(), null, null, null, null, w))
        .orElse(null);
  }
}
