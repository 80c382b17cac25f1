package io.starbridge.group;

import io.micronaut.core.annotation.Nullable;
import io.starbridge.account.UserCard;
import io.starbridge.common.ApiException;
import io.starbridge.common.Cursors;
import io.starbridge.common.Db;
import io.starbridge.common.Page;
import io.starbridge.common.Sql;
import io.starbridge.security.Guardian;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Read model of groups: the directory, one group, a person's groups, the caller's invitations and
 * member lists. A page is one query plus two batched ones (discipline mix, follows) for all its
 * groups; visibility is filtered in SQL by the Guardian's scope.
 */
@Singleton
public class GroupQueries {
  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 100;

  /** The columns of a group view: the row, its counters and its owner's card. */
  private static final String SELECT =
      "select "
          + Group.columns("g")
          + ", g.description, g.description_html, g.member_count, g.topic_count, g.post_count,"
          + " g.last_activity_at, "
          + UserCard.columns("ou");

  private static final String FROM =
      " from groups g"
          + " left join group_members o on o.group_id = g.id and o.role = 'owner'"
          + " left join users ou on ou.id = o.user_id";

  private final Db db;

  GroupQueries(Db db) {
    this.db = db;
  }

  /** A group row as read for a view, before the caller's part is added. */
  record Row(
      Group group,
      String description,
      String descriptionHtml,
      int memberCount,
      int topicCount,
      int postCount,
      Instant lastActivityAt,
      UserCard owner) {

    static Row read(ResultSet rs) throws SQLException {
      return new Row(
          Group.read(rs, "g"),
          rs.getString("description"),
          rs.getString("description_html"),
          rs.getInt("member_count"),
          rs.getInt("topic_count"),
          rs.getInt("post_count"),
          Db.instant(rs, "last_activity_at"),
          UserCard.read(rs, "ou"));
    }
  }

  /** GET /groups/{slug}: 404 unless the caller may know the group. */
  public GroupView one(Guardian guardian, String slug) {
    Row row =
        db.one(SELECT + FROM + " where g.slug = ? and g.deleted_at is null", Row::read, slug)
            .orElseThrow(() -> ApiException.notFound("Group"));
    guardian.ensureCanSee(row.group());
    return views(guardian, List.of(row)).get(0);
  }

  enum Sort {
    ACTIVITY("g.last_activity_at"),
    MEMBERS("g.member_count"),
    NEW("g.created_at"),
    FOR_YOU(null);

    final String key;

    Sort(String key) {
      this.key = key;
    }

