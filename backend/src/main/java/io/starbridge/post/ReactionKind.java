package io.starbridge.post;

import java.util.Locale;
import java.util.Optional;

/**
 * The reactions a post can receive, by wire name (as in {@code PUT /posts/{id}/reactions/{kind}}
 * and in responses): like, thumbs_up 👍, heart ❤️, laugh 😂, thinking 🤔, rocket 🚀, eyes 👀. The
 * SPA picks the glyphs; the wire names never change.
 */
public enum ReactionKind {
  LIKE,
  THUMBS_UP,
  HEART,
  LAUGH,
  THINKING,
  ROCKET,
  EYES;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ReactionKind> parse(String wire) {
    for (ReactionKind k : values()) {
      if (k.wire().equals(wire)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
