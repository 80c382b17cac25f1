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
    seeder.seed(new PrintStream(out, true, StandardCharsets.UTF_8));
    assertThat(seeder.seed(new PrintStream(new ByteArrayOutputStream())))
        .as("second run changes nothing")
        .isFalse();

    long linId =
        db.one("select id from users where handle = 'lin_yuan'", rs -> rs.getLong(1)).orElseThrow();
    assertThat(db.count("select count(*) from topics where author_id = ?", linId)).isEqualTo(2);
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
