package io.starbridge.demo;

import io.starbridge.account.Accounts;
import io.starbridge.account.Requests;
import io.starbridge.common.Db;
import io.starbridge.group.ChangeMember;
import io.starbridge.group.GroupRequests;
import io.starbridge.group.InviteMember;
import io.starbridge.group.JoinGroup;
import io.starbridge.group.ManageGroups;
import io.starbridge.ip.Inquiries;
import io.starbridge.ip.InquiryView;
import io.starbridge.post.CreateReply;
import io.starbridge.post.PostRequests;
import io.starbridge.profile.Badges;
import io.starbridge.profile.Relationships;
import io.starbridge.profile.Verifications;
import io.starbridge.registry.RegisterDraft;
import io.starbridge.security.Actor;
import io.starbridge.security.Guardians;
import io.starbridge.topic.CreateTopic;
import io.starbridge.topic.TopicRequests;
import io.starbridge.topic.TopicView;
import io.starbridge.work.Chapters;
import io.starbridge.work.Engagement;
import io.starbridge.work.ManageWorks;
import io.starbridge.work.SeriesService;
import io.starbridge.work.Translations;
import io.starbridge.work.WorkBookmarks;
import io.starbridge.work.WorkRequests;
import io.starbridge.work.WorkRights;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rest of the product on top of the demo forum, from {@code demo/showcase.yml}: profiles,
 * follows, verified badges, groups with discussions, works with chapters, a series, a granted
 * translation, kudos, bookmarks, subscriptions, adaptation rights, inquiries and a registered
 * draft. Every write goes through the use-case the API calls, so the outbox carries each event to
 * search, feeds, the registry chain and notifications. Each item is skipped when it is already
 * there, so a second run (or a run interrupted half-way) changes nothing that exists.
 */
@Singleton
class ShowcaseSeeder {
  private final Db db;
  private final Guardians guardians;
  private final Accounts accounts;
  private final Relationships relationships;
  private final Verifications verifications;
  private final Badges badges;
  private final ManageGroups groups;
  private final JoinGroup joinGroup;
  private final InviteMember inviteMember;
  private final ChangeMember changeMember;
  private final CreateTopic createTopic;
  private final CreateReply createReply;
  private final ManageWorks works;
  private final Chapters chapters;
  private final SeriesService series;
  private final Translations translations;
  private final Engagement engagement;
  private final WorkBookmarks bookmarks;
  private final WorkRights rights;
  private final Inquiries inquiries;
  private final RegisterDraft registerDraft;

  ShowcaseSeeder(
      Db db,
      Guardians guardians,
      Accounts accounts,
      Relationships relationships,
      Verifications verifications,
      Badges badges,
      ManageGroups groups,
      JoinGroup joinGroup,
      InviteMember inviteMember,
      ChangeMember changeMember,
      CreateTopic createTopic,
      CreateReply createReply,
      ManageWorks works,
      Chapters chapters,
      SeriesService series,
      Translations translations,
      Engagement engagement,
      WorkBookmarks bookmarks,
      WorkRights rights,
      Inquiries inquiries,
      RegisterDraft registerDraft) {
    this.db = db;
    this.guardians = guardians;
    this.accounts = accounts;
    this.relationships = relationships;
    this.verifications = verifications;
    this.badges = badges;
    this.groups = groups;
    this.joinGroup = joinGroup;
    this.inviteMember = inviteMember;
    this.changeMember = changeMember;
    this.createTopic = createTopic;
    this.createReply = createReply;
    this.works = works;
    this.chapters = chapters;
    this.series = series;
    this.translations = translations;
    this.engagement = engagement;
    this.bookmarks = bookmarks;
    this.rights = rights;
    this.inquiries = inquiries;
    this.registerDraft = registerDraft;
  }

  /** What one run created, for the summary line. */
  static final class Counts {
    int profiles;
    int badges;
    int follows;
    int groups;
    int topics;
    int works;
    int chapters;
    int series;
    int kudos;
    int bookmarks;
    int subscriptions;
    int inquiries;
    int registrations;