    String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * GET /groups. {@code for_you} ranks groups by how well they fit the caller and how much they
   * bridge: shared disciplines (2 each) and fields (3 each), 2 when the group names a discipline
   * the caller does not have, and up to 4 for the share of its active members who come from
   * disciplines other than the caller's. Groups the caller already has a membership in (any state)
   * are left out. Anonymous callers get the activity order.
   */
  Page<GroupView> directory(Guardian guardian, GroupRequests.DirectoryParams params) {
    Sort sort = parseSort(params.sort());
    if (sort == Sort.FOR_YOU && !guardian.isSignedIn()) {
      sort = Sort.ACTIVITY;
    }
    int limit = Cursors.limit(params.limit(), DEFAULT_LIMIT, MAX_LIMIT);
    Sql inner = new Sql().append(SELECT).append(", ");
    if (sort == Sort.FOR_YOU) {
      record Me(List<String> disciplines, List<String> fields) {}
      Me me =
          db.one(
                  "select disciplines, fields from users where id = ?",
                  rs -> new Me(Group.strings(rs, "disciplines"), Group.strings(rs, "fields")),
                  guardian.actor().id())
              .orElse(new Me(List.of(), List.of()));
      inner.append(
          """
          (2 * cardinality(array(select unnest(g.disciplines) intersect select unnest(?::text[])))
           + 3 * cardinality(array(select unnest(g.fields) intersect select unnest(?::text[])))
           + case when g.disciplines <@ ?::text[] then 0 else 2 end
           + 4 * (select count(*) from group_members m join users u on u.id = m.user_id
                   where m.group_id = g.id and m.state = 'active'
                     and not (u.disciplines && ?::text[]))::float8 / greatest(g.member_count, 1)
          )::float8 as sort_key""",
          me.disciplines(),
          me.fields(),
          me.disciplines(),
          me.disciplines());
    } else {
      inner.append(sort.key + " as sort_key");
    }
    inner.append(FROM).append(" where " + guardian.readableScope().groupsVisible("g"));
    if (sort == Sort.FOR_YOU) {
      inner.append(
          " and not exists (select 1 from group_members mx where mx.group_id = g.id and mx.user_id = ?)",
          guardian.actor().id());
    }
    if (params.discipline() != null && !params.discipline().isBlank()) {
      inner.append(
          " and g.disciplines @> ?", List.of(params.discipline().strip().toLowerCase(Locale.ROOT)));
    }
    if (params.field() != null && !params.field().isBlank()) {
      String field = GroupRules.normalizeField(params.field());
      inner.append(" and g.fields @> ?", List.of(field == null ? "" : field));
    }
    if (params.q() != null && !params.q().isBlank()) {
      String like = "%" + likeEscape(params.q().strip()) + "%";
      inner.append(" and (g.name ilike ? or g.description ilike ?)", like, like);
    }
    Sql sql = new Sql().append("select * from (").append(inner).append(") x where true");
    if (params.cursor() != null) {
      Sort s = sort;
      Object[] pos =
          Cursors.read(
              params.cursor(),
              3,
              p -> {
                if (!p.get(0).equals(s.wire())) {
                  throw new IllegalArgumentException("cursor of another sort");
                }
                Object key =
                    switch (s) {
                      case ACTIVITY, NEW -> Cursors.instant(p.get(1));
                      case MEMBERS -> Integer.parseInt(p.get(1));
                      case FOR_YOU -> Double.parseDouble(p.get(1));
                    };
                return new Object[] {key, Long.parseLong(p.get(2))};
              });
      sql.append(" and (x.sort_key, x.g_id) < (?, ?)", pos[0], pos[1]);
    }
    sql.append(" order by x.sort_key desc, x.g_id desc limit ?", limit + 1);
    record Keyed(Row row, Object key) {}
    Sort s = sort;
    List<Keyed> rows =
        db.list(
            sql.text(),
            rs ->
                new Keyed(
                    Row.read(rs),
                    switch (s) {
                      case ACTIVITY, NEW -> Db.instant(rs, "sort_key");
                      case MEMBERS -> rs.getInt("sort_key");
                      case FOR_YOU -> rs.getDouble("sort_key");
                    }),
            sql.params());
    String next = null;
    if (rows.size() > limit) {
      rows = rows.subList(0, limit);
      Keyed last = rows.get(limit - 1);
      next = Cursors.encode(sort.wire(), last.key(), last.row().group().id());
    }
    return new Page<>(views(guardian, rows.stream().map(Keyed::row).toList()), next);
  }

  /** GET /users/{handle}/groups: the groups where the person is an active member. */
  Page<GroupView> ofUser(
      Guardian guardian, String handle, @Nullable String cursor, @Nullable Integer limitParam) {
    long userId = userId(handle);
    int limit = Cursors.limit(limitParam, DEFAULT_LIMIT, MAX_LIMIT);
    Sql sql =
        new Sql()
            .append(SELECT)
            .append(", um.created_at as joined_at")
            .append(FROM)
            .append(" join group_members um on um.group_id = g.id and um.user_id = ?", userId)
            .append(
                " where um.state = 'active' and " + guardian.readableScope().groupsVisible("g"));
    if (cursor != null) {
      record Pos(Instant at, long id) {}
      Pos pos =
          Cursors.read(
              cursor, 2, p -> new Pos(Cursors.instant(p.get(0)), Long.parseLong(p.get(1))));
      sql.append(" and (um.created_at, g.id) < (?, ?)", pos.at(), pos.id());
    }
    sql.append(" order by um.created_at desc, g.id desc limit ?", limit + 1);
    record Joined(Row row, Instant at) {}
    List<Joined> rows =
        db.list(
            sql.text(), rs -> new Joined(Row.read(rs), Db.instant(rs, "joined_at")), sql.params());
    String next = null;
    if (rows.size() > limit) {
      rows = rows.subList(0, limit);
      Joined last = rows.get(limit - 1);
      next = Cursors.encode(last.at(), last.row().group().id());
    }
    return new Page<>(views(guardian, rows.stream().map(Joined::row).toList()), next);
  }

