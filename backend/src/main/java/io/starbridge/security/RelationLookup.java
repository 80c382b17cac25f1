package io.starbridge.security;

import io.starbridge.common.Db;
import jakarta.inject.Singleton;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads follows, mutes and blocks for the {@link Guardian}, which asks only when a rule needs them
 * (and then once per request).
 */
@Singleton
public class RelationLookup {
  private final Db db;

  public RelationLookup(Db db) {
    this.db = db;
  }

  /** One query: every relation between {@code me} and {@code other}. */
  public Relation between(long me, long other) {
    return db.one(
            """
            select exists (select 1 from user_follows where follower_id = ? and followee_id = ?),
                   exists (select 1 from user_follows where follower_id = ? and followee_id = ?),
                   exists (select 1 from user_ignores where user_id = ? and target_id = ? and kind = 'mute'),
                   exists (select 1 from user_ignores where user_id = ? and target_id = ? and kind = 'block'),
                   exists (select 1 from user_ignores where user_id = ? and target_id = ? and kind = 'block')
            """,
            rs ->
                new Relation(
                    rs.getBoolean(1),
                    rs.getBoolean(2),
                    rs.getBoolean(3),
                    rs.getBoolean(4),
                    rs.getBoolean(5)),
            me,
            other,
            other,
            me,
            me,
            other,
            me,
            other,
            other,
            me)
        .orElse(Relation.NONE);
  }

  /** Who blocked {@code me} (usually nobody, so the whole set is cheap). */
  public Set<Long> blockersOf(long me) {
    return new HashSet<>(
        db.list(
            "select user_id from user_ignores where target_id = ? and kind = 'block'",
            rs -> rs.getLong(1),
            me));
  }
}
