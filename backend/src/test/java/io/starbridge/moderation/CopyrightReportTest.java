package io.starbridge.moderation;

import static io.starbridge.support.Fixtures.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.starbridge.registry.RegistryQueries;
import io.starbridge.support.ForumTest;
import io.starbridge.support.TestClient;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Copyright reports name the claimed original; the queue shows both sides' registry entries. */
@MicronautTest(transactional = false)
class CopyrightReportTest extends ForumTest {
  @Inject RegistryQueries registry;

  private long work(Account author, String visibility, String body) {
    Map<String, Object> b = new HashMap<>();
    b.put("title", "Work " + UUID.randomUUID());
    b.put("summary", "s");
    b.put("type", "short_story");
    b.put("language", "en");
    b.put("rating", "general");
    b.put("visibility", visibility);
    long id = id(expect(201, author.client().post("/api/v1/works", b)));
    expect(
        201,
        author
            .client()
            .post("/api/v1/works/" + id + "/chapters", Map.of("title", "One", "body", body)));
    return id;
  }

  private static TestClient.Response report(
      Account who, String type, long id, Map<String, ?> extra) {
    Map<String, Object> b = new HashMap<>(extra);
    b.put("targetType", type);
    b.put("targetId", id);
    b.put("reason", "copyright");
    return who.client().post("/api/v1/reports", b);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> evidence(Account mod, String type, long target) {
    Map<String, Object> item =
        mod.client().get("/api/v1/mod/queue").items().stream()
            .filter(
                i ->
                    type.equals(i.get("targetType"))
                        && ((Number) i.get("targetId")).longValue() == target)
            .findFirst()
            .orElseThrow();
    return (List<Map<String, Object>>) item.get("copyright");
  }

  private static long num(Map<String, Object> m, String key) {
    return ((Number) m.get(key)).longValue();
  }

  @Test
  void theQueueShowsBothSidesEntriesOldestFirstWithMatchingParagraphs() {
    String stamp = UUID.randomUUID().toString();
    String shared = "The lighthouse keeper counted every ship that never came home. " + stamp;
    String own = "Her lamp burned through the longest winter the coast remembered. " + stamp;
    String added = "A copied story still needs a paragraph of its own to look new. " + stamp;
    Account original = fx().member("cporig");
    Account copier = fx().member("cpcopy");
    Account reporter = fx().member("cprep");
    Account mod = fx().moderator();
    long first = work(original, "public", shared + "\n\n" + own);
    long copy = work(copier, "public", shared + "\n\n" + added);
    long originalEntry = registry.entriesOfWork(first, 5).get(0).id();
    long copyEntry = registry.entriesOfWork(copy, 5).get(0).id();

    TestClient.Response filed =
        expect(201, report(reporter, "work", copy, Map.of("originalWorkId", first)));
    // the reporter's answer shows no registry evidence of either side
    assertThat(filed.map()).doesNotContainKey("copyright");
    assertThat(reporter.client().get("/api/v1/mod/queue").status()).isEqualTo(403);

    List<Map<String, Object>> entries = evidence(mod, "work", copy);
    assertThat(entries).extracting(e -> num(e, "id")).containsExactly(originalEntry, copyEntry);
    assertThat(entries).extracting(e -> e.get("side")).containsExactly("claimed", "reported");
    assertThat(entries.get(0).get("matchingParagraphs")).isEqualTo(List.of(1));
    assertThat(entries.get(1).get("matchingParagraphs")).isEqualTo(List.of(1));
    assertThat(num(entries.get(0), "paragraphCount")).isEqualTo(2);
    assertThat((String) entries.get(0).get("entryHash")).hasSize(64);
    assertThat(entries.get(0).get("registeredAt")).isNotNull();

    // a post quoting the original: the original's entry, claimed by entry id
    String board = fx().board();
    long topic = fx().topic(copier, board);
    long post = id(expect(201, fx().createReply(copier, topic, "Look what I wrote:\n\n" + shared)));
    expect(201, report(reporter, "post", post, Map.of("originalEntryId", originalEntry)));
    List<Map<String, Object>> forPost = evidence(mod, "post", post);
    assertThat(forPost).extracting(e -> num(e, "id")).contains(originalEntry);
    Map<String, Object> claimed =
        forPost.stream().filter(e -> num(e, "id") == originalEntry).findFirst().orElseThrow();
    assertThat(claimed.get("side")).isEqualTo("claimed");
    assertThat(claimed.get("matchingParagraphs")).isEqualTo(List.of(1));
  }

  @Test
  void theClaimedOriginalMustExistAndBeReadable() {
    Account author = fx().member("cpval");
    Account other = fx().member("cpother");
    Account reporter = fx().member("cpvalrep");
    long target = work(author, "public", "Some long enough paragraph of text " + UUID.randomUUID());
    long hidden = work(other, "draft", "A draft nobody else may read " + UUID.randomUUID());

    assertProblem(report(reporter, "work", target, Map.of()), 400, "/problems/validation");
    TestClient.Response bad =
        report(
            reporter,
            "work",
            target,
            Map.of("originalWorkId", 999_999_999L, "originalEntryId", 999_999_999L));
    assertProblem(bad, 400, "/problems/validation");
    List<String> fields =
        ((List<?>) bad.get("errors"))
            .stream().map(e -> (String) ((Map<?, ?>) e).get("field")).toList();
    assertThat(fields).containsExactlyInAnyOrder("originalWorkId", "originalEntryId");
    // another's draft does not exist for the reporter
    assertProblem(
        report(reporter, "work", target, Map.of("originalWorkId", hidden)),
        400,
        "/problems/validation");
    assertProblem(
        report(reporter, "work", target, Map.of("originalUrl", "ftp://example.org/x")),
        400,
        "/problems/validation");

    long entry = registry.entriesOfWork(target, 5).get(0).id();
    TestClient.Response ok =
        expect(201, report(reporter, "work", target, Map.of("originalEntryId", entry)));
    assertThat(
            db.one(
                    "select original_entry_seq from reports where id = ?",
                    rs -> rs.getLong(1),
                    id(ok))
                .orElseThrow())
        .isEqualTo(entry);
  }

  @Test
  void onlyStaffSeeTheEvidenceAGroupsOwnModeratorsDoNot() {
    String stamp = UUID.randomUUID().toString();
    String shared = "The tide clock stopped the night the colony ship left orbit. " + stamp;
    Account original = fx().member("cpstaffo");
    long first = work(original, "public", shared);
    long originalEntry = registry.entriesOfWork(first, 5).get(0).id();
    Account owner = fx().groupCreator("cpgowner");
    String group = fx().group(owner, "public");
    Account copier = fx().member("cpgcopy");
    fx().membership(group, copier, "member", "active");
    long topic = fx().groupTopic(copier, group);
    long post = id(expect(201, fx().createReply(copier, topic, "Mine:\n\n" + shared)));
    expect(201, report(fx().member("cpgrep"), "post", post, Map.of("originalWorkId", first)));

    // the group's owner handles the report, without the registry evidence
    Map<String, Object> forOwner =
        owner.client().get("/api/v1/mod/queue").items().stream()
            .filter(i -> "post".equals(i.get("targetType")) && num(i, "targetId") == post)
            .findFirst()
            .orElseThrow();
    assertThat(forOwner.get("copyright")).isNull();
    // site staff see both sides
    for (Account staff : List.of(fx().moderator(), fx().admin())) {
      assertThat(evidence(staff, "post", post))
          .extracting(e -> num(e, "id"))
          .contains(originalEntry);
    }
  }
}
