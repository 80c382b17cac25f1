package io.starbridge.ip;

import static io.starbridge.support.Fixtures.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.starbridge.search.SearchIndex;
import io.starbridge.support.ForumTest;
import io.starbridge.support.TestClient;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class IpCatalogueApiTest extends ForumTest {
  @Inject SearchIndex index;

  private long work(Account author, String title, String visibility, String type, String genre) {
    Map<String, Object> b = new HashMap<>();
    b.put("title", title);
    b.put("summary", "summary of " + title);
    b.put("type", type);
    b.put("language", "zh-Hans");
    b.put("genres", List.of(genre));
    b.put("rating", "teen");
    b.put("visibility", visibility);
    return id(expect(201, author.client().post("/api/v1/works", b)));
  }

  private static Map<String, Object> right(String medium, String status) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("medium", medium);
    r.put("status", status);
    return r;
  }

  private TestClient.Response putRights(Account who, long work, List<?> rights) {
    return who.client().put("/api/v1/works/" + work + "/rights", Map.of("rights", rights));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object o) {
    return (List<Map<String, Object>>) o;
  }

  @Test
  void authorsSetRightsOthersMayNot() {
    Account owner = fx().member("ipowner");
    Account co = fx().member("ipco");
    Account stranger = fx().member("ipstranger");
    long w = work(owner, "权利 " + UUID.randomUUID(), "public", "novel", "hard-sf");
    expect(
        201,
        owner.client().post("/api/v1/works/" + w + "/coauthors", Map.of("handle", co.handle())));
    expect(200, co.client().post("/api/v1/works/" + w + "/coauthors/accept", null));

    Map<String, Object> film = right("film_tv", "available");
    film.put("terms", "Option 18 months");
    film.put("contact", "agent");
    Map<String, Object> tr = right("translation", "licensed");
    tr.put("language", "en");
    TestClient.Response put = expect(200, putRights(owner, w, List.of(film, tr)));
    assertThat(list(put.get("rights")))
        .extracting(r -> r.get("medium") + "/" + r.get("status") + "/" + r.get("language"))
        .containsExactly("film_tv/available/null", "translation/licensed/en");
    assertThat(fx().eventTypes("work", w)).contains("WorkRightsUpdated");

    // anyone who reads the work sees the rights, also in the work view
    TestClient.Response got = expect(200, anonymous().get("/api/v1/works/" + w + "/rights"));
    assertThat(got.string("rights.0.terms")).isEqualTo("Option 18 months");
    assertThat(got.string("rights.0.contact")).isEqualTo("agent");
    assertThat(list(expect(200, anonymous().get("/api/v1/works/" + w)).get("rights"))).hasSize(2);

    // a co-author replaces the set
    expect(200, putRights(co, w, List.of(right("games", "under_option"))));
    assertThat(list(expect(200, anonymous().get("/api/v1/works/" + w + "/rights")).get("rights")))
        .extracting(r -> r.get("medium"))
        .containsExactly("games");

    // strangers may not; anonymous callers must sign in
    assertProblem(putRights(stranger, w, List.of()), 403, "/problems/forbidden");
    assertThat(
            anonymous().put("/api/v1/works/" + w + "/rights", Map.of("rights", List.of())).status())
        .isEqualTo(401);

    // a draft's rights do not exist for strangers
    long draft = work(owner, "草稿 " + UUID.randomUUID(), "draft", "novel", "hard-sf");
    assertProblem(
        stranger.client().get("/api/v1/works/" + draft + "/rights"), 404, "/problems/not-found");
    assertProblem(putRights(stranger, draft, List.of()), 404, "/problems/not-found");
  }

  @Test
  void validationNamesTheFields() {
    Account owner = fx().member("ipval");
    long w = work(owner, "校验 " + UUID.randomUUID(), "public", "novel", "hard-sf");
    Map<String, Object> badContact = right("comics", "available");
    badContact.put("contact", "pigeon");
    Map<String, Object> longTerms = right("stage", "available");
    longTerms.put("terms", "x".repeat(2001));
    Map<String, Object> filmWithLanguage = right("film_tv", "available");
    filmWithLanguage.put("language", "en");
    List<Object> rights =
        List.of(
            right("radio", "available"),
            right("translation", "available"),
            right("games", "maybe"),
            badContact,
            longTerms,
            filmWithLanguage,
            right("games", "licensed"));
    TestClient.Response r = putRights(owner, w, rights);
    assertProblem(r, 400, "/problems/validation");
    List<String> fields =
        ((List<?>) r.get("errors"))
            .stream().map(e -> (String) ((Map<?, ?>) e).get("field")).toList();
    assertThat(fields)
        .contains(
            "rights[0].medium",
            "rights[1].language",
            "rights[2].status",
            "rights[3].contact",
            "rights[4].terms",
            "rights[5].language",
            "rights[6].medium");
    // nothing stored
    assertThat(
            list(expect(200, owner.client().get("/api/v1/works/" + w + "/rights")).get("rights")))
        .isEmpty();
  }

  private Map<String, Long> facet(TestClient.Response r, String name) {
    Map<String, Long> out = new HashMap<>();
    for (Map<String, Object> v : list(r.get("facets." + name))) {
      out.put((String) v.get("value"), ((Number) v.get("count")).longValue());
    }
    return out;
  }

  @Test
  void catalogueRespectsVisibilityAndCountsFacets() {
    String token = "目录" + io.starbridge.support.Fixtures.letters(12);
    Account owner = fx().member("ipcat");
    long pub = work(owner, token + " 公开", "public", "novel", "hard-sf");
    long members = work(owner, token + " 会员", "signed_in", "novel", "space-opera");
    long draft = work(owner, token + " 草稿", "draft", "short_story", "hard-sf");
    long closed = work(owner, token + " 不可", "public", "comic", "hard-sf");
    long games = work(owner, token + " 游戏", "public", "short_story", "cyberpunk");
    expect(
        200,
        putRights(owner, pub, List.of(right("film_tv", "available"), right("games", "licensed"))));
    expect(200, putRights(owner, members, List.of(right("film_tv", "available"))));
    expect(200, putRights(owner, draft, List.of(right("film_tv", "available"))));
    expect(200, putRights(owner, closed, List.of(right("film_tv", "not_available"))));
    expect(200, putRights(owner, games, List.of(right("games", "available"))));

    assertThat(index.awaitCaughtUp(Duration.ofSeconds(20))).isTrue();
    String q =
        "/api/v1/ip/catalogue?q="
            + java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8);
    TestClient.Response anon = expect(200, anonymous().get(q));
    assertThat(anon.items())
        .extracting(i -> ((Number) ((Map<?, ?>) i.get("work")).get("id")).longValue())
        .containsExactlyInAnyOrder(pub, games);
    assertThat(facet(anon, "medium")).isEqualTo(Map.of("film_tv", 1L, "games", 1L));
    assertThat(facet(anon, "type")).isEqualTo(Map.of("novel", 1L, "short_story", 1L));
    assertThat(facet(anon, "genre")).isEqualTo(Map.of("hard-sf", 1L, "cyberpunk", 1L));

    // signed in: the members' work counts; the draft never, not even for its author
    TestClient.Response signed = expect(200, owner.client().get(q));
    assertThat(signed.items()).hasSize(3);
    assertThat(facet(signed, "medium")).isEqualTo(Map.of("film_tv", 2L, "games", 1L));
    assertThat(facet(signed, "genre"))
        .isEqualTo(Map.of("hard-sf", 1L, "space-opera", 1L, "cyberpunk", 1L));

    // filters: medium narrows items and the other facets, its own facet keeps the other values
    TestClient.Response film = expect(200, owner.client().get(q + "&medium=film_tv"));
    assertThat(film.items()).hasSize(2);
    assertThat(facet(film, "medium")).isEqualTo(Map.of("film_tv", 2L, "games", 1L));
    assertThat(facet(film, "type")).isEqualTo(Map.of("novel", 2L));
    assertThat(facet(film, "genre")).isEqualTo(Map.of("hard-sf", 1L, "space-opera", 1L));
    TestClient.Response filmHard =
        expect(200, owner.client().get(q + "&medium=film_tv&genre=hard-sf"));
    assertThat(filmHard.items()).hasSize(1);
    assertThat(list(filmHard.items().get(0).get("rights"))).hasSize(2);
    assertThat(facet(filmHard, "medium")).isEqualTo(Map.of("film_tv", 1L));

    // paging
    TestClient.Response first = expect(200, owner.client().get(q + "&limit=2&sort=new"));
    assertThat(first.items()).hasSize(2);
    TestClient.Response second =
        expect(
            200, owner.client().get(q + "&limit=2&sort=new&cursor=" + first.string("nextCursor")));
    assertThat(second.items()).hasSize(1);
    assertThat(second.get("nextCursor")).isNull();
  }
}