  /** GET /me/invitations: newest first. */
  Page<GroupView.Invitation> invitations(
      Guardian guardian, @Nullable String cursor, @Nullable Integer limitParam) {
    guardian.ensureSignedIn();
    int limit = Cursors.limit(limitParam, DEFAULT_LIMIT, MAX_LIMIT);
    Sql sql =
        new Sql()
            .append(SELECT)
            .append(", im.updated_at as invited_at, ")
            .append(UserCard.columns("ib"))
            .append(FROM)
            .append(
                " join group_members im on im.group_id = g.id and im.user_id = ?",
                guardian.actor().id())
            .append(" left join users ib on ib.id = im.invited_by")
            .append(" where im.state = 'invited' and g.deleted_at is null");
    if (cursor != null) {
      record Pos(Instant at, long id) {}
      Pos pos =
          Cursors.read(
              cursor, 2, p -> new Pos(Cursors.instant(p.get(0)), Long.parseLong(p.get(1))));
      sql.append(" and (im.updated_at, g.id) < (?, ?)", pos.at(), pos.id());
    }
    sql.append(" order by im.updated_at desc, g.id desc limit ?", limit + 1);
    record Invited(Row row, UserCard by, Instant at) {}
    List<Invited> rows =
        db.list(
            sql.text(),
            rs -> new Invited(Row.read(rs), UserCard.read(rs, "ib"), Db.instant(rs, "invited_at")),
            sql.params());
    String next = null;
    if (rows.size() > limit) {
      rows = rows.subList(0, limit);
      Invited last = rows.get(limit - 1);
      next = Cursors.encode(last.at(), last.row().group().id());
    }
    List<GroupView> views = views(guardian, rows.stream().map(Invited::row).toList());
    List<GroupView.Invitation> items = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      items.add(new GroupView.Invitation(views.get(i), rows.get(i).by(), rows.get(i).at()));
    }
    return new Page<>(items, next);
  }

  /** GET /groups/{slug}/members?state=: active members for readers, other states for managers. */
  Page<GroupView.Member> members(
      Guardian guardian,
      String slug,
      @Nullable String stateParam,
      @Nullable String cursor,
      @Nullable Integer limitParam) {
    GroupMembership.State state;
    try {
      state =
          stateParam == null || stateParam.isEmpty()
              ? GroupMembership.State.ACTIVE
              : GroupMembership.State.parse(stateParam);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid(
          "state", "enum", "must be one of active, pending, invited, banned");
    }
    Group group =
        db.one(
                "select "
                    + Group.columns("g")
                    + " from groups g where g.slug = ? and g.deleted_at is null",
                rs -> Group.read(rs, "g"),
                slug)
            .orElseThrow(() -> ApiException.notFound("Group"));
    guardian.ensureCanSeeMembers(group, state);
    int limit = Cursors.limit(limitParam, DEFAULT_LIMIT, MAX_LIMIT);
    Sql sql =
        new Sql()
            .append("select gm.role, gm.state, gm.updated_at, ")
            .append(UserCard.columns("u"))
            .append(" from group_members gm join users u on u.id = gm.user_id")
            .append(" where gm.group_id = ? and gm.state = ?", group.id(), state.wire());
    if (cursor != null) {
      record Pos(Instant at, long id) {}
      Pos pos =
          Cursors.read(
              cursor, 2, p -> new Pos(Cursors.instant(p.get(0)), Long.parseLong(p.get(1))));
      sql.append(" and (gm.updated_at, gm.user_id) < (?, ?)", pos.at(), pos.id());
    }
    sql.append(" order by gm.updated_at desc, gm.user_id desc limit ?", limit + 1);
    List<GroupView.Member> rows = db.list(sql.text(), GroupQueries::member, sql.params());
    String next = null;
    if (rows.size() > limit) {
      rows = rows.subList(0, limit);
      GroupView.Member last = rows.get(limit - 1);
      next = Cursors.encode(last.since(), last.user().id());
    }
    return new Page<>(rows, next);
  }

