package io.starbridge.support;

import io.starbridge.common.Db;
import io.starbridge.support.ApiTest.Account;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test-data builders for the forum: people in every role, boards, topics and replies made through
 * the API, and the rows (outbox, audit log) a test asserts, read through {@link Db}.
 */
public final class Fixtures {
  private static final AtomicInteger SEQ = new AtomicInteger();

  private final ApiTest test;
  private final Db db;
  private Account admin;

  public Fixtures(ApiTest test, Db db) {
    this.test = test;
    this.db = db;
  }

  // ---- people -------------------------------------------------------------------------------

  /** A new, verified, signed-in member (trust level 0). */
  public Account member(String prefix) {
    return test.signedIn(prefix);
  }

  /** The admin of this fixture set, bootstrapped through the database. */
  public Account admin() {
    if (admin == null) {
      admin = test.signedIn("admin");
      db.update("update users set role = 'admin' where id = ?", admin.id());
    }
    return admin;
  }

  /** A moderator, promoted by the admin through the API. */
  public Account moderator() {
    Account mod = test.signedIn("mod");
    expect(
        200,
        admin().client().patch("/api/v1/admin/users/" + mod.handle(), Map.of("role", "moderator")));
    return mod;
  }

  /** A member of the given trust level, set by the admin through the API. */
  public Account withTrust(String prefix, int trustLevel) {
    Account m = test.signedIn(prefix);
    expect(
        200,
        admin()
            .client()
            .patch("/api/v1/admin/users/" + m.handle(), Map.of("trustLevel", trustLevel)));
    return m;
  }

  /** A silenced member: can read, cannot post. */
  public Account silenced() {
    Account m = test.signedIn("quiet");
    db.update("update users set status = 'silenced' where id = ?", m.id());
    return m;
  }

  // ---- content ------------------------------------------------------------------------------

  public String uniqueSlug(String prefix) {
    return (prefix
            + "-"
            + Long.toString(System.nanoTime() % 100_000_000L, 36)
            + SEQ.incrementAndGet())
        .toLowerCase();
  }

  /** A new board made by the admin; {@code settings} override the defaults. Returns its slug. */
  public String board(Map<String, Object> settings) {
    Map<String, Object> body = new HashMap<>();
    body.put("slug", uniqueSlug("b"));
    body.put("nameZh", "测试版块");
    body.put("nameEn", "Test board");
    body.putAll(settings);
    TestClient.Response r = expect(201, admin().client().post("/api/v1/boards", body));
    return r.string("slug");
  }

  public String board() {
    return board(Map.of());
  }

  public long boardId(String slug) {
    return db.one("select id from boards where slug = ?", rs -> rs.getLong(1), slug).orElseThrow();
  }

  public Map<String, Object> topicBody(String board) {
    return new HashMap<>(
        Map.of(
            "board",
            board,
            "title",
            "关于曲率引擎的讨论 " + SEQ.incrementAndGet(),
            "body",
            "正文 **粗体** text",
            "tags",
            List.of()));
  }

  /** A topic by {@code author} in {@code board}; returns the response. */
  public TestClient.Response createTopic(Account author, String board) {
    return expect(201, author.client().post("/api/v1/topics", topicBody(board)));
  }

  public long topic(Account author, String board) {
    return ((Number) createTopic(author, board).get("id")).longValue();
  }

  public TestClient.Response createReply(Account author, long topicId, String body) {
    return expect(
        201, author.client().post("/api/v1/topics/" + topicId + "/posts", Map.of("body", body)));
  }

  public long reply(Account author, long topicId) {
    return ((Number) createReply(author, topicId, "A reply " + SEQ.incrementAndGet()).get("id"))
        .longValue();
  }

  public long firstPostId(long topicId) {
    return db.one(
            "select id from posts where topic_id = ? and post_number = 1",
            rs -> rs.getLong(1),
            topicId)
        .orElseThrow();
  }

