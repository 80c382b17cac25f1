package io.starbridge.post;

import jakarta.inject.Singleton;
import java.util.Optional;

/** Post rows for other features (moderation judges and hides them). */
@Singleton
public class PostLookup {
  private final Posts posts;

  PostLookup(Posts posts) {
    this.posts = posts;
  }

  public Optional<Post> find(long id) {
    return posts.find(id);
  }

  public Post requireForUpdate(long id) {
    return posts.requireForUpdate(id);
  }
}