    int total() {
      return profiles
          + badges
          + follows
          + groups
          + topics
          + works
          + chapters
          + series
          + kudos
          + bookmarks
          + subscriptions
          + inquiries
          + registrations;
    }

    @Override
    public String toString() {
      return String.format(
          "%d profiles, %d verified badges, %d follows, %d groups with %d discussions, %d works"
              + " with %d chapters, %d series, %d kudos, %d bookmarks, %d subscriptions,"
              + " %d inquiries and %d draft registrations",
          profiles,
          badges,
          follows,
          groups,
          topics,
          works,
          chapters,
          series,
          kudos,
          bookmarks,
          subscriptions,
          inquiries,
          registrations);
    }
  }

  @SuppressWarnings("unchecked")
  Counts seed(Map<String, Object> data, Map<String, Actor> actors) {
    Counts n = new Counts();
    Actor admin = adminOf(actors);
    for (Map<String, Object> p : list(data, "profiles")) {
      profile(actors.get(str(p, "handle")), p, n);
    }
    for (Map<String, Object> v : list(data, "verifications")) {
      verify(actors.get(str(v, "handle")), admin, v, n);
    }
    for (Map.Entry<String, Object> e : ((Map<String, Object>) data.get("follows")).entrySet()) {
      Actor follower = actors.get(e.getKey());
      for (String followee : (List<String>) e.getValue()) {
        if (db.count(
                "select count(*) from user_follows f join users u on u.id = f.followee_id"
                    + " where f.follower_id = ? and u.handle = ?",
                follower.id(),
                followee)
            == 0) {
          relationships.follow(follower, followee);
          n.follows++;
        }
      }
    }
    for (Map<String, Object> g : list(data, "groups")) {
      group(g, actors, n);
    }
    Map<String, Long> workIds = new HashMap<>();
    for (Map<String, Object> w : list(data, "works")) {
      workIds.put(str(w, "key"), work(w, actors, workIds, n));
    }
    for (Map<String, Object> s : list(data, "series")) {
      series(s, actors, workIds, n);
    }
    for (Map<String, Object> b : list(data, "bookmarks")) {
      Actor who = actors.get(str(b, "handle"));
      long workId = workIds.get(str(b, "work"));
      if (db.count(
              "select count(*) from work_bookmarks where work_id = ? and user_id = ?",
              workId,
              who.id())
          == 0) {
        bookmarks.put(
            who,
            workId,
            new WorkRequests.Bookmark(
                str(b, "note"), (List<String>) b.getOrDefault("tags", List.of()), false, null));
        n.bookmarks++;
      }
    }
    for (Map<String, Object> i : list(data, "inquiries")) {
      inquiry(i, actors, workIds, n);
    }
    for (Map<String, Object> r : list(data, "registrations")) {
      Actor who = actors.get(str(r, "handle"));
      if (db.count(
              "select count(*) from registry_entries where kind = 'draft' and ? = any(author_ids)",
              who.id())
          == 0) {
        registerDraft.call(guardians.of(who), str(r, "text"));
        n.registrations++;
      }
    }
    return n;
  }

  // ---- people ---------------------------------------------------------------------------------

  @SuppressWarnings("unchecked")
  private void profile(Actor who, Map<String, Object> p, Counts n) {
    boolean empty =
        db.count(
                "select count(*) from users where id = ? and cardinality(disciplines) = 0",
                who.id())
            > 0;
    if (!empty) {
      return;
    }
    accounts.updateMe(
        who,
        new Requests.UpdateMe(
            null,
            null,
            str(p, "bio"),
            (List<String>) p.get("disciplines"),
            (List<String>) p.get("fields"),
            str(p, "affiliation"),
            (List<String>) p.get("languages"),
            null,
            str(p, "location"),
            null,
            null,
            null));
    n.profiles++;
  }

