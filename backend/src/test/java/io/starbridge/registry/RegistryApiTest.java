package io.starbridge.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.starbridge.support.ApiTest.Account;
import io.starbridge.support.ForumTest;
import io.starbridge.support.TestClient;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class RegistryApiTest extends ForumTest {
  @Inject Registry registry;
  @Inject RegistryAudit audit;
  @Inject RegistryDays days;
  @Inject RegistryQueries queries;

  private static final String CHAPTER =
      "第一章 星桥\r\n\r\n"
          + "飞船在黎明前穿过了小行星带，舰桥上一片寂静。\r\n\r\n"
          + "The navigator counted the seconds until the burn, and nobody spoke.\r\n";

  private Registration publish(long author, String text) {
    return registry.register(
        RegistrationRequest.publication(42, 4200, 1, 1, List.of(author), text, author));
  }

  private static String unique(String base) {
    return base + " " + System.nanoTime();
  }

  /** A chapter whose every paragraph is unique to this call. */
  private static String uniqueChapter() {
    String stamp = Long.toString(System.nanoTime(), 36);
    return "第一章 星桥\r\n\r\n飞船在黎明前穿过了小行星带，舰桥上一片寂静。"
        + stamp
        + "\r\n\r\nThe navigator counted the seconds until the burn, and nobody spoke. "
        + stamp
        + "\r\n";
  }

  @Test
  void aCertificateIsSignedByThePublishedKeyAndLinksToThePreviousEntry() throws Exception {
    Account writer = fx().member("writer");
    Registration first = publish(writer.id(), unique(CHAPTER));
    Registration second = publish(writer.id(), unique(CHAPTER));
    assertThat(second.seq()).isEqualTo(first.seq() + 1);

    TestClient anon = anonymous();
    Map<String, Object> cert = anon.get("/api/v1/registry/entries/" + second.id()).map();
    assertThat(cert.get("previousHash")).isEqualTo(first.entryHash());
    assertThat(cert.get("entryHash")).isEqualTo(second.entryHash());
    assertThat(cert.get("kind")).isEqualTo("publication");
    assertThat(cert.get("workId")).isEqualTo(42);
    assertThat(cert.get("registeredAt")).isEqualTo(second.registeredAt());
    assertThat((String) cert.get("registeredAt"))
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> authors = (List<Map<String, Object>>) cert.get("authors");
    assertThat(authors).extracting(a -> a.get("handle")).containsExactly(writer.handle());

    String message = (String) cert.get("signedMessage");
    byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
    assertThat(message)
        .contains("seq: " + second.seq() + "\n")
        .contains("previous-hash: " + first.entryHash());
    assertThat(CanonicalText.sha256Hex(bytes)).isEqualTo(second.entryHash());

    Map<String, Object> key = anon.get("/api/v1/registry/key").map();
    assertThat(key.get("keyId")).isEqualTo(cert.get("keyId"));
    var publicKey = KeyFiles.parsePublic((String) key.get("publicKeyPem"));
    byte[] signature = Base64.getDecoder().decode((String) cert.get("signature"));
    assertThat(KeyFiles.verify(publicKey, bytes, signature)).isTrue();
    bytes[bytes.length - 2] ^= 1;
    assertThat(KeyFiles.verify(publicKey, bytes, signature)).isFalse();

    Map<String, Object> head = anon.get("/api/v1/registry/head").map();
    assertThat(((Number) head.get("seq")).longValue()).isGreaterThanOrEqualTo(second.seq());
    assertThat(audit.run(line -> {}).ok()).isTrue();
  }

  @Test
  void verifyFindsTheWholeTextAParagraphAndAHashOldestFirst() {
    Account writer = fx().member("writer");
    String text = uniqueChapter();
    String navigatorLine = text.substring(text.indexOf("The navigator")).trim();
    Registration original = publish(writer.id(), text);
    Registration revision =
        registry.register(
            RegistrationRequest.revision(
                42, 4200, 1, 2, List.of(writer.id()), text + "\n\n新增的一段，足够长，可以被索引。", writer.id()));
    TestClient anon = anonymous();

    List<Map<String, Object>> byText =
        anon.post("/api/v1/registry/verify", Map.of("text", text.replace("\r\n", "\n") + "\n\n"))
            .items();
    assertThat(byText)
        .extracting(i -> ((Number) i.get("seq")).longValue())
        .containsExactly(original.seq(), revision.seq());
    assertThat(byText.get(0).get("match")).isEqualTo("full");
    assertThat(byText.get(1).get("match")).isEqualTo("paragraph");
    assertThat(byText.get(1).get("matchedParagraphs")).isEqualTo(2);

    List<Map<String, Object>> byParagraph =
        anon.post("/api/v1/registry/verify", Map.of("text", "  \n" + navigatorLine + "  ")).items();
    assertThat(byParagraph)
        .extracting(i -> ((Number) i.get("seq")).longValue())
        .containsExactly(original.seq(), revision.seq());
    assertThat(byParagraph).allSatisfy(i -> assertThat(i.get("match")).isEqualTo("paragraph"));

    List<Map<String, Object>> byHash =
        anon.post("/api/v1/registry/verify", Map.of("hash", original.contentHash().toUpperCase()))
            .items();
    assertThat(byHash).hasSize(1);
    assertThat(byHash.get(0).get("entryHash")).isEqualTo(original.entryHash());
    assertThat(byHash.get(0).get("match")).isEqualTo("full");

    assertThat(anon.post("/api/v1/registry/verify", Map.of("text", unique("无人登记过的文字"))).items())
        .isEmpty();
  }

  @Test
  void aWorksEntriesAreListedOldestFirst() {
    Account writer = fx().member("writer");
    long work = System.nanoTime();
    Registration first =
        registry.register(
            RegistrationRequest.publication(
                work, 1, 1, 1, List.of(writer.id()), uniqueChapter(), null));
    Registration second =
        registry.register(
            RegistrationRequest.revision(
                work, 1, 1, 2, List.of(writer.id()), uniqueChapter(), null));
    assertThat(queries.entriesOfWork(work, 10))
        .extracting(c -> c.seq() + ":" + c.kind() + ":" + c.version())
        .containsExactly(first.seq() + ":publication:1", second.seq() + ":revision:2");
  }

  @Test
  void badVerifyRequestsAreProblems() {
    TestClient anon = anonymous();
    assertProblem(anon.post("/api/v1/registry/verify", Map.of()), 400, "/problems/validation");
    assertProblem(
        anon.post("/api/v1/registry/verify", Map.of("text", "a", "hash", "b")),
        400,
        "/problems/validation");
    assertProblem(
        anon.post("/api/v1/registry/verify", Map.of("hash", "xyz")), 400, "/problems/validation");
    assertProblem(
        anon.post("/api/v1/registry/verify", Map.of("text", " \r\n ")),
        400,
        "/problems/validation");
    assertProblem(anon.get("/api/v1/registry/entries/999999999"), 404, "/problems/not-found");
  }

  @Test
  void aDraftRevealsNoTextAnywhere() {
    Account writer = fx().member("writer");
    String secret = "秘密草稿：月背基地的第七号实验室里藏着一台时间机器。" + System.nanoTime();
    String second = "Second secret paragraph about the moon base laboratory.";
    String text = secret + "\n\n" + second;
    TestClient.Response created =
        writer.client().post("/api/v1/registry/drafts", Map.of("text", text));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.string("kind")).isEqualTo("draft");
    assertThat(created.string("contentHash")).isEqualTo(CanonicalText.hash(text));
    assertThat(created.get("workId")).isNull();
    long id = id(created);

    String certificate = anonymous().get("/api/v1/registry/entries/" + id).body();
    TestClient.Response verified =
        anonymous().post("/api/v1/registry/verify", Map.of("text", secret));
    assertThat(verified.items())
        .extracting(i -> ((Number) i.get("id")).longValue())
        .containsExactly(id);
    String rows =
        db.one(
                "select (select row_to_json(e)::text from registry_entries e where seq = ?)"
                    + " || (select coalesce(json_agg(p)::text, '') from registry_paragraphs p"
                    + "     where entry_seq = ?)",
                rs -> rs.getString(1),
                id,
                id)
            .orElseThrow();
    for (String shown : List.of(created.body(), certificate, verified.body(), rows)) {
      assertThat(shown).doesNotContain("月背基地").doesNotContain("moon base").doesNotContain("时间机器");
    }
    assertProblem(
        anonymous().post("/api/v1/registry/drafts", Map.of("text", text)),
        401,
        "/problems/unauthorized");
    assertProblem(
        writer.client().post("/api/v1/registry/drafts", Map.of("text", "\n \n")),
        400,
        "/problems/validation");
  }

  @Test
  void theAuditReportsARowAlteredInPostgres() {
    Account writer = fx().member("writer");
    publish(writer.id(), unique(CHAPTER));
    Registration target = publish(writer.id(), unique(CHAPTER));
    publish(writer.id(), unique(CHAPTER));
    assertThat(audit.run(line -> {}).ok()).isTrue();
    try {
      db.update(
          "update registry_entries set registered_at = registered_at - interval '1 day' where seq = ?",
          target.seq());
      RegistryAudit.Result result = audit.run(line -> {});
      assertThat(result.ok()).isFalse();
      assertThat(result.brokenSeq()).isEqualTo(target.seq());
      assertThat(result.problem()).contains("entry hash");
    } finally {
      db.update(
          "update registry_entries set registered_at = registered_at + interval '1 day' where seq = ?",
          target.seq());
    }
    String realHash = target.contentHash();
    try {
      db.update(
          "update registry_entries set content_hash = ? where seq = ?",
          CanonicalText.hash("forged"),
          target.seq());
      assertThat(audit.run(line -> {}).brokenSeq()).isEqualTo(target.seq());
    } finally {
      db.update(
          "update registry_entries set content_hash = ? where seq = ?", realHash, target.seq());
    }
    assertThat(audit.run(line -> {}).ok()).isTrue();
  }

  @Test
  void concurrentRegistrationsKeepTheChainGapless() throws Exception {
    Account writer = fx().member("writer");
    long before = ((Number) anonymous().get("/api/v1/registry/head").get("seq")).longValue();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<Registration>> futures = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String text = unique("并发登记 " + i);
      futures.add(pool.submit(() -> publish(writer.id(), text)));
    }
    List<Long> seqs = new ArrayList<>();
    for (Future<Registration> f : futures) {
      seqs.add(f.get().seq());
    }
    pool.shutdown();
    assertThat(seqs).doesNotHaveDuplicates().allSatisfy(s -> assertThat(s).isGreaterThan(before));
    List<Long> all = db.list("select seq from registry_entries order by seq", rs -> rs.getLong(1));
    for (int i = 0; i < all.size(); i++) {
      assertThat(all.get(i)).isEqualTo(i + 1L);
    }
    assertThat(audit.run(line -> {}).ok()).isTrue();
  }

  @Test
  void closedDaysArePublishedWithTheirHead() {
    Account writer = fx().member("writer");
    Registration r = publish(writer.id(), unique(CHAPTER));
    days.publishClosedDays(Instant.now().plus(2, ChronoUnit.DAYS));
    List<Map<String, Object>> items = anonymous().get("/api/v1/registry/days?limit=5").items();
    assertThat(items).isNotEmpty();
    Map<String, Object> newest = items.get(0);
    long seq = ((Number) newest.get("seq")).longValue();
    assertThat(seq).isGreaterThanOrEqualTo(r.seq());
    assertThat(newest.get("entryHash"))
        .isEqualTo(anonymous().get("/api/v1/registry/entries/" + seq).string("entryHash"));
    assertThat(audit.run(line -> {}).ok()).isTrue();
  }

  @Test
  void incompleteRequestsFromCodeAreRefused() {
    assertThatThrownBy(
            () ->
                registry.register(
                    new RegistrationRequest(
                        RegistrationRequest.Kind.PUBLICATION,
                        null,
                        null,
                        null,
                        null,
                        List.of(1L),
                        "text",
                        null)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> registry.register(RegistrationRequest.draft(1L, "  \n")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
