package io.starbridge.post;

import io.starbridge.common.ApiException;
import io.starbridge.common.Db;
import jakarta.inject.Singleton;
import java.util.Optional;

/** Reads of the posts table for this feature's use-cases. */
@Singleton
class Posts {
  private final Db db;

  Posts(Db db) {
    this.db = db;
  }

  Optional<Post> find(long id) {
    return db.one("select " + Post.COLUMNS + " from posts p where p.id = ?", Post::read, id);
  }

  Post require(long id) {
    return find(id).orElseThrow(() -> ApiException.notFound("Post"));
  }

  Post requireForUpdate(long id) {
    return db.one(
            "select " + Post.COLUMNS + " from posts p where p.id = ? for no key update",
            Post::read,
            id)
        .orElseThrow(() -> ApiException.notFound("Post"));
  }

  /** The stored text of a post, for edits and revisions. */
  record Content(String raw, String cooked, int cookedVersion, int revisionCount) {}

  Content content(long id) {
    return db.one(
            "select raw, cooked, cooked_version, revision_count from posts where id = ?",
            rs -> new Content(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4)),
            id)
        .orElseThrow(() -> ApiException.notFound("Post"));
  }
}