  @SuppressWarnings("unchecked")
  private void verify(Actor who, Actor admin, Map<String, Object> v, Counts n) {
    String kind = str(v, "kind");
    if (badges.has(who.id(), "verified_" + kind)) {
      return;
    }
    Verifications.VerificationView request =
        verifications.request(
            who,
            new Verifications.RequestBody(
                kind, str(v, "evidence"), (List<String>) v.getOrDefault("links", List.of())));
    verifications.decide(
        admin,
        request.id(),
        new Verifications.DecisionBody("approve", "Checked for the demo community."));
    n.badges++;
  }

  // ---- groups ---------------------------------------------------------------------------------

  @SuppressWarnings("unchecked")
  private void group(Map<String, Object> g, Map<String, Actor> actors, Counts n) {
    String slug = str(g, "slug");
    if (db.count("select count(*) from groups where slug = ?", slug) > 0) {
      return;
    }
    Actor owner = actors.get(str(g, "owner"));
    groups.create(
        owner,
        new GroupRequests.Create(
            slug,
            str(g, "name"),
            str(g, "description"),
            str(g, "visibility"),
            (List<String>) g.getOrDefault("disciplines", List.of()),
            (List<String>) g.getOrDefault("fields", List.of())));
    n.groups++;
    // public: joining makes a member; restricted: a request the owner approves (or leaves
    // pending); secret: an invitation the invitee accepts by joining (or leaves open).
    for (String h : (List<String>) g.getOrDefault("join", List.of())) {
      joinGroup.call(actors.get(h), slug);
    }
    for (String h : (List<String>) g.getOrDefault("request", List.of())) {
      joinGroup.call(actors.get(h), slug);
    }
    for (String h : (List<String>) g.getOrDefault("approve", List.of())) {
      changeMember.call(owner, slug, h, new GroupRequests.ChangeMember("active", null, null));
    }
    for (String h : (List<String>) g.getOrDefault("invite", List.of())) {
      inviteMember.call(owner, slug, h);
    }
    for (String h : (List<String>) g.getOrDefault("accept", List.of())) {
      joinGroup.call(actors.get(h), slug);
    }
    for (Map<String, Object> t : list(g, "topics")) {
      TopicView topic =
          createTopic.call(
              actors.get(str(t, "author")),
              new TopicRequests.Create(
                  null,
                  slug,
                  str(t, "title"),
                  str(t, "body"),
                  (List<String>) t.getOrDefault("tags", List.of())));
      n.topics++;
      for (Map<String, Object> r : list(t, "replies")) {
        createReply.call(
            actors.get(str(r, "author")), topic.id(), new PostRequests.Reply(str(r, "body"), null));
      }
    }
  }

  // ---- works ----------------------------------------------------------------------------------

  /** The work's id, created with its chapters, rights, translation link, kudos and subscribers. */
  @SuppressWarnings("unchecked")
  private long work(
      Map<String, Object> w, Map<String, Actor> actors, Map<String, Long> workIds, Counts n) {
    Actor owner = actors.get(str(w, "owner"));
    Optional<Long> existing =
        db.one(
            "select w.id from works w join work_authors a on a.work_id = w.id and a.role = 'owner'"
                + " where a.user_id = ? and w.title = ? and w.deleted_at is null",
            rs -> rs.getLong(1),
            owner.id(),
            str(w, "title"));
    if (existing.isPresent()) {
      return existing.get();
    }
    long id =
        works
            .create(
                owner,
                new WorkRequests.Create(
                    str(w, "title"),
                    str(w, "summary"),
                    str(w, "type"),
                    str(w, "language"),
                    (List<String>) w.getOrDefault("genres", List.of()),
                    (List<String>) w.getOrDefault("tags", List.of()),
                    str(w, "rating"),
                    List.of(),
                    str(w, "status"),
                    "public",
                    null))
            .id();
    n.works++;
    for (Map<String, Object> c : list(w, "chapters")) {
      chapters.create(
          owner,
          id,
          new WorkRequests.CreateChapter(str(c, "title"), str(c, "body"), null, null, null));
      n.chapters++;
    }
    List<WorkRights.Right> offered = new ArrayList<>();
    for (Map<String, Object> r : list(w, "rights")) {
      offered.add(
          new WorkRights.Right(
              str(r, "medium"), str(r, "status"), str(r, "terms"), str(r, "language"), null, null));
    }
    if (!offered.isEmpty()) {
      rights.replace(owner, id, new WorkRights.Rights(offered));
    }
    String original = str(w, "translationOf");
    if (original != null) {
      long originalId = workIds.get(original);
      translations.link(owner, originalId, id);
      translations.decide(authorOf(originalId, actors), originalId, id, "granted");
    }
    for (String h : (List<String>) w.getOrDefault("kudos", List.of())) {
      engagement.giveKudos(actors.get(h), id);
      n.kudos++;
    }
    for (String h : (List<String>) w.getOrDefault("subscribers", List.of())) {
      engagement.subscribe(actors.get(h), id);
      n.subscriptions++;
    }
    return id;
  }

