package io.starbridge.ip;

import io.starbridge.account.UserCard;
import io.starbridge.common.ApiException;
import io.starbridge.common.Cursors;
import io.starbridge.common.Db;
import io.starbridge.common.Page;
import io.starbridge.security.Guardian;
import io.starbridge.work.Work;
import io.starbridge.work.WorkLookup;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Read model of inquiries: one thread, and the caller's own inquiries sent and received. */
@Singleton
public class InquiryQueries {
  private static final String SELECT =
      "select i.id, i.work_id, w.title, i.inquirer_id, i.medium, i.language, i.territory, i.term,"
          + " i.state, i.right_status, i.created_at, i.updated_at, "
          + UserCard.columns("u")
          + " from inquiries i join works w on w.id = i.work_id join users u on u.id = i.inquirer_id";

  private static final String MESSAGES =
      "select m.id, m.body_html, m.created_at, "
          + UserCard.columns("a")
          + " from inquiry_messages m join users a on a.id = m.author_id";

  private final Db db;
  private final InquiryLookup inquiries;
  private final WorkLookup works;

  InquiryQueries(Db db, InquiryLookup inquiries, WorkLookup works) {
    this.db = db;
    this.inquiries = inquiries;
    this.works = works;
  }

  /** GET /inquiries/{id}: the thread with its messages and state changes; 404 to non-readers. */
  public InquiryView thread(Guardian g, long id) {
    Inquiry inquiry = inquiries.byId(id).orElseThrow(() -> ApiException.notFound("Inquiry"));
    Work work =
        works
            .byId(inquiry.workId())
            .filter(w -> w.deletedAt() == null)
            .orElseThrow(() -> ApiException.notFound("Inquiry"));
    g.ensureCanSee(inquiry, work);
    InquiryView base =
        db.one(SELECT + " where i.id = ?", rs -> row(rs, role(g, inquiry, work)), id)
            .orElseThrow(() -> ApiException.notFound("Inquiry"));
    List<InquiryView.Message> messages =
        db.list(MESSAGES + " where m.inquiry_id = ? order by m.id", InquiryQueries::message, id);
    List<InquiryView.StateEvent> events =
        db.list(
            "select e.id, e.from_state, e.to_state, e.right_status, e.created_at, "
                + UserCard.columns("a")
                + " from inquiry_events e join users a on a.id = e.actor_id"
                + " where e.inquiry_id = ? order by e.id",
            rs ->
                new InquiryView.StateEvent(
                    rs.getLong("id"),
                    UserCard.read(rs, "a"),
                    rs.getString("from_state"),
                    rs.getString("to_state"),
                    rs.getString("right_status"),
                    Db.instant(rs, "created_at")),
            id);
    return new InquiryView(
        base.id(),
        base.work(),
        base.inquirer(),
        base.medium(),
        base.language(),
        base.territory(),
        base.term(),
        base.state(),
        base.rightStatus(),
        base.createdAt(),
        base.updatedAt(),
        base.role(),
        g.inquiryTransitions(inquiry, work),
        g.canPostInquiryMessage(inquiry, work),
        messages,
        events);
  }

  /** One message just written (its writer may read the thread: the use-case checked). */
  InquiryView.Message message(long messageId) {
    return db.one(MESSAGES + " where m.id = ?", InquiryQueries::message, messageId)
        .orElseThrow(() -> ApiException.notFound("Message"));
  }

  private static InquiryView.Message message(ResultSet rs) throws SQLException {
    return new InquiryView.Message(
        rs.getLong("id"),
        UserCard.read(rs, "a"),
        rs.getString("body_html"),
        Db.instant(rs, "created_at"));
  }

  /**
   * GET /me/inquiries: the caller's inquiries, newest activity first. {@code role} sent (the caller
   * asked), received (about the caller's works) or null for both; {@code state} one state.
   */
  public Page<InquiryView> mine(
      Guardian g, String role, String state, String cursor, Integer limit) {
    g.ensureSignedIn();
    int n = Cursors.limit(limit, 20, 100);
    long me = g.actor().id();
    List<Object> params = new ArrayList<>();
    StringBuilder where = new StringBuilder(" where ").append(g.inquiriesOwn("i", "w"));
    if (role != null && !role.isBlank()) {
      switch (role) {
        case "sent" -> where.append(" and i.inquirer_id = ").append(me);
        case "received" -> where.append(" and ").append(received(me));
        default -> throw ApiException.invalid("role", "invalid", "role is sent or received");
      }
    }
    if (state != null && !state.isBlank()) {
      List<String> states = List.of(state.split(",", -1));
      if (!Inquiry.STATES.containsAll(states)) {
        throw ApiException.invalid("state", "invalid", "Unknown state");
      }
      where.append(" and i.state = any(?)");
      params.add(states);
    }
    if (cursor != null && !cursor.isBlank()) {
      List<String> parts = Cursors.decode(cursor, 2);
      Instant at = Cursors.instant(parts.get(0));
      long id;
      try {
        id = Long.parseLong(parts.get(1));
      } catch (NumberFormatException e) {
        throw Cursors.invalid();
      }
      where.append(" and (i.updated_at, i.id) < (?::timestamptz, ?)");
      params.add(at);
      params.add(id);
    }
    params.add(n + 1);
    List<InquiryView> rows =
        db.list(
            SELECT + where + " order by i.updated_at desc, i.id desc limit ?",
            rs -> row(rs, rs.getLong("inquirer_id") == me ? "inquirer" : "author"),
            params.toArray());
    String next = null;
    if (rows.size() > n) {
      rows = rows.subList(0, n);
      InquiryView last = rows.get(n - 1);
      next = Cursors.encode(last.updatedAt().toString(), last.id());
    }
    return new Page<>(rows, next);
  }

  /**
   * The inquiries received about the caller's works (active author), counted per state: every state
   * is present, zero included. The author dashboard's inquiries summary.
   */
  Map<String, Long> receivedCounts(Guardian g) {
    g.ensureSignedIn();
    Map<String, Long> counts = new LinkedHashMap<>();
    Inquiry.STATES.forEach(s -> counts.put(s, 0L));
    db.list(
            "select i.state, count(*) from inquiries i join works w on w.id = i.work_id where "
                + g.inquiriesOwn("i", "w")
                + " and "
                + received(g.actor().id())
                + " group by i.state",
            rs -> Map.entry(rs.getString(1), rs.getLong(2)))
        .forEach(e -> counts.put(e.getKey(), e.getValue()));
    return counts;
  }

  /** SQL: inquiry {@code i} is about a work {@code me} is an active author of. */
  private static String received(long me) {
    return "exists (select 1 from work_authors wa where wa.work_id = i.work_id"
        + " and wa.state = 'active' and wa.user_id = "
        + me
        + ")";
  }

  private static String role(Guardian g, Inquiry inquiry, Work work) {
    if (g.isInquirer(inquiry)) {
      return "inquirer";
    }
    return g.isAuthor(work) ? "author" : "admin";
  }

  private static InquiryView row(ResultSet rs, String role) throws SQLException {
    String language = rs.getString("language");
    return new InquiryView(
        rs.getLong("id"),
        new InquiryView.WorkRef(rs.getLong("work_id"), rs.getString("title")),
        UserCard.read(rs, "u"),
        rs.getString("medium"),
        language.isEmpty() ? null : language,
        rs.getString("territory"),
        rs.getString("term"),
        rs.getString("state"),
        rs.getString("right_status"),
        Db.instant(rs, "created_at"),
        Db.instant(rs, "updated_at"),
        role,
        null,
        null,
        null,
        null);
  }
}
