package io.starbridge.registry;

import static io.starbridge.support.Fixtures.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.starbridge.search.SearchIndex;
import io.starbridge.support.ForumTest;
import io.starbridge.support.TestClient;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class CertificateTitleTest extends ForumTest {
  @Inject RegistryQueries queries;
  @Inject SearchIndex index;

  private long work(Account author, String title, String visibility) {
    long id =
        id(
            expect(
                201,
                author
                    .client()
                    .post(
                        "/api/v1/works",
                        Map.of(
                            "title", title,
                            "summary", "s",
                            "type", "short_story",
                            "language", "en",
                            "rating", "general",
                            "visibility", visibility))));
    expect(
        201,
        author
            .client()
            .post(
                "/api/v1/works/" + id + "/chapters",
                Map.of("title", "The Bridge", "body", "Text of " + UUID.randomUUID())));
    return id;
  }

  private long entryOf(long work) {
    List<RegistryViews.Certificate> entries = queries.entriesOfWork(work, 10);
    assertThat(entries).isNotEmpty();
    return entries.get(0).id();
  }

  @Test
  void readersOfTheWorkSeeItsTitlesOthersOnlyIds() {
    Account author = fx().member("certauthor");
    Account member = fx().member("certreader");
    String title = "Signed-in tale " + UUID.randomUUID();
    long w = work(author, title, "signed_in");
    long entry = entryOf(w);

    TestClient.Response forMember =
        expect(200, member.client().get("/api/v1/registry/entries/" + entry));
    assertThat(forMember.get("workTitle")).isEqualTo(title);
    assertThat(forMember.get("chapterTitle")).isEqualTo("The Bridge");

    TestClient.Response forAnonymous =
        expect(200, anonymous().get("/api/v1/registry/entries/" + entry));
    assertThat(((Number) forAnonymous.get("workId")).longValue()).isEqualTo(w);
    assertThat(forAnonymous.get("workTitle")).isNull();
    assertThat(forAnonymous.get("chapterTitle")).isNull();
    assertThat(forAnonymous.string("signedMessage")).doesNotContain(title);
  }

  @Test
  void aDraftRegisteredByHashRevealsNoTextOrTitle() {
    Account author = fx().member("certdraft");
    Account other = fx().member("certother");
    String secret = "An unpublished opening line " + UUID.randomUUID();
    TestClient.Response made =
        expect(201, author.client().post("/api/v1/registry/drafts", Map.of("text", secret)));
    long entry = id(made);
    assertThat(made.get("workTitle")).isNull();
    for (TestClient client : List.of(other.client(), anonymous())) {
      TestClient.Response cert = expect(200, client.get("/api/v1/registry/entries/" + entry));
      assertThat(cert.get("kind")).isEqualTo("draft");
      assertThat(cert.get("workTitle")).isNull();
      assertThat(cert.get("chapterTitle")).isNull();
      assertThat(cert.get("workId")).isNull();
      assertThat(cert.string("signedMessage")).doesNotContain("unpublished opening");
    }
  }

  @Test
  void aDraftWorksRegistrationRevealsNoTitleOrTextToOthersAnywhere() {
    Account author = fx().member("certdw");
    Account other = fx().member("certdwother");
    String token = "draftsecret" + UUID.randomUUID().toString().replace("-", "");
    String title = "Hidden draft " + token;
    String paragraph = "The archive under the ice kept a second map of the colony. " + token;
    long w =
        id(
            expect(
                201,
                author
                    .client()
                    .post(
                        "/api/v1/works",
                        Map.of(
                            "title", title,
                            "summary", "s " + token,
                            "type", "short_story",
                            "language", "en",
                            "rating", "general",
                            "visibility", "draft"))));
    expect(
        201,
        author
            .client()
            .post(
                "/api/v1/works/" + w + "/chapters",
                Map.of("title", "Chapter " + token, "body", paragraph)));
    long entry = entryOf(w);
    assertThat(index.awaitCaughtUp(Duration.ofSeconds(20))).isTrue();

    for (TestClient client : List.of(other.client(), anonymous())) {
      TestClient.Response cert = expect(200, client.get("/api/v1/registry/entries/" + entry));
      assertThat(cert.get("workTitle")).isNull();
      assertThat(cert.get("chapterTitle")).isNull();
      TestClient.Response verified =
          expect(200, client.post("/api/v1/registry/verify", Map.of("text", paragraph)));
      // the paragraph is found (it was registered), but only by ids and hashes
      assertThat(verified.items())
          .extracting(i -> ((Number) i.get("id")).longValue())
          .containsExactly(entry);
      TestClient.Response search = expect(200, client.get("/api/v1/search?q=" + token));
      assertThat(search.items()).isEmpty();
      for (String body : List.of(cert.body(), verified.body(), search.body())) {
        assertThat(body).doesNotContain(token).doesNotContain("archive under the ice");
      }
    }
    String dashboard = expect(200, other.client().get("/api/v1/me/dashboard")).body();
    assertThat(dashboard).doesNotContain(token).doesNotContain("\"id\":" + entry + ",");
    // a public copy reported for copyright: staff see the draft work's entry by id and hashes only
    long topic = fx().topic(other, fx().board());
    long post = id(expect(201, fx().createReply(other, topic, "Found this:\n\n" + paragraph)));
    Map<String, Object> report = new java.util.HashMap<>();
    report.put("targetType", "post");
    report.put("targetId", post);
    report.put("reason", "copyright");
    report.put("originalEntryId", entry);
    expect(201, fx().member("certdwrep").client().post("/api/v1/reports", report));
    Map<String, Object> item =
        fx().moderator().client().get("/api/v1/mod/queue").items().stream()
            .filter(
                i ->
                    "post".equals(i.get("targetType"))
                        && ((Number) i.get("targetId")).longValue() == post)
            .findFirst()
            .orElseThrow();
    List<?> evidence = (List<?>) item.get("copyright");
    assertThat(evidence)
        .extracting(e -> ((Number) ((Map<?, ?>) e).get("id")).longValue())
        .contains(entry);
    assertThat(evidence.toString()).doesNotContain(token).doesNotContain(title);
    // the author's own dashboard names it
    assertThat(expect(200, author.client().get("/api/v1/me/dashboard")).body()).contains(title);
  }
}
