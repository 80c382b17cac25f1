package io.starbridge.ip;

import static io.starbridge.support.Fixtures.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.starbridge.search.SearchIndex;
import io.starbridge.security.Actor;
import io.starbridge.security.Role;
import io.starbridge.support.ForumTest;
import io.starbridge.support.TestClient;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The catalogue answered by the search index: Lucene facets, drill sideways, access tokens. */
@MicronautTest(transactional = false)
class CatalogueFacetsTest extends ForumTest {
  @Inject SearchIndex index;

  private void caughtUp() {
    assertThat(index.awaitCaughtUp(Duration.ofSeconds(20))).isTrue();
  }

  private long work(Account author, String title, String visibility, String rating, String status) {
    return work(author, title, visibility, rating, status, "en");
  }

  private long work(
      Account author,
      String title,
      String visibility,
      String rating,
      String status,
      String language) {
    Map<String, Object> b = new HashMap<>();
    b.put("title", title);
    b.put("summary", "summary of " + title);
    b.put("type", "novel");
    b.put("language", language);
    b.put("genres", List.of("hard-sf"));
    b.put("rating", rating);
    b.put("status", status);
    b.put("visibility", visibility);
    return id(expect(201, author.client().post("/api/v1/works", b)));
  }

  private static Map<String, Object> right(String medium, String status, String language) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("medium", medium);
    r.put("status", status);
    if (language != null) {
      r.put("language", language);
    }
    return r;
  }

  private void rights(Account who, long work, Map<String, Object> right) {
    expect(
        200,
        who.client().put("/api/v1/works/" + work + "/rights", Map.of("rights", List.of(right))));
  }

  /**
   * A unique search word of letters only: the Chinese analyzer splits letters from digits, so a hex
   * suffix would become single-character tokens that other tests' UUID titles share.
   */
  private static String token(String prefix) {
    StringBuilder sb = new StringBuilder(prefix);
    java.util.concurrent.ThreadLocalRandom random =
        java.util.concurrent.ThreadLocalRandom.current();
    for (int i = 0; i < 10; i++) {
      sb.append((char) ('a' + random.nextInt(26)));
    }
    return sb.toString();
  }

  private static String q(String token) {
    return "/api/v1/ip/catalogue?q=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Long> facet(TestClient.Response r, String name) {
    Map<String, Long> out = new HashMap<>();
    for (Map<String, Object> v : (List<Map<String, Object>>) r.get("facets." + name)) {
      out.put((String) v.get("value"), ((Number) v.get("count")).longValue());
    }
    return out;
  }

  private static List<Long> ids(TestClient.Response r) {
    return r.items().stream()
        .map(i -> ((Number) ((Map<?, ?>) i.get("work")).get("id")).longValue())
        .toList();
  }

  @Test
  void facetCountsRespectVisibility() {
    String token = token("facetvis");
    Account owner = fx().member("fvowner");
    Account translator = fx().member("fvtrans");
    Account reader = fx().member("fvreader");
    long pub = work(owner, token + " public", "public", "general", "complete");
    long members = work(owner, token + " members", "signed_in", "teen", "complete");
    long draft = work(owner, token + " draft", "draft", "mature", "complete");
    long translation =
        work(translator, token + " translation", "public", "explicit", "complete", "zh-Hans");
    expect(
        201,
        translator
            .client()
            .post("/api/v1/works/" + pub + "/translations", Map.of("workId", translation)));
    rights(owner, pub, right("translation", "available", "ja"));
    rights(owner, members, right("film_tv", "available", null));
    rights(owner, draft, right("film_tv", "available", null));
    rights(translator, translation, right("film_tv", "available", null));
    caughtUp();

    // anonymous: only the public work; no signed-in work, no draft, no unpermitted translation
    TestClient.Response anon = expect(200, anonymous().get(q(token)));
    assertThat(anon.get("rebuilding")).isEqualTo(false);
    assertThat(ids(anon)).containsExactly(pub);
    assertThat(facet(anon, "medium")).isEqualTo(Map.of("translation", 1L, "translation:ja", 1L));
    assertThat(facet(anon, "rating")).isEqualTo(Map.of("general", 1L));
    assertThat(facet(anon, "status")).isEqualTo(Map.of("complete", 1L));
    assertThat(((Number) anon.get("total")).longValue()).isEqualTo(1);

    // signed in: the members' work too, still neither the draft nor the pending translation
    TestClient.Response signed = expect(200, reader.client().get(q(token)));
    assertThat(ids(signed)).containsExactlyInAnyOrder(pub, members);
    assertThat(facet(signed, "rating")).isEqualTo(Map.of("general", 1L, "teen", 1L));
    assertThat(facet(signed, "medium").get("film_tv")).isEqualTo(1L);

    // once the original's author grants it, the translation counts for everyone
    expect(
        200,
        owner
            .client()
            .put(
                "/api/v1/works/" + pub + "/translations/" + translation,
                Map.of("state", "granted")));
    caughtUp();
    TestClient.Response after = expect(200, anonymous().get(q(token)));
    assertThat(ids(after)).containsExactlyInAnyOrder(pub, translation);
    assertThat(facet(after, "rating")).isEqualTo(Map.of("general", 1L, "explicit", 1L));
  }

  @Test
  void filtersDrillDownAndEachFacetIsCountedWithoutItsOwnFilter() {
    String token = token("facetdd");
    Account owner = fx().member("fdowner");
    long general = work(owner, token + " one", "public", "general", "complete");
    long teen = work(owner, token + " two", "public", "teen", "in_progress");
    long mature = work(owner, token + " three", "public", "mature", "complete");
    for (long w : List.of(general, teen, mature)) {
      rights(owner, w, right("games", "available", null));
    }
    // 8,000 words: a novelette
    expect(
        201,
        owner
            .client()
            .post(
                "/api/v1/works/" + teen + "/chapters",
                Map.of("title", "Long", "body", "word ".repeat(8_000))));
    caughtUp();

    TestClient.Response all = expect(200, anonymous().get(q(token)));
    assertThat(facet(all, "length")).isEqualTo(Map.of("short_story", 2L, "novelette", 1L));
    assertThat(facet(all, "popularity")).isEqualTo(Map.of("quiet", 3L));

    // two values of one facet: either; the rating facet still shows every rating
    TestClient.Response either =
        expect(200, anonymous().get(q(token) + "&rating=general&rating=teen"));
    assertThat(ids(either)).containsExactlyInAnyOrder(general, teen);
    assertThat(facet(either, "rating")).isEqualTo(Map.of("general", 1L, "teen", 1L, "mature", 1L));
    assertThat(facet(either, "status")).isEqualTo(Map.of("complete", 1L, "in_progress", 1L));

    // across facets: both
    TestClient.Response both =
        expect(200, anonymous().get(q(token) + "&rating=general&rating=teen&status=complete"));
    assertThat(ids(both)).containsExactly(general);
    assertThat(facet(both, "rating")).isEqualTo(Map.of("general", 1L, "mature", 1L));
    assertThat(facet(both, "status")).isEqualTo(Map.of("complete", 1L, "in_progress", 1L));
    assertThat(facet(both, "length")).isEqualTo(Map.of("short_story", 1L));

    TestClient.Response longer = expect(200, anonymous().get(q(token) + "&length=novelette"));
    assertThat(ids(longer)).containsExactly(teen);
  }

  @Test
  void kudosAndHitsMoveAWorkIntoAnotherPopularityBucket() {
    String token = token("facetpop");
    Account owner = fx().member("fpowner");
    long liked = work(owner, token + " liked", "public", "general", "complete");
    long read = work(owner, token + " read", "public", "general", "complete");
    long quiet = work(owner, token + " quiet", "public", "general", "complete");
    for (long w : List.of(liked, read, quiet)) {
      rights(owner, w, right("comics", "available", null));
    }
    // eleven kudos score 110: noticed
    for (int i = 0; i < 11; i++) {
      expect(204, fx().member("fpfan").client().put("/api/v1/works/" + liked + "/kudos", null));
    }
    // the hit that takes the score to 100 re-files the work
    db.update("update works set hits = 99 where id = ?", read);
    expect(200, fx().member("fpreader").client().get("/api/v1/works/" + read));
    assertThat(fx().eventTypes("work", read)).contains("WorkPopularityChanged");
    assertThat(
            db.count("select coalesce(sum(hits), 0) from work_hits_daily where work_id = ?", read))
        .isEqualTo(1);
    caughtUp();

    TestClient.Response all = expect(200, anonymous().get(q(token) + "&sort=popular"));
    assertThat(facet(all, "popularity")).isEqualTo(Map.of("noticed", 2L, "quiet", 1L));
    assertThat(ids(all)).containsExactly(liked, read, quiet);
    TestClient.Response noticed = expect(200, anonymous().get(q(token) + "&popularity=noticed"));
    assertThat(ids(noticed)).containsExactlyInAnyOrder(liked, read);
  }

  @Inject Catalogue catalogue;
  @Inject io.starbridge.security.Guardians guardians;

  private static Map<String, Map<String, Long>> counts(Catalogue.Result r) {
    Map<String, Map<String, Long>> out = new HashMap<>();
    r.facets()
        .forEach(
            (dim, values) -> {
              Map<String, Long> m = new HashMap<>();
              values.forEach(v -> m.put(v.value(), v.count()));
              out.put(dim, m);
            });
    return out;
  }

  @Test
  void theSqlFallbackAgreesWithTheIndex() {
    String token = token("facetsql");
    Account owner = fx().member("fsowner");
    long a = work(owner, token + " a", "public", "general", "complete");
    long b = work(owner, token + " b", "signed_in", "teen", "in_progress");
    long c = work(owner, token + " c", "public", "mature", "complete");
    rights(owner, a, right("translation", "available", "fr"));
    rights(owner, b, right("film_tv", "available", null));
    rights(owner, c, right("film_tv", "available", null));
    expect(
        201,
        owner
            .client()
            .post(
                "/api/v1/works/" + c + "/chapters",
                Map.of("title", "Long", "body", "word ".repeat(18_000))));
    expect(204, fx().member("fsfan").client().put("/api/v1/works/" + c + "/kudos", null));
    caughtUp();

    Actor member =
        new Actor(
            owner.id(),
            owner.handle(),
            Role.MEMBER,
            "active",
            0,
            true,
            null,
            Actor.AuthMethod.SESSION);
    for (Actor who : List.of(Actor.anonymous(), member)) {
      for (Map<String, List<String>> filters :
          List.of(
              Map.<String, List<String>>of(),
              Map.of("medium", List.of("film_tv")),
              Map.of("medium", List.of("translation:fr"), "rating", List.of("general", "teen")),
              Map.of("length", List.of("novella")))) {
        Catalogue.Filters f =
            new Catalogue.Filters(
                filters.getOrDefault("medium", List.of()),
                List.of(),
                List.of(),
                List.of(),
                filters.getOrDefault("length", List.of()),
                filters.getOrDefault("rating", List.of()),
                List.of(),
                List.of(),
                token);
        var guardian = guardians.of(who);
        Catalogue.Result indexed = catalogue.search(guardian, f, "popular", null, 10);
        Catalogue.Result sql = catalogue.fromSql(guardian, f, "popular", 0, 10);
        assertThat(indexed.rebuilding()).isFalse();
        assertThat(sql.rebuilding()).isTrue();
        assertThat(counts(sql)).as("facets with %s", filters).isEqualTo(counts(indexed));
        assertThat(sql.items())
            .extracting(i -> i.work().id())
            .as("items with %s", filters)
            .containsExactlyElementsOf(indexed.items().stream().map(i -> i.work().id()).toList());
        assertThat(sql.total()).isEqualTo(indexed.total());
      }
    }
    Catalogue.Filters none =
        new Catalogue.Filters(
            List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
            token);
    Map<String, Map<String, Long>> all =
        counts(catalogue.fromSql(guardians.of(member), none, null, 0, 10));
    assertThat(all.get("length")).isEqualTo(Map.of("short_story", 2L, "novella", 1L));
    assertThat(all.get("medium"))
        .isEqualTo(Map.of("film_tv", 2L, "translation", 1L, "translation:fr", 1L));
  }

  @Test
  void aRightThatLeavesAvailableLeavesTheMediumFacetByRightsAndByAgreement() {
    String token = token("facetopt");
    Account owner = fx().member("foowner");
    long w = work(owner, token + " open", "public", "general", "complete");
    expect(
        200,
        owner
            .client()
            .put(
                "/api/v1/works/" + w + "/rights",
                Map.of(
                    "rights",
                    List.of(
                        right("film_tv", "available", null),
                        right("games", "available", null),
                        right("comics", "available", null)))));
    caughtUp();
    TestClient.Response before = expect(200, anonymous().get(q(token)));
    assertThat(ids(before)).as(before.body()).containsExactly(w);
    assertThat(facet(before, "medium")).isEqualTo(Map.of("film_tv", 1L, "games", 1L, "comics", 1L));

    // the authors put film/TV under option: the index drops it from the medium facet
    expect(
        200,
        owner
            .client()
            .put(
                "/api/v1/works/" + w + "/rights",
                Map.of(
                    "rights",
                    List.of(
                        right("film_tv", "under_option", null),
                        right("games", "available", null),
                        right("comics", "available", null)))));
    caughtUp();
    TestClient.Response afterRights = expect(200, anonymous().get(q(token)));
    assertThat(afterRights.get("rebuilding")).isEqualTo(false);
    assertThat(facet(afterRights, "medium")).isEqualTo(Map.of("games", 1L, "comics", 1L));
    assertThat(ids(expect(200, anonymous().get(q(token) + "&medium=film_tv")))).isEmpty();

    // an agreement the authors confirm does the same for games
    Account producer = fx().member("foprod");
    db.update("update users set badges = array['verified_industry'] where id = ?", producer.id());
    Map<String, Object> inquiry = new LinkedHashMap<>();
    inquiry.put("medium", "games");
    inquiry.put("territory", "Worldwide");
    inquiry.put("term", "2 years");
    inquiry.put("message", "An option, please.");
    long id = id(expect(201, producer.client().post("/api/v1/works/" + w + "/inquiries", inquiry)));
    expect(
        200, owner.client().post("/api/v1/inquiries/" + id + "/state", Map.of("state", "agreed")));
    caughtUp();
    TestClient.Response afterAgreement = expect(200, anonymous().get(q(token)));
    assertThat(facet(afterAgreement, "medium")).isEqualTo(Map.of("comics", 1L));
    assertThat(ids(expect(200, anonymous().get(q(token) + "&medium=games")))).isEmpty();
    assertThat(ids(expect(200, anonymous().get(q(token) + "&medium=comics")))).containsExactly(w);
  }
}
