package io.starbridge.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.starbridge.common.Db;
import io.starbridge.support.ApiTest;
import io.starbridge.support.TestClient;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class DemoDataTest extends ApiTest {
  @Inject DemoSeeder seeder;
  @Inject BulkGenerator generator;
  @Inject Db db;

  @Test
  void theDemoCommunityIsSeededOnceThroughTheUseCases() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long started = System.nanoTime();
    seeder.seed(new PrintStream(out, true, StandardCharsets.UTF_8));
    assertThat((System.nanoTime() - started) / 1_000_000_000L).as("seconds").isLessThan(30);
    long outboxAfterFirst = db.count("select count(*) from outbox");
    String seeded = counts();
    assertThat(seeder.seed(new PrintStream(new ByteArrayOutputStream())))
        .as("second run changes nothing")
        .isFalse();
    assertThat(counts()).isEqualTo(seeded);
    assertThat(db.count("select count(*) from outbox")).isEqualTo(outboxAfterFirst);

    long linId =
        db.one("select id from users where handle = 'lin_yuan'", rs -> rs.getLong(1)).orElseThrow();
    assertThat(
            db.count(
                "select count(*) from topics where author_id = ? and board_id is not null", linId))
        .isEqualTo(2);
    assertThat(
            db.count(
                "select count(*) from posts p join users u on u.id = p.author_id where u.handle like any (array['lin_yuan','ada_okafor','chen_xiao'])"))
        .isGreaterThan(10);
    assertThat(
            db.count(
                "select count(*) from post_reactions r join users u on u.id = r.user_id where u.handle = 'ada_okafor'"))
        .isPositive();
    // cooked through the real renderer: the welcome topic has math and a spoiler
    String cooked =
        db.one(
                "select p.cooked from posts p join topics t on t.id = p.topic_id where t.title like 'Welcome to Starbridge%' and p.post_number = 1",
                rs -> rs.getString(1))
            .orElseThrow();
    assertThat(cooked).contains("class=\"spoiler\"").contains("class=\"math-inline\"");

    TestClient c = client();
    TestClient.Response login =
        c.post(
            "/api/v1/auth/login", Map.of("login", "ada_okafor", "password", DemoSeeder.PASSWORD));
    assertThat(login.status()).isEqualTo(200);
    assertThat(login.string("role")).isEqualTo("moderator");
    TestClient.Response list = c.get("/api/v1/boards/science/topics");
    assertThat(list.items())
        .extracting(m -> m.get("title"))
        .anySatisfy(t -> assertThat((String) t).contains("orbital mechanics"));
  }

  /** Everything the seeder writes, counted: equal before and after a second run. */
  private String counts() {
    return String.join(
        ",",
        java.util.stream.Stream.of(
                "users",
                "topics",
                "posts",
                "post_reactions",
                "user_follows",
                "groups",
                "group_members",
                "works",
                "chapters",
                "series",
                "series_works",
                "work_kudos",
                "work_bookmarks",
                "work_subscriptions",
                "series_subscriptions",
                "work_rights",
                "inquiries",
                "inquiry_messages",
                "verification_requests",
                "registry_entries")
            .map(t -> t + "=" + db.count("select count(*) from " + t))
            .toList());
  }

  private long id(String sql, Object... args) {
    return db.one(sql, rs -> rs.getLong(1), args).orElseThrow();
  }

  @Test
  void theDemoShowsWorksGroupsRightsAndAnInquiry() {
    seeder.seed(new PrintStream(new ByteArrayOutputStream()));

    // profiles and badges
    assertThat(
            db.count(
                "select count(*) from users where handle = 'priya_n'"
                    + " and 'verified_industry' = any(badges) and 'film_tv' = any(disciplines)"))
        .isEqualTo(1);
    assertThat(
            db.count(
                "select count(*) from users where handle = 'qian_lu'"
                    + " and 'verified_scientist' = any(badges) and 'scientist' = any(disciplines)"))
        .isEqualTo(1);
    assertThat(
            db.count(
                "select count(*) from user_follows f join users u on u.id = f.followee_id"
                    + " where u.handle = 'lin_yuan'"))
        .isGreaterThanOrEqualTo(5);

    // groups: public, restricted (one request still pending), secret (one invitation open)
    assertThat(
            db.list(
                "select slug || ':' || visibility from groups where slug in"
                    + " ('hard-sf-physics', 'adaptation-room', 'dyson-ring-writers') order by slug",
                rs -> rs.getString(1)))
        .containsExactly(
            "adaptation-room:restricted", "dyson-ring-writers:secret", "hard-sf-physics:public");
    assertThat(
            db.list(
                "select u.handle || ':' || m.state from group_members m join groups g on g.id ="
                    + " m.group_id join users u on u.id = m.user_id where g.slug ="
                    + " 'dyson-ring-writers' order by u.handle",
                rs -> rs.getString(1)))
        .containsExactly(
            "he_jing:active", "lin_yuan:active", "mira_k:active", "tom_becker:invited");
    assertThat(
            db.count(
                "select count(*) from topics t join groups g on g.id = t.group_id"
                    + " where g.slug in ('hard-sf-physics', 'adaptation-room', 'dyson-ring-writers')"))
        .isEqualTo(4);

    // works: the story with two chapters, its granted translation, the series of two
    long story = id("select id from works where title = '光帆清洁工' and deleted_at is null");
    assertThat(db.count("select count(*) from chapters where work_id = ?", story)).isEqualTo(2);
    assertThat(
            db.one(
                    "select translation_state from works where translation_of = ?",
                    rs -> rs.getString(1),
                    story)
                .orElseThrow())
        .isEqualTo("granted");
    assertThat(
            db.count(
                "select count(*) from series s join series_works sw on sw.series_id = s.id"
                    + " where s.title = '戴森环'"))
        .isEqualTo(2);
    assertThat(db.count("select count(*) from works where type = 'world_bible'")).isPositive();
    assertThat(db.count("select kudos_count from works where id = ?", story)).isEqualTo(6);
    assertThat(
            db.count("select count(*) from work_bookmarks where work_id = ? and note <> ''", story))
        .isEqualTo(2);

    // rights: some available, the novelette's film/TV right under option after an agreement
    long choir = id("select id from works where title = 'The Tidal Lock Choir'");
    assertThat(
            db.one(
                    "select status from work_rights where work_id = ? and medium = 'film_tv'",
                    rs -> rs.getString(1),
                    choir)
                .orElseThrow())
        .isEqualTo("under_option");
    assertThat(db.count("select count(*) from work_rights where status = 'available'"))
        .isGreaterThanOrEqualTo(5);

    // the producer's inquiry about the story is in discussion, with the author's reply
    long inquiry =
        id(
            "select i.id from inquiries i join users u on u.id = i.inquirer_id"
                + " where u.handle = 'priya_n' and i.work_id = ? and i.state = 'in_discussion'",
            story);
    assertThat(db.count("select count(*) from inquiry_messages where inquiry_id = ?", inquiry))
        .isEqualTo(3);
    assertThat(
            db.count(
                "select count(*) from registry_entries e join users u on u.id = any(e.author_ids)"
                    + " where e.kind = 'draft' and u.handle = 'wang_lei'"))
        .isEqualTo(1);

    // through the API: the producer sees her inquiry, readers see the story and its rights,
    // and the author's notifications follow from the kudos and the inquiry
    TestClient priya = client();
    assertThat(
            priya
                .post(
                    "/api/v1/auth/login",
                    Map.of("login", "priya_n", "password", DemoSeeder.PASSWORD))
                .status())
        .isEqualTo(200);
    assertThat(priya.get("/api/v1/inquiries/" + inquiry).string("state"))
        .isEqualTo("in_discussion");
    TestClient.Response work = client().get("/api/v1/works/" + story);
    assertThat(work.status()).isEqualTo(200);
    assertThat(work.string("title")).isEqualTo("光帆清洁工");
    TestClient lin = client();
    lin.post("/api/v1/auth/login", Map.of("login", "lin_yuan", "password", DemoSeeder.PASSWORD));
    java.util.List<String> kinds = java.util.List.of();
    for (int i = 0;
        i < 50 && !(kinds.contains("kudos") && kinds.contains("inquiry_received"));
        i++) {
      kinds =
          lin.get("/api/v1/notifications?limit=100").items().stream()
              .map(n -> String.valueOf(n.get("kind")))
              .toList();
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    assertThat(kinds).contains("kudos", "inquiry_received");
  }

  @Test
  void theGeneratorBuildsConsistentCounters() {
    long topicsBefore = db.count("select count(*) from topics");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    // its own board, so other tests' boards and counters are untouched
    long board =
        db.insertReturningId(
            "insert into boards (slug, name_zh, name_en) values (?, '生成', 'Generated') returning id",
            "gen-" + Long.toString(System.nanoTime(), 36));
    generator.generate(
        40, 25, 180, java.util.List.of(board), new PrintStream(out, true, StandardCharsets.UTF_8));
    assertThat(db.count("select topic_count from boards where id = ?", board)).isEqualTo(25);
    assertThat(db.count("select count(*) from topics") - topicsBefore).isEqualTo(25);
    // every generated topic's counters agree with its posts
    assertThat(
            db.count(
                """
            select count(*) from topics t
             where t.slug like 'topic-%' and (t.highest_post_number <> (select max(post_number) from posts p where p.topic_id = t.id)
                or t.reply_count <> t.highest_post_number - 1 or t.excerpt = '')
            """))
        .isZero();
    assertThat(db.count("select count(*) from posts where cooked like '<p>%'")).isPositive();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("done in");
    TestClient.Response login =
        client()
            .post(
                "/api/v1/auth/login",
                Map.of(
                    "login",
                    db.one(
                            "select handle from users where handle like 'gen_%' order by id desc limit 1",
                            rs -> rs.getString(1))
                        .orElseThrow(),
                    "password",
                    BulkGenerator.PASSWORD));
    assertThat(login.status()).isEqualTo(200);
  }
}
