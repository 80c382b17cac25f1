package io.starbridge.group;

import io.starbridge.common.ApiException;
import io.starbridge.common.Db;
import jakarta.inject.Singleton;
import java.util.Optional;

/** Finds group rows for use-cases of this and other features (topics in groups). */
@Singleton
public class GroupLookup {
  private final Db db;

  GroupLookup(Db db) {
    this.db = db;
  }

  /** A group that is not deleted, by slug (deleted groups free their slug). */
  public Optional<Group> bySlug(String slug) {
    return db.one(
        "select " + Group.columns("g") + " from groups g where g.slug = ? and g.deleted_at is null",
        rs -> Group.read(rs, "g"),
        slug);
  }

  public Group requireBySlug(String slug) {
    return bySlug(slug).orElseThrow(() -> ApiException.notFound("Group"));
  }

  /** The group row locked until the transaction ends (membership changes serialize on it). */
  Group requireBySlugForUpdate(String slug) {
    return db.one(
            "select "
                + Group.columns("g")
                + " from groups g where g.slug = ? and g.deleted_at is null for no key update",
            rs -> Group.read(rs, "g"),
            slug)
        .orElseThrow(() -> ApiException.notFound("Group"));
  }
}
