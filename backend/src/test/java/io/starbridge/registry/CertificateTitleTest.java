package io.starbridge.registry;

import static io.starbridge.support.Fixtures.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.starbridge.support.ForumTest;
import io.starbridge.support.TestClient;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class CertificateTitleTest extends ForumTest {
  @Inject RegistryQueries queries;

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
}
