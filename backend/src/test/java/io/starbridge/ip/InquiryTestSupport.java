package io.starbridge.ip;

import static io.starbridge.support.Fixtures.expect;

import io.starbridge.search.SearchIndex;
import io.starbridge.support.ForumTest;
import io.starbridge.support.TestClient;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Works with rights, badge holders and inquiries for the inquiry tests. */
abstract class InquiryTestSupport extends ForumTest {
  @Inject SearchIndex searchIndex;

  /** Waits until the search index (the catalogue's source) has applied every event so far. */
  void indexCaughtUp() {
    if (!searchIndex.awaitCaughtUp(Duration.ofSeconds(20))) {
      throw new AssertionError("the search index did not catch up");
    }
  }

  /** A public work by {@code author} with the given media available (merchandise is not). */
  long workWithRights(Account author, String... available) {
    Map<String, Object> b = new HashMap<>();
    b.put("title", "询问 " + io.starbridge.support.Fixtures.letters(12));
    b.put("summary", "a work open for adaptation");
    b.put("type", "novel");
    b.put("language", "zh-Hans");
    b.put("genres", List.of("hard-sf"));
    b.put("rating", "teen");
    b.put("visibility", "public");
    long w = id(expect(201, author.client().post("/api/v1/works", b)));
    List<Map<String, Object>> rights = new java.util.ArrayList<>();
    for (String medium : available) {
      Map<String, Object> r = new LinkedHashMap<>();
      // "translation:en" is the English translation right
      String[] parts = medium.split(":");
      r.put("medium", parts[0]);
      if (parts.length > 1) {
        r.put("language", parts[1]);
      }
      r.put("status", "available");
      rights.add(r);
    }
    Map<String, Object> notAvailable = new LinkedHashMap<>();
    notAvailable.put("medium", "merchandise");
    notAvailable.put("status", "not_available");
    rights.add(notAvailable);
    expect(200, author.client().put("/api/v1/works/" + w + "/rights", Map.of("rights", rights)));
    return w;
  }

  /** A member holding the verified industry badge (as an admin's approval leaves it). */
  Account producer(String prefix) {
    Account p = fx().member(prefix);
    db.update("update users set badges = array['verified_industry'] where id = ?", p.id());
    return p;
  }

  /** An accepted co-author of {@code work}. */
  Account coauthor(Account owner, long work) {
    Account co = fx().member("inqco");
    expect(
        201,
        owner.client().post("/api/v1/works/" + work + "/coauthors", Map.of("handle", co.handle())));
    expect(200, co.client().post("/api/v1/works/" + work + "/coauthors/accept", null));
    return co;
  }

  static Map<String, Object> inquiryBody(String medium) {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("medium", medium);
    b.put("territory", "Worldwide");
    b.put("term", "18-month option");
    b.put("message", "We would like to **option** this for a series.");
    return b;
  }

  TestClient.Response send(Account who, long work, Map<String, Object> body) {
    return who.client().post("/api/v1/works/" + work + "/inquiries", body);
  }

  long inquiry(Account who, long work, String medium) {
    return id(expect(201, send(who, work, inquiryBody(medium))));
  }

  TestClient.Response move(Account who, long inquiry, String state) {
    return who.client().post("/api/v1/inquiries/" + inquiry + "/state", Map.of("state", state));
  }

  TestClient.Response say(Account who, long inquiry, String body) {
    return who.client().post("/api/v1/inquiries/" + inquiry + "/messages", Map.of("body", body));
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> list(Object o) {
    return (List<Map<String, Object>>) o;
  }

  static long num(Object o) {
    return ((Number) o).longValue();
  }

  /** The person's notifications about inquiries, once {@code ok} holds or after 5 s. */
  List<Map<String, Object>> inquiryNotifications(
      Account who, Predicate<List<Map<String, Object>>> ok) {
    long end = System.nanoTime() + 5_000_000_000L;
    List<Map<String, Object>> items = inquiryNotifications(who);
    while (!ok.test(items) && System.nanoTime() < end) {
      sleep(50);
      items = inquiryNotifications(who);
    }
    return items;
  }

  List<Map<String, Object>> inquiryNotifications(Account who) {
    return expect(200, who.client().get("/api/v1/notifications?limit=100")).items().stream()
        .filter(n -> String.valueOf(n.get("kind")).startsWith("inquiry_"))
        .toList();
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
