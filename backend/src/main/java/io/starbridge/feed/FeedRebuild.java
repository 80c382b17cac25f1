package io.starbridge.feed;

import io.starbridge.common.Db;
import jakarta.inject.Singleton;
import java.io.PrintStream;
import java.util.List;

/** The {@code rebuild-feeds} command: drops every Redis feed and hot list and rebuilds them. */
@Singleton
public class FeedRebuild {
  private final Db db;
  private final HomeFeed feed;
  private final HotLists hot;

  FeedRebuild(Db db, HomeFeed feed, HotLists hot) {
    this.db = db;
    this.feed = feed;
    this.hot = hot;
  }

  /**
   * Rebuilds the feeds of everyone whose feed can hold something (follows, watches, group
   * memberships, work subscriptions); returns how many.
   */
  public int run(PrintStream out) {
    long dropped = feed.dropAll();
    out.println("dropped " + dropped + " feeds");
    List<Long> users =
        db.list(
            """
                select id from users u where u.status <> 'deleted' and (
                   exists (select 1 from user_follows f where f.follower_id = u.id)
                or exists (select 1 from board_follows f where f.user_id = u.id)
                or exists (select 1 from group_follows f where f.user_id = u.id)
                or exists (select 1 from tag_follows f where f.user_id = u.id)
                or exists (select 1 from watches w where w.user_id = u.id and w.level = 'watching')
                or exists (select 1 from group_members m where m.user_id = u.id and m.state = 'active')
                or exists (select 1 from work_subscriptions s where s.user_id = u.id))
                order by id
                """,
            rs -> rs.getLong(1));
    int done = 0;
    long start = System.nanoTime();
    for (long u : users) {
      if (!feed.rebuild(u)) {
        out.println();
        out.println("Redis is not reachable; feeds will be rebuilt on first read");
        return done;
      }
      done++;
      if (done % 50 == 0 || done == users.size()) {
        progress(out, done, users.size(), start);
      }
    }
    if (users.isEmpty()) {
      progress(out, 0, 0, start);
    }
    out.println();
    out.println("hot lists: " + hot.rebuild() + " topics scored");
    return done;
  }

  static void progress(PrintStream out, int done, int total, long start) {
    int width = 30;
    int filled = total == 0 ? width : (int) ((long) done * width / total);
    double secs = (System.nanoTime() - start) / 1e9;
    out.print(
        "\r["
            + "#".repeat(filled)
            + " ".repeat(width - filled)
            + "] "
            + done
            + "/"
            + total
            + String.format(" feeds, %.1f s", secs));
    out.flush();
  }
}
