package io.starbridge.demo;

import io.starbridge.common.Db;
import io.starbridge.event.Outbox;
import io.starbridge.post.CreateReply;
import io.starbridge.post.PostRequests;
import io.starbridge.post.PostView;
import io.starbridge.post.React;
import io.starbridge.security.Actor;
import io.starbridge.security.PasswordHasher;
import io.starbridge.security.Role;
import io.starbridge.topic.CreateTopic;
import io.starbridge.topic.TopicRequests;
import io.starbridge.topic.TopicView;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Fills an instance with the small bilingual community in {@code demo/community.yml} (writers,
 * scientists, translators, film and games people, with topics, replies and reactions) and then the
 * rest of the product from {@code demo/showcase.yml} ({@link ShowcaseSeeder}), written through the
 * same use-cases as the API (Markdown cooked, counters and outbox kept). Only what is missing is
 * written, so running it again changes nothing.
 */
@Singleton
public class DemoSeeder {
  public static final String PASSWORD = "starbridge demo 2026";
  private static final String[] REACTIONS = {
    "like", "heart", "thumbs_up", "rocket", "thinking", "laugh"
  };

  private final Db db;
  private final PasswordHasher hasher;
  private final CreateTopic createTopic;
  private final CreateReply createReply;
  private final React react;
  private final Outbox outbox;
  private final ShowcaseSeeder showcase;

  DemoSeeder(
      Db db,
      PasswordHasher hasher,
      CreateTopic createTopic,
      CreateReply createReply,
      React react,
      Outbox outbox,
      ShowcaseSeeder showcase) {
    this.db = db;
    this.hasher = hasher;
    this.createTopic = createTopic;
    this.createReply = createReply;
    this.react = react;
    this.outbox = outbox;
    this.showcase = showcase;
  }

  /**
   * Seeds what is missing and returns whether anything changed: a second run finds every person,
   * topic, group, work and inquiry already there and returns false without writing anything.
   */
  @SuppressWarnings("unchecked")
  public boolean seed(PrintStream out) {
    long started = System.nanoTime();
    Map<String, Object> data = load("/demo/community.yml");
    List<Map<String, Object>> users = (List<Map<String, Object>>) data.get("users");
    String firstHandle = (String) users.get(0).get("handle");
    String hash = null;
    int people = 0;
    Map<String, Actor> actors = new LinkedHashMap<>();
    for (Map<String, Object> u : users) {
      String handle = (String) u.get("handle");
      Actor existing = actor(handle);
      if (existing != null) {
        actors.put(handle, existing);
        continue;
      }
      if (hash == null) {
        hash = hasher.hash(PASSWORD);
      }
      String role = (String) u.getOrDefault("role", "member");
      int trust = ((Number) u.getOrDefault("trust", 1)).intValue();
      long id =
          db.insertReturningId(
              """
              insert into users (handle, email, email_verified_at, password_hash, display_name, locale, role, trust_level)
              values (?, ?, now(), ?, ?, ?, ?, ?) returning id
              """,
              handle,
              handle + "@demo.starbridge.invalid",
              hash,
              u.get("displayName"),
              u.getOrDefault("locale", "zh-CN"),
              role,
              trust);
      // The new account reaches search and the other consumers like a registration does.
      outbox.publish("UserRegistered", "user", id, id, Map.of("handle", handle));
      people++;
      actors.put(
          handle,
          new Actor(
              id, handle, Role.parse(role), "active", trust, true, null, Actor.AuthMethod.SESSION));
    }
    int topics = 0;
    int replies = 0;
    int reactions = 0;
    // The forum part is there when its first author has written anything.
    if (db.count("select count(*) from topics where author_id = ?", actors.get(firstHandle).id())
        == 0) {
      List<Actor> everyone = new ArrayList<>(actors.values());
      for (Map<String, Object> t : (List<Map<String, Object>>) data.get("topics")) {
        Actor author = actors.get((String) t.get("author"));
        TopicView topic =
            createTopic.call(
                author,
                new TopicRequests.Create(
                    (String) t.get("board"),
                    (String) t.get("group"),
                    (String) t.get("title"),
                    (String) t.get("body"),
                    (List<String>) t.getOrDefault("tags", List.of())));
        topics++;
        reactions += reactTo(topic.firstPost().id(), author, everyone, topics);
        for (Map<String, Object> r :
            (List<Map<String, Object>>) t.getOrDefault("replies", List.of())) {
          Actor replier = actors.get((String) r.get("author"));
          PostView post =
              createReply.call(
                  replier, topic.id(), new PostRequests.Reply((String) r.get("body"), null));
          replies++;
          reactions += reactTo(post.id(), replier, everyone, replies);
        }
      }
    }
    ShowcaseSeeder.Counts rest = showcase.seed(load("/demo/showcase.yml"), actors);
    if (people + topics + rest.total() == 0) {
      out.println(
          "The demo community is already here (@" + firstHandle + " exists); nothing changed.");
      return false;
    }
    out.printf(
        "Seeded %d people, %d topics, %d replies and %d reactions; %s (in %.1f s).%n"
            + "Sign in as any of them (e.g. %s, an admin; priya_n, a verified producer) with the"
            + " password \"%s\".%n",
        people,
        topics,
        replies,
        reactions,
        rest,
        (System.nanoTime() - started) / 1e9,
        firstHandle,
        PASSWORD);
    return true;
  }

  /** A demo account that is already there, as the actor the use-cases expect; null if absent. */
  private Actor actor(String handle) {
    return db.one(
            "select id, handle, role, trust_level from users where lower(handle) = lower(?)",
            rs ->
                new Actor(
                    rs.getLong("id"),
                    rs.getString("handle"),
                    Role.parse(rs.getString("role")),
                    "active",
                    rs.getInt("trust_level"),
                    true,
                    null,
                    Actor.AuthMethod.SESSION),
            handle)
        .orElse(null);
  }

  /** A few reactions from others, varied but deterministic. */
  private int reactTo(long postId, Actor author, List<Actor> everyone, int salt) {
    int n = 0;
    for (int i = 0; i < everyone.size(); i++) {
      Actor reactor = everyone.get(i);
      if (reactor.id() == author.id() || (i * 7 + salt * 3) % 4 != 0) {
        continue;
      }
      react.add(reactor, postId, REACTIONS[(i + salt) % REACTIONS.length]);
      n++;
    }
    return n;
  }

  private static Map<String, Object> load(String resource) {
    try (InputStream in = DemoSeeder.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing");
      }
      return new Yaml(new LoaderOptions()).load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