  // ---- groups -------------------------------------------------------------------------------

  /** A member of trust level 1 (may create groups), set through the database. */
  public Account groupCreator(String prefix) {
    Account m = test.signedIn(prefix);
    db.update("update users set trust_level = 1 where id = ?", m.id());
    return m;
  }

  /** A new group owned by {@code owner}; returns its slug. */
  public String group(Account owner, String visibility) {
    return group(owner, visibility, Map.of());
  }

  public String group(Account owner, String visibility, Map<String, Object> settings) {
    Map<String, Object> body = new HashMap<>();
    body.put("slug", uniqueSlug("g"));
    body.put("name", "Test group " + SEQ.incrementAndGet());
    body.put("description", "About *this* group");
    body.put("visibility", visibility);
    body.putAll(settings);
    return expect(201, owner.client().post("/api/v1/groups", body)).string("slug");
  }

  public long groupId(String slug) {
    return db.one(
            "select id from groups where slug = ? and deleted_at is null",
            rs -> rs.getLong(1),
            slug)
        .orElseThrow();
  }

  /** Puts a membership row in place directly (role member/moderator, any state). */
  public void membership(String slug, Account who, String role, String state) {
    long groupId = groupId(slug);
    db.update(
        """
        insert into group_members (group_id, user_id, role, state) values (?, ?, ?, ?)
        on conflict (group_id, user_id) do update set role = excluded.role, state = excluded.state
        """,
        groupId,
        who.id(),
        role,
        state);
    db.update(
        "update groups set member_count = (select count(*) from group_members where group_id = ? and state = 'active') where id = ?",
        groupId,
        groupId);
  }

  public Map<String, Object> groupTopicBody(String group) {
    Map<String, Object> body = topicBody("unused");
    body.remove("board");
    body.put("group", group);
    return body;
  }

  public long groupTopic(Account author, String group) {
    return ((Number)
            expect(201, author.client().post("/api/v1/topics", groupTopicBody(group))).get("id"))
        .longValue();
  }

  public List<Audit> groupAudits(long groupId) {
    return db.list(
        "select action, actor_id, reason, before::text, after::text from audit_log where scope_group = ? order by id",
        rs ->
            new Audit(
                rs.getString(1),
                Db.nullableLong(rs, "actor_id"),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5)),
        groupId);
  }

  // ---- rows to assert -----------------------------------------------------------------------

  public record Event(String type, Long actorId, String payload) {}

  /** Outbox events about one aggregate, oldest first. */
  public List<Event> events(String aggregate, long id) {
    return db.list(
        "select event_type, actor_id, payload::text from outbox where aggregate = ? and aggregate_id = ? order by id",
        rs -> new Event(rs.getString(1), Db.nullableLong(rs, "actor_id"), rs.getString(3)),
        aggregate,
        id);
  }

  public List<String> eventTypes(String aggregate, long id) {
    return events(aggregate, id).stream().map(Event::type).toList();
  }

  public record Audit(String action, Long actorId, String reason, String before, String after) {}

  public List<Audit> audits(String targetType, long id) {
    return db.list(
        "select action, actor_id, reason, before::text, after::text from audit_log where target_type = ? and target_id = ? order by id",
        rs ->
            new Audit(
                rs.getString(1),
                Db.nullableLong(rs, "actor_id"),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5)),
        targetType,
        id);
  }

  public List<String> auditActions(String targetType, long id) {
    return audits(targetType, id).stream().map(Audit::action).toList();
  }

  /**
   * A random run of lowercase letters: one search word, so a query for it matches exactly (a run
   * mixing letters and digits is several words and may match other tests' runs loosely).
   */
  public static String letters(int n) {
    java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      b.append((char) ('a' + r.nextInt(26)));
    }
    return b.toString();
  }

  public static TestClient.Response expect(int status, TestClient.Response r) {
    if (r.status() != status) {
      throw new AssertionError("expected " + status + " but got " + r);
    }
    return r;
  }
}
