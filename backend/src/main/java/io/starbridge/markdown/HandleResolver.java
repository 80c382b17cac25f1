package io.starbridge.markdown;

import java.util.Collection;
import java.util.Set;

/** Tells which {@code @handles} in a text belong to users, so only those become mentions. */
@FunctionalInterface
public interface HandleResolver {
  /**
   * @param handles lower-case handles, at most a few dozen
   * @return those of {@code handles} that name a user who can be mentioned, lower case
   */
  Set<String> existing(Collection<String> handles);
}
