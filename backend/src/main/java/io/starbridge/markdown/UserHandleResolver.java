package io.starbridge.markdown;

import io.starbridge.common.Db;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks handles against the users table, all in one query. Deleted accounts cannot be mentioned.
 */
@Singleton
class UserHandleResolver implements HandleResolver {
  private final Db db;

  UserHandleResolver(Db db) {
    this.db = db;
  }

  @Override
  public Set<String> existing(Collection<String> handles) {
    if (handles.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(
        db.list(
            "select lower(handle) from users where lower(handle) = any(?) and status <> 'deleted'",
            rs -> rs.getString(1),
            List.copyOf(handles)));
  }
}
