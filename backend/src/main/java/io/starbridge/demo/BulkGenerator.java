package io.starbridge.demo;

import io.starbridge.common.Db;
import io.starbridge.markdown.Cooked;
import io.starbridge.markdown.MarkdownRenderer;
import io.starbridge.security.PasswordHasher;
import jakarta.inject.Singleton;
import java.io.PrintStream;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Fills the database with a large synthetic community for benchmarks (e.g. 10,000 users, 100,000
 * topics, 1,000,000 posts) in set-based SQL, so it takes a minute, not hours. Bodies are cooked by
 * the real Markdown renderer once and reused; counters are computed at the end so lists and topic
 * pages behave as with organic data. Generated accounts share one password, {@link #PASSWORD}, and
 * handles {@code gen_<n>}.
 */
@Singleton
public class BulkGenerator {
  public static final String PASSWORD = "generated passphrase 1";

  private static final String[] TITLES = {
    "关于%s的一点想法", "%s：给作者的科学建议", "如何写好%s题材？", "Worldbuilding notes on %s",
    "Ask a scientist: %s", "%s in film and games", "讨论：%s会改变什么？", "A translator's view of %s",
  };
  private static final String[] SUBJECTS = {
    "戴森球", "曲率驱动", "合成生物学", "量子通信", "太空电梯", "first contact", "time travel", "solarpunk cities",
    "generation ships", "AI characters", "火星殖民", "深海城市", "cyberpunk", "space opera", "terraforming",
        "数字生命",
  };
  private static final String[] BODIES = {
    "这个设定很有意思。我更关心的是**社会结构**会怎样变化，而不只是技术本身。",
    "From a physics point of view this works if you accept a few assumptions. See $E = mc^2$ for the rough energy budget.",
    "我在写一个类似的故事，卡在第三章。有没有人愿意读一下初稿？",
    "Great question. In my experience as an engineer, the hard part is **maintenance**, not construction.",
    "补充一点背景资料：\n\n- 相关论文不少\n- 但大多数还停留在理论阶段\n\n欢迎补充。",
    "I'd love to see this adapted as an animated short. The visual language writes itself.",
    "翻译的时候要注意术语统一，比如 *light-year* 一律译作“光年”。",
    "Spoiler for the ending: >!the ship was the planet all along!<",
    "| 方案 | 优点 | 缺点 |\n|---|---|---|\n| A | 简单 | 不够真实 |\n| B | 真实 | 太复杂 |",
    "Thanks, this is exactly what I needed for my manuscript.",
    "我觉得可以参考刘慈欣的处理方式：把宏大的尺度落到一个人的选择上。",
    "The orbital mechanics check out, mostly. The delta-v budget is a bit optimistic.",
  };
  private static final String[] TAGS = {
    "hard-sf", "世界观", "翻译", "film", "games", "ai", "太空", "craft", "science", "征文"
  };
  private static final String[] NAMES = {
    "星河", "Ada", "晓晨", "Mira", "远航", "Sam", "青岚", "Priya", "子墨", "Tom", "若水", "Noor"
  };

  private final Db db;
  private final MarkdownRenderer markdown;
  private final PasswordHasher hasher;

  public BulkGenerator(Db db, MarkdownRenderer markdown, PasswordHasher hasher) {
    this.db = db;
    this.markdown = markdown;
    this.hasher = hasher;
  }

  /** Spreads the topics over every top-level board that everyone may read. */
  public void generate(int users, int topics, int posts, PrintStream out) {
    List<Long> boards =
        db.list(
            "select id from boards where parent_id is null and read_access = 'everyone' order by id",
            rs -> rs.getLong(1));
    generate(users, topics, posts, boards, out);
  }

  public void generate(int users, int topics, int posts, List<Long> boardIds, PrintStream out) {
    if (boardIds.isEmpty()) {
      throw new IllegalArgumentException("no board to put topics in");
    }
    if (users < 1 || topics < 1 || posts < topics) {
      throw new IllegalArgumentException("need users >= 1, topics >= 1 and posts >= topics");
    }
    List<String> raws = new ArrayList<>();
    List<String> htmls = new ArrayList<>();
    List<String> plains = new ArrayList<>();
    int version = markdown.version();
    for (String body : BODIES) {
      Cooked c = markdown.cook(body);
      raws.add(body);
      htmls.add(c.html());
      plains.add(c.plainText());
    }
    String hash = hasher.hash(PASSWORD);
    long started = System.nanoTime();
    db.withConnection(
        c -> {
          boolean auto = c.getAutoCommit();
          c.setAutoCommit(false);
          try {
            long firstUser = reserve(c, "users_id_seq", users);
            step(
                out,
                started,
                "users",
                users,
                () ->
                    exec(
                        c,
                        """
                insert into users (id, handle, email, email_verified_at, password_hash, display_name, locale, trust_level, created_at)
                select ? + g, 'gen_' || (? + g), 'gen_' || (? + g) || '@example.invalid', now(), ?,
                       (?::text[])[1 + g % array_length(?::text[], 1)] || ' ' || g,
                       case when g % 3 = 0 then 'en' else 'zh-CN' end, g % 4, now() - (g % 700) * interval '1 day'
                  from generate_series(0::bigint, ?::bigint - 1) g
                """,
                        firstUser,
                        firstUser,
                        firstUser,
                        hash,
                        arr(c, NAMES),
                        arr(c, NAMES),
                        users));
            Long[] boards = boardIds.toArray(new Long[0]);
            Array boardArr = c.createArrayOf("bigint", boards);
            long firstTopic = reserve(c, "topics_id_seq", topics);
            Array titles = arr(c, TITLES);
            Array subjects = arr(c, SUBJECTS);
            step(
                out,
                started,
                "topics",
                topics,
                () ->
                    exec(
                        c,
                        """
                insert into topics (id, board_id, author_id, title, slug, tags, excerpt, created_at, last_posted_at, updated_at)
                select ? + g,
                       (?::bigint[])[1 + g % array_length(?::bigint[], 1)],
                       ? + (g * 7919) % ?,
                       format((?::text[])[1 + g % array_length(?::text[], 1)], (?::text[])[1 + (g / 7) % array_length(?::text[], 1)]) || ' #' || g,
                       'topic-' || g,
                       array[(?::text[])[1 + g % array_length(?::text[], 1)]],
                       '',
                       now() - (g % 365) * interval '1 day' - (g % 1440) * interval '1 minute',
                       now() - (g % 365) * interval '1 day' - (g % 1440) * interval '1 minute',
                       now()
                  from generate_series(0::bigint, ?::bigint - 1) g
                """,
                        firstTopic,
                        boardArr,
                        boardArr,
                        firstUser,
                        users,
                        titles,
                        titles,
                        subjects,
                        subjects,
                        arr(c, TAGS),
                        arr(c, TAGS),
                        topics));
            long firstPost = reserve(c, "posts_id_seq", posts);
            Array rawArr = arr(c, raws.toArray(new String[0]));
            Array htmlArr = arr(c, htmls.toArray(new String[0]));
            Array plainArr = arr(c, plains.toArray(new String[0]));
            // Post i belongs to topic i % topics and is number i / topics + 1 in it: every topic
            // gets posts/topics posts (± 1), first posts first.
            step(
                out,
                started,
                "posts",
                posts,
                () ->
                    exec(
                        c,
                        """
                insert into posts (id, topic_id, post_number, author_id, raw, cooked, plain_text, cooked_version, created_at)
                select ? + g, ? + g % ?, g / ? + 1, ? + ((g * 104729) % ?),
                       (?::text[])[1 + (g * 31) % array_length(?::text[], 1)],
                       (?::text[])[1 + (g * 31) % array_length(?::text[], 1)],
                       (?::text[])[1 + (g * 31) % array_length(?::text[], 1)],
                       ?, now() - ((g % ?) % 365) * interval '1 day' + (g / ?) * interval '1 minute'
                  from generate_series(0::bigint, ?::bigint - 1) g
                """,
                        firstPost,
                        firstTopic,
                        topics,
                        topics,
                        firstUser,
                        users,
                        rawArr,
                        rawArr,
                        htmlArr,
                        htmlArr,
                        plainArr,
                        plainArr,
                        version,
                        topics,
                        topics,
                        posts));
            step(
                out,
                started,
                "first-post authors",
                topics,
                () ->
                    exec(
                        c,
                        "update posts p set author_id = t.author_id from topics t where p.topic_id = t.id and p.post_number = 1 and t.id between ? and ?",
                        firstTopic,
                        firstTopic + topics - 1));
            step(
                out,
                started,
                "likes",
                posts / 5,
                () ->
                    exec(
                        c,
                        """
                insert into post_reactions (post_id, user_id, kind, created_at)
                select ? + (g * 5) % ?, ? + (g * 31337) % ?, 'like', now()
                  from generate_series(0::bigint, ?::bigint - 1) g
                on conflict do nothing
                """,
                        firstPost,
                        posts,
                        firstUser,
                        users,
                        posts / 5));
            step(
                out,
                started,
                "post counters",
                posts,
                () ->
                    exec(
                        c,
                        """
                update posts p set reaction_counts = jsonb_build_object('like', r.n)
                  from (select post_id, count(*) n from post_reactions where post_id between ? and ? group by post_id) r
                 where p.id = r.post_id
                """,
                        firstPost,
                        firstPost + posts - 1));
            step(
                out,
                started,
                "topic counters",
                topics,
                () ->
                    exec(
                        c,
                        """
                update topics t set highest_post_number = s.maxn, reply_count = s.maxn - 1, last_posted_at = s.last_at,
                       last_poster_id = s.last_author, like_count = s.likes, excerpt = left(s.excerpt, 200)
                  from (select p.topic_id, max(p.post_number) maxn, max(p.created_at) last_at,
                               (array_agg(p.author_id order by p.post_number desc))[1] last_author,
                               coalesce(sum((p.reaction_counts ->> 'like')::int), 0) likes,
                               min(p.plain_text) filter (where p.post_number = 1) excerpt
                          from posts p where p.topic_id between ? and ? group by p.topic_id) s
                 where t.id = s.topic_id
                """,
                        firstTopic,
                        firstTopic + topics - 1));
            step(
                out,
                started,
                "board counters",
                boards.length,
                () ->
                    exec(
                        c,
                        """
                update boards b set topic_count = s.topics, post_count = s.posts, last_activity_at = s.last_at
                  from (select board_id, count(*) topics, sum(highest_post_number) posts, max(last_posted_at) last_at
                          from topics where deleted_at is null and board_id = any(?) group by board_id) s
                 where b.id = s.board_id
                """,
                        boardArr));
            c.commit();
            try (Statement s = c.createStatement()) {
              s.execute("analyze users; analyze topics; analyze posts; analyze post_reactions");
            }
          } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
          } finally {
            c.setAutoCommit(auto);
          }
          return null;
        });
    out.printf(
        "done in %.1f s: %,d users, %,d topics, %,d posts; every generated account's password is \"%s\"%n",
        (System.nanoTime() - started) / 1e9, users, topics, posts, PASSWORD);
  }

  @FunctionalInterface
  private interface SqlStep {
    int run() throws SQLException;
  }

  private static void step(PrintStream out, long started, String what, long count, SqlStep step)
      throws SQLException {
    long t = System.nanoTime();
    int rows = step.run();
    double secs = (System.nanoTime() - t) / 1e9;
    out.printf(
        "  %-20s %,12d rows  %6.1f s  (%,.0f rows/s)  [%.0f s total]%n",
        what, rows, secs, rows / Math.max(secs, 1e-3), (System.nanoTime() - started) / 1e9);
  }

  /** Reserves {@code n} ids of a sequence and returns the first. */
  private static long reserve(Connection c, String sequence, long n) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select nextval(?::regclass), setval(?::regclass, nextval(?::regclass) + ? - 1)")) {
      ps.setString(1, sequence);
      ps.setString(2, sequence);
      ps.setString(3, sequence);
      ps.setLong(4, n);
      try (var rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1) + 1;
      }
    }
  }

  private static int exec(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      return ps.executeUpdate();
    }
  }

  private static Array arr(Connection c, String[] values) throws SQLException {
    return c.createArrayOf("text", values);
  }
}