  /** One membership as a member-list row. */
  GroupView.Member member(long groupId, long userId) {
    return db.one(
            "select gm.role, gm.state, gm.updated_at, "
                + UserCard.columns("u")
                + " from group_members gm join users u on u.id = gm.user_id"
                + " where gm.group_id = ? and gm.user_id = ?",
            GroupQueries::member,
            groupId,
            userId)
        .orElseThrow(() -> ApiException.notFound("Membership"));
  }

  private static GroupView.Member member(ResultSet rs) throws SQLException {
    return new GroupView.Member(
        UserCard.read(rs, "u"),
        rs.getString("role"),
        rs.getString("state"),
        Db.instant(rs, "updated_at"));
  }

  /** The groups the caller follows and may still see, for {@code GET /me/following}. */
  public List<GroupRef> followedBy(Guardian guardian) {
    if (!guardian.isSignedIn()) {
      return List.of();
    }
    return db.list(
        "select "
            + Group.columns("g")
            + " from group_follows f join groups g on g.id = f.group_id where f.user_id = ? and "
            + guardian.readableScope().groupsVisible("g")
            + " order by g.name",
        rs -> Group.read(rs, "g").ref(),
        guardian.actor().id());
  }

  long userId(String handle) {
    return db.one(
            "select id from users where lower(handle) = lower(?) and deleted_at is null",
            rs -> rs.getLong(1),
            handle)
        .orElseThrow(() -> ApiException.notFound("User"));
  }

  /** Views of rows the caller may see: discipline mix and follows batched over the page. */
  List<GroupView> views(Guardian guardian, List<Row> rows) {
    if (rows.isEmpty()) {
      return List.of();
    }
    List<Long> ids = rows.stream().map(r -> r.group().id()).toList();
    Map<Long, List<GroupView.DisciplineCount>> mix = new HashMap<>();
    db.list(
        """
            select m.group_id, d.discipline, count(*) as n
              from group_members m join users u on u.id = m.user_id
              cross join lateral unnest(u.disciplines) as d(discipline)
             where m.group_id = any(?) and m.state = 'active'
             group by m.group_id, d.discipline
             order by m.group_id, n desc, d.discipline
            """,
        rs -> {
          mix.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
              .add(new GroupView.DisciplineCount(rs.getString(2), rs.getInt(3)));
          return null;
        },
        ids);
    Set<Long> followed = new HashSet<>();
    if (guardian.isSignedIn()) {
      followed.addAll(
          db.list(
              "select group_id from group_follows where user_id = ? and group_id = any(?)",
              rs -> rs.getLong(1),
              guardian.actor().id(),
              ids));
    }
    List<GroupView> out = new ArrayList<>();
    for (Row r : rows) {
      Group g = r.group();
      boolean canEdit = guardian.canEdit(g);
      out.add(
          new GroupView(
              g.id(),
              g.slug(),
              g.name(),
              r.descriptionHtml(),
              canEdit ? r.description() : null,
              g.visibility().wire(),
              g.disciplines(),
              g.fields(),
              g.avatarKey() == null ? null : "/media/" + g.avatarKey(),
              r.memberCount(),
              r.topicCount(),
              r.postCount(),
              r.lastActivityAt(),
              g.createdAt(),
              r.owner(),
              mix.getOrDefault(g.id(), List.of()),
              guardian.membership(g).map(GroupView.MembershipView::of).orElse(null),
              followed.contains(g.id()),
              new GroupView.Permissions(
                  guardian.canReadContent(g),
                  guardian.canPostIn(g),
                  guardian.canJoin(g),
                  guardian.canRequestToJoin(g),
                  guardian.canLeave(g),
                  canEdit,
                  guardian.canManageMembers(g),
                  guardian.canInvite(g),
                  guardian.canDelete(g))));
    }
    return out;
  }

  private static Sort parseSort(String value) {
    if (value == null || value.isEmpty()) {
      return Sort.ACTIVITY;
    }
    for (Sort s : Sort.values()) {
      if (s.wire().equals(value)) {
        return s;
      }
    }
    throw ApiException.invalid("sort", "enum", "must be one of activity, members, new, for_you");
  }

  private static String likeEscape(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