  @SuppressWarnings("unchecked")
  private void series(
      Map<String, Object> s, Map<String, Actor> actors, Map<String, Long> workIds, Counts n) {
    Actor owner = actors.get(str(s, "owner"));
    if (db.count(
            "select count(*) from series where created_by = ? and title = ?",
            owner.id(),
            str(s, "title"))
        > 0) {
      return;
    }
    long id =
        series.create(owner, new WorkRequests.SeriesBody(str(s, "title"), str(s, "summary"))).id();
    n.series++;
    for (String key : (List<String>) s.get("works")) {
      series.putWork(owner, id, workIds.get(key));
    }
    for (String h : (List<String>) s.getOrDefault("subscribers", List.of())) {
      series.subscribe(actors.get(h), id, true);
      n.subscriptions++;
    }
  }

  // ---- adaptation inquiries ---------------------------------------------------------------------

  @SuppressWarnings("unchecked")
  private void inquiry(
      Map<String, Object> i, Map<String, Actor> actors, Map<String, Long> workIds, Counts n) {
    Actor from = actors.get(str(i, "from"));
    long workId = workIds.get(str(i, "work"));
    String medium = str(i, "medium");
    if (db.count(
            "select count(*) from inquiries where inquirer_id = ? and work_id = ? and medium = ?",
            from.id(),
            workId,
            medium)
        > 0) {
      return;
    }
    InquiryView sent =
        inquiries.send(
            from,
            workId,
            new Inquiries.SendBody(
                medium,
                str(i, "language"),
                str(i, "territory"),
                str(i, "term"),
                str(i, "message")));
    n.inquiries++;
    for (Map<String, Object> m : list(i, "thread")) {
      inquiries.post(
          actors.get(str(m, "author")), sent.id(), new Inquiries.MessageBody(str(m, "body")));
    }
    Actor author = authorOf(workId, actors);
    for (String state : (List<String>) i.getOrDefault("states", List.of())) {
      inquiries.changeState(author, sent.id(), new Inquiries.StateBody(state, null));
    }
  }

  private Actor authorOf(long workId, Map<String, Actor> actors) {
    long ownerId =
        db.one(
                "select user_id from work_authors where work_id = ? and role = 'owner'",
                rs -> rs.getLong(1),
                workId)
            .orElseThrow();
    return actors.values().stream().filter(a -> a.id() == ownerId).findFirst().orElseThrow();
  }

  private static Actor adminOf(Map<String, Actor> actors) {
    return actors.values().stream()
        .filter(a -> a.role() == io.starbridge.security.Role.ADMIN)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("the demo community has no admin"));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Map<String, Object> m, String key) {
    Object v = m.get(key);
    return v == null ? List.of() : (List<Map<String, Object>>) v;
  }

  private static String str(Map<String, Object> m, String key) {
    Object v = m.get(key);
    return v == null ? null : v.toString().strip();
  }
}
