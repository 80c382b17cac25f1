package io.starbridge.demo;

import io.starbridge.common.Db;
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
 * Fills an empty instance with the small bilingual community in {@code demo/community.yml}:
 * writers, scientists, translators, film and games people, with topics, replies and reactions
 * written through the same use-cases as the API (Markdown cooked, counters and outbox kept).
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

  public DemoSeeder(
      Db db, PasswordHasher hasher, CreateTopic createTopic, CreateReply createReply, React react) {
    this.db = db;
    this.hasher = hasher;
    this.createTopic = createTopic;
    this.createReply = createReply;
    this.react = react;
  }

  /** Returns false (and changes nothing) when the demo community is already there. */
  @SuppressWarnings("unchecked")
  public boolean seed(PrintStream out) {
    Map<String, Object> data = load();
    List<Map<String, Object>> users = (List<Map<String, Object>>) data.get("users");
    String firstHandle = (String) users.get(0).get("handle");
    if (db.count("select count(*) from users where lower(handle) = ?", firstHandle) > 0) {
      out.println(
          "The demo community is already here (@" + firstHandle + " exists); nothing changed.");
      return false;
    }
    String hash = hasher.hash(PASSWORD);
    Map<String, Actor> actors = new LinkedHashMap<>();
    for (Map<String, Object> u : users) {
      String handle = (String) u.get("handle");
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
      actors.put(
          handle,
          new Actor(
              id, handle, Role.parse(role), "active", trust, true, null, Actor.AuthMethod.SESSION));
    }
    List<Actor> everyone = new ArrayList<>(actors.values());
    int topics = 0;
    int replies = 0;
    int reactions = 0;
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
    out.printf(
        "Seeded %d people, %d topics, %d replies and %d reactions. Sign in as any of them (e.g. %s, an admin) with the password \"%s\".%n",
        actors.size(), topics, replies, reactions, firstHandle, PASSWORD);
    return true;
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

  private static Map<String, Object> load() {
    try (InputStream in = DemoSeeder.class.getResourceAsStream("/demo/community.yml")) {
      if (in == null) {
        throw new IllegalStateException("demo/community.yml is missing");
      }
      return new Yaml(new LoaderOptions()).load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
