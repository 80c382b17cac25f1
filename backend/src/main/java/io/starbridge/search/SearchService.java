package io.starbridge.search;

import io.starbridge.account.UserCard;
import io.starbridge.common.ApiException;
import io.starbridge.common.Cursors;
import io.starbridge.common.Db;
import io.starbridge.group.GroupRef;
import io.starbridge.security.AccessScope;
import io.starbridge.security.Guardian;
import io.starbridge.topic.BoardRef;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.util.BytesRef;

/**
 * Answers searches: parses the query, filters by the caller's access tokens (totals use the same
 * filter), ranks with BM25 and a gentle recency factor or by date, then re-checks the page against
 * PostgreSQL through the Guardian's read scope — a hit the index still holds but the caller may no
 * longer read is dropped — and builds snippets from the stored text.
 */
@Singleton
public class SearchService {
  static final int MAX_OFFSET = 10_000;

  /** Totals are exact up to this many matches, and "at least" beyond. */
  static final int COUNT_EXACT_UP_TO = 1_000;

  private final SearchIndex index;
  private final Db db;
  private final QueryFactory queries = new QueryFactory(SearchAnalysis.queryAnalyzer());
  private final Snippets snippets = new Snippets();

  public SearchService(SearchIndex index, Db db) {
    this.index = index;
    this.db = db;
  }

  /** Parameters of {@code /search}; inline operators in {@code q} add to them. */
  public record Request(
      String q,
      String type,
      String board,
      String group,
      String author,
      String tag,
      String from,
      String to,
      String sort,
      String cursor,
      Integer limit) {}

  public SearchResults.Page search(Guardian guardian, Request r) {
    int limit = Cursors.limit(r.limit(), 20, 50);
    int offset = r.cursor() == null || r.cursor().isBlank() ? 0 : offset(r.cursor());
    ParsedQuery pq = ParsedQuery.parse(r.q());
    addParam(pq.types, r.type(), true);
    addParam(pq.boards, r.board(), false);
    addParam(pq.groups, r.group(), false);
    addParam(pq.authors, r.author() == null ? null : r.author().replaceFirst("^@", ""), false);
    addParam(pq.tags, r.tag() == null ? null : r.tag().replaceFirst("^#", ""), false);
    if (r.from() != null && !r.from().isBlank()) {
      pq.after = date("from", r.from(), false);
    }
    if (r.to() != null && !r.to().isBlank()) {
      Instant to = date("to", r.to(), true);
      pq.before = to;
    }
    boolean newest = "newest".equals(r.sort()) || (!pq.hasText() && !"relevance".equals(r.sort()));
    Set<String> tokens = AccessTokens.caller(guardian);
    Query query = build(pq, tokens, !newest);
    var result =
        index.withSearcher(
            s -> {
              try {
                // One pass: hits and the count together. Past COUNT_EXACT_UP_TO matches Lucene
                // stops counting and may skip non-competitive documents; the total is then a
                // lower bound (totalExact false).
                int n = Math.min(offset + limit, MAX_OFFSET + limit);
                TopDocs top =
                    newest
                        ? s.search(
                            query,
                            new TopFieldCollectorManager(
                                new Sort(
                                    new SortField(SearchFields.CREATED, SortField.Type.LONG, true)),
                                n + 1,
                                null,
                                COUNT_EXACT_UP_TO))
                        : s.search(
                            query, new TopScoreDocCollectorManager(n + 1, null, COUNT_EXACT_UP_TO));
                long total = top.totalHits.value;
                boolean exact = top.totalHits.relation == TotalHits.Relation.EQUAL_TO;
                List<Hit> hits = new ArrayList<>();
                ScoreDoc[] docs = top.scoreDocs;
                for (int i = offset; i < docs.length && i < offset + limit; i++) {
                  hits.add(hit(s.storedFields().document(docs[i].doc)));
                }
                boolean more = docs.length > offset + limit;
                return new Object[] {total, hits, exact, more};
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    if (result.isEmpty()) {
      return new SearchResults.Page(List.of(), 0, true, null, true);
    }
    long total = (Long) result.get()[0];
    @SuppressWarnings("unchecked")
    List<Hit> hits = (List<Hit>) result.get()[1];
    boolean exact = (Boolean) result.get()[2];
    boolean more = (Boolean) result.get()[3];
    List<SearchResults.Item> items = items(guardian, hits, pq);
    int next = offset + limit;
    String nextCursor = more && next <= MAX_OFFSET ? Cursors.encode("o", next) : null;
    return new SearchResults.Page(items, total, exact, nextCursor, index.isRebuilding());
  }

  private static int offset(String cursor) {
    return Cursors.read(
        cursor,
        2,
        p -> {
          if (!p.get(0).equals("o")) {
            throw new IllegalArgumentException();
          }
          int o = Integer.parseInt(p.get(1));
          if (o < 0 || o > MAX_OFFSET) {
            throw new IllegalArgumentException();
          }
          return o;
        });
  }

  private static Instant date(String field, String value, boolean endOfDay) {
    Instant t = ParsedQuery.date(value, false);
    if (t == null) {
      throw ApiException.invalid(field, "invalid", "is not a date (YYYY-MM-DD) or an instant");
    }
    if (endOfDay && value.trim().length() == 10) {
      t = t.plusSeconds(86_400); // "to 2026-01-31" includes that day
    }
    return t;
  }

  private static void addParam(Set<String> target, String value, boolean isType) {
    if (value == null || value.isBlank()) {
      return;
    }
    for (String v : value.split(",")) {
      String s = v.trim().toLowerCase(Locale.ROOT);
      if (s.isEmpty()) {
        continue;
      }
      if (isType && !ParsedQuery.TYPES.contains(s)) {
        throw ApiException.invalid("type", "invalid", "must be topic, post, user, group or work");
      }
      target.add(s);
    }
  }

  /** The full query: text (or everything), exclusions, filters and the caller's access tokens. */
  Query build(ParsedQuery pq, Set<String> tokens, boolean relevance) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    Query text = queries.text(pq);
    if (text != null) {
      b.add(
          relevance ? QueryFactory.withRecency(text, Instant.now().toEpochMilli()) : text,
          Occur.MUST);
    } else {
      b.add(QueryFactory.matchAll(), Occur.MUST);
      for (Query ex : queries.exclusions(pq)) {
        b.add(ex, Occur.MUST_NOT);
      }
    }
    if (tokens != null) {
      b.add(QueryFactory.anyOf(SearchFields.ACCESS, tokens), Occur.FILTER);
    }
    if (!pq.types.isEmpty()) {
      b.add(QueryFactory.anyOf(SearchFields.TYPE, pq.types), Occur.FILTER);
    }
    if (!pq.boards.isEmpty()) {
      b.add(QueryFactory.anyOf(SearchFields.BOARD, pq.boards), Occur.FILTER);
    }
    if (!pq.groups.isEmpty()) {
      b.add(QueryFactory.anyOf(SearchFields.GROUP, pq.groups), Occur.FILTER);
    }
    if (!pq.authors.isEmpty()) {
      b.add(QueryFactory.anyOf(SearchFields.AUTHOR, pq.authors), Occur.FILTER);
    }
    for (String tag : pq.tags) {
      b.add(new TermQuery(new Term(SearchFields.TAG, tag)), Occur.FILTER);
    }
    if (pq.after != null || pq.before != null) {
      b.add(QueryFactory.created(pq.after, pq.before), Occur.FILTER);
    }
    return b.build();
  }

  record Hit(String type, long id, String title, String body, Long topicId, Integer postNumber) {}

  private static Hit hit(Document d) {
    var topic = d.getField(SearchFields.TOPIC_ID);
    var number = d.getField(SearchFields.POST_NUMBER);
    return new Hit(
        d.get(SearchFields.TYPE),
        d.getField(SearchFields.ID).numericValue().longValue(),
        d.get(SearchFields.TITLE),
        d.get(SearchFields.BODY),
        topic == null ? null : topic.numericValue().longValue(),
        number == null ? null : number.numericValue().intValue());
  }

  private record TopicRow(
      long id,
      String title,
      String slug,
      List<String> tags,
      BoardRef board,
      GroupRef group,
      UserCard author,
      Instant createdAt) {}

  private record PostRow(long id, long topicId, int number, UserCard author, Instant createdAt) {}

  /**
   * Re-checks hits against PostgreSQL with the Guardian's read scope and builds the items; hits the
   * caller may not read (any more) are dropped.
   */
  List<SearchResults.Item> items(Guardian guardian, List<Hit> hits, ParsedQuery pq) {
    Set<Long> topicIds = new LinkedHashSet<>();
    Set<Long> postIds = new LinkedHashSet<>();
    Set<Long> userIds = new LinkedHashSet<>();
    Set<Long> groupIds = new LinkedHashSet<>();
    Set<Long> workIds = new LinkedHashSet<>();
    for (Hit h : hits) {
      switch (h.type()) {
        case "topic" -> topicIds.add(h.id());
        case "post" -> {
          postIds.add(h.id());
          topicIds.add(h.topicId());
        }
        case "user" -> userIds.add(h.id());
        case "group" -> groupIds.add(h.id());
        case "work" -> workIds.add(h.id());
        default -> {
          // unknown types are skipped
        }
      }
    }
    Map<Long, TopicRow> topics = readableTopics(guardian.readableScope(), topicIds);
    Map<Long, PostRow> posts = visiblePosts(guardian.readableScope(), postIds);
    Map<Long, UserCard> users = users(userIds);
    Map<Long, GroupRow> groups = visibleGroups(guardian.readableScope(), groupIds);
    Map<Long, WorkRow> works = readableWorks(guardian, workIds);
    Set<String> wordTerms = queries.highlightTerms(pq, SearchFields.TITLE);
    Set<String> bigramTerms = queries.highlightTerms(pq, SearchFields.TITLE_CJK);
    List<SearchResults.Item> out = new ArrayList<>();
    for (Hit h : hits) {
      switch (h.type()) {
        case "topic" -> {
          TopicRow t = topics.get(h.id());
          if (t == null) {
            continue;
          }
          out.add(
              new SearchResults.Item(
                  "topic",
                  t.id(),
                  t.title(),
                  snippets.html(t.title(), wordTerms, bigramTerms, 0),
                  snippets.html(h.body(), wordTerms, bigramTerms, Snippets.WINDOW),
                  "/t/" + t.slug() + "/" + t.id(),
                  t.author(),
                  t.board(),
                  t.group(),
                  new SearchResults.TopicRef(t.id(), t.slug(), t.title()),
                  1,
                  t.tags(),
                  t.createdAt()));
        }
        case "post" -> {
          PostRow p = posts.get(h.id());
          TopicRow t = p == null ? null : topics.get(p.topicId());
          if (t == null) {
            continue;
          }
          out.add(
              new SearchResults.Item(
                  "post",
                  p.id(),
                  t.title(),
                  Snippets.escape(t.title()),
                  snippets.html(h.body(), wordTerms, bigramTerms, Snippets.WINDOW),
                  "/t/" + t.slug() + "/" + t.id() + "/" + p.number(),
                  p.author(),
                  t.board(),
                  t.group(),
                  new SearchResults.TopicRef(t.id(), t.slug(), t.title()),
                  p.number(),
                  t.tags(),
                  p.createdAt()));
        }
        case "user" -> {
          UserCard u = users.get(h.id());
          if (u == null) {
            continue;
          }
          out.add(
              new SearchResults.Item(
                  "user",
                  u.id(),
                  u.displayName(),
                  snippets.html(u.displayName(), wordTerms, bigramTerms, 0),
                  snippets.html(h.body(), wordTerms, bigramTerms, Snippets.WINDOW),
                  "/u/" + u.handle(),
                  u,
                  null,
                  null,
                  null,
                  null,
                  List.of(),
                  null));
        }
        case "group" -> {
          GroupRow g = groups.get(h.id());
          if (g == null) {
            continue;
          }
          out.add(
              new SearchResults.Item(
                  "group",
                  g.ref().id(),
                  g.ref().name(),
                  snippets.html(g.ref().name(), wordTerms, bigramTerms, 0),
                  snippets.html(h.body(), wordTerms, bigramTerms, Snippets.WINDOW),
                  "/g/" + g.ref().slug(),
                  null,
                  null,
                  g.ref(),
                  null,
                  null,
                  List.of(),
                  g.createdAt()));
        }
        case "work" -> {
          WorkRow w = works.get(h.id());
          if (w == null) {
            continue;
          }
          out.add(
              new SearchResults.Item(
                  "work",
                  w.id(),
                  w.title(),
                  snippets.html(w.title(), wordTerms, bigramTerms, 0),
                  snippets.html(h.body(), wordTerms, bigramTerms, Snippets.WINDOW),
                  "/works/" + w.id(),
                  w.author(),
                  null,
                  null,
                  null,
                  null,
                  w.tags(),
                  w.createdAt()));
        }
        default -> {
          // unknown types are skipped
        }
      }
    }
    return out;
  }

  private record GroupRow(GroupRef ref, Instant createdAt) {}

  private record WorkRow(
      long id, String title, List<String> tags, UserCard author, Instant createdAt) {}

  /**
   * Works the caller may read ({@code Guardian.worksReadable}), never drafts even for their authors
   * (drafts are not searchable), with their owner.
   */
  private Map<Long, WorkRow> readableWorks(Guardian guardian, Set<Long> ids) {
    Map<Long, WorkRow> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    for (WorkRow w :
        db.list(
            "select w.id, w.title, w.all_tags, coalesce(w.published_at, w.created_at) as created_at, "
                + UserCard.columns("a")
                + " from (select unnest(?::bigint[]) as id offset 0) ids join works w on w.id = ids.id"
                + " join work_authors o on o.work_id = w.id and o.role = 'owner'"
                + " join users a on a.id = o.user_id"
                + " where w.visibility <> 'draft' and "
                + guardian.worksReadable("w"),
            rs -> {
              Array tags = rs.getArray("all_tags");
              return new WorkRow(
                  rs.getLong("id"),
                  rs.getString("title"),
                  tags == null ? List.of() : Arrays.asList((String[]) tags.getArray()),
                  UserCard.read(rs, "a"),
                  Db.instant(rs, "created_at"));
            },
            List.copyOf(ids))) {
      out.put(w.id(), w);
    }
    return out;
  }

  /** Groups whose about page the caller may see ({@code Guardian.canSee(Group)} as SQL). */
  private Map<Long, GroupRow> visibleGroups(AccessScope scope, Set<Long> ids) {
    Map<Long, GroupRow> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    for (GroupRow g :
        db.list(
            "select g.id, g.slug, g.name, g.visibility, g.created_at from groups g"
                + " where g.id in (select unnest(?::bigint[])) and "
                + scope.groupsVisible("g"),
            rs ->
                new GroupRow(
                    new GroupRef(
                        rs.getLong("id"),
                        rs.getString("slug"),
                        rs.getString("name"),
                        rs.getString("visibility")),
                    Db.instant(rs, "created_at")),
            List.copyOf(ids))) {
      out.put(g.ref().id(), g);
    }
    return out;
  }

  private Map<Long, TopicRow> readableTopics(AccessScope scope, Set<Long> ids) {
    Map<Long, TopicRow> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    for (TopicRow t :
        db.list(
            "select t.id, t.title, t.slug, t.tags, t.created_at, b.id as b_id, b.slug as b_slug,"
                + " b.name_zh, b.name_en, b.color, g.id as g_id, g.slug as g_slug, g.name as g_name,"
                + " g.visibility as g_visibility, "
                + UserCard.columns("a")
                + " from (select unnest(?::bigint[]) as id offset 0) ids join topics t on t.id = ids.id"
                + " left join boards b on b.id = t.board_id"
                + " left join groups g on g.id = t.group_id join users a on a.id = t.author_id"
                + " where t.deleted_at is null and "
                + scope.topicsUnhidden("t")
                + " and "
                + scope.topicsReadable("t", "b", "g"),
            rs -> {
              Array tags = rs.getArray("tags");
              return new TopicRow(
                  rs.getLong("id"),
                  rs.getString("title"),
                  rs.getString("slug"),
                  tags == null ? List.of() : Arrays.asList((String[]) tags.getArray()),
                  Db.nullableLong(rs, "b_id") == null
                      ? null
                      : new BoardRef(
                          rs.getLong("b_id"),
                          rs.getString("b_slug"),
                          rs.getString("name_zh"),
                          rs.getString("name_en"),
                          rs.getString("color")),
                  Db.nullableLong(rs, "g_id") == null
                      ? null
                      : new GroupRef(
                          rs.getLong("g_id"),
                          rs.getString("g_slug"),
                          rs.getString("g_name"),
                          rs.getString("g_visibility")),
                  UserCard.read(rs, "a"),
                  Db.instant(rs, "created_at"));
            },
            List.copyOf(ids))) {
      out.put(t.id(), t);
    }
    return out;
  }

  private Map<Long, PostRow> visiblePosts(AccessScope scope, Set<Long> ids) {
    Map<Long, PostRow> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    for (PostRow p :
        db.list(
            "select p.id, p.topic_id, p.post_number, p.created_at, "
                + UserCard.columns("a")
                + " from (select unnest(?::bigint[]) as id offset 0) ids join posts p on p.id = ids.id"
                + " join users a on a.id = p.author_id where "
                + scope.postsUnhidden("p")
                + " and "
                + scope.postBodiesVisible("p"),
            rs ->
                new PostRow(
                    rs.getLong("id"),
                    rs.getLong("topic_id"),
                    rs.getInt("post_number"),
                    UserCard.read(rs, "a"),
                    Db.instant(rs, "created_at")),
            List.copyOf(ids))) {
      out.put(p.id(), p);
    }
    return out;
  }

  private Map<Long, UserCard> users(Set<Long> ids) {
    Map<Long, UserCard> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    for (UserCard u :
        db.list(
            "select "
                + UserCard.columns("a")
                + " from users a where a.id in (select unnest(?::bigint[])) and a.deleted_at is null and a.status <> 'deleted'",
            rs -> UserCard.read(rs, "a"),
            List.copyOf(ids))) {
      out.put(u.id(), u);
    }
    return out;
  }

  // ---- suggestions ------------------------------------------------------------------------

  public SearchResults.Suggestions suggest(Guardian guardian, String q) {
    String stripped = q == null ? "" : q.strip();
    String text = stripped.length() > 100 ? stripped.substring(0, 100) : stripped;
    if (text.isEmpty()) {
      return new SearchResults.Suggestions(
          List.of(), List.of(), List.of(), List.of(), List.of(), index.isRebuilding());
    }
    String plain = text.replaceFirst("^[@#＃]", "");
    Set<String> tokens = AccessTokens.caller(guardian);
    Query access = tokens == null ? null : QueryFactory.anyOf(SearchFields.ACCESS, tokens);
    Query prefix = prefixQuery(plain);
    var found =
        index.withSearcher(
            s -> {
              try {
                List<Hit> topicHits = new ArrayList<>();
                List<Hit> userHits = new ArrayList<>();
                List<Hit> groupHits = new ArrayList<>();
                List<Hit> workHits = new ArrayList<>();
                if (prefix != null) {
                  if (!text.startsWith("@") && !text.startsWith("#")) {
                    for (ScoreDoc sd : s.search(typed(prefix, "topic", access), 6).scoreDocs) {
                      topicHits.add(hit(s.storedFields().document(sd.doc)));
                    }
                  }
                  if (!text.startsWith("#")) {
                    for (ScoreDoc sd : s.search(typed(prefix, "user", access), 5).scoreDocs) {
                      userHits.add(hit(s.storedFields().document(sd.doc)));
                    }
                  }
                  if (!text.startsWith("@") && !text.startsWith("#")) {
                    for (ScoreDoc sd : s.search(typed(prefix, "group", access), 4).scoreDocs) {
                      groupHits.add(hit(s.storedFields().document(sd.doc)));
                    }
                    for (ScoreDoc sd : s.search(typed(prefix, "work", access), 5).scoreDocs) {
                      workHits.add(hit(s.storedFields().document(sd.doc)));
                    }
                  }
                }
                List<SearchResults.TagSuggestion> tags =
                    text.startsWith("@") ? List.of() : tags(s, plain, access);
                return new Object[] {topicHits, userHits, tags, groupHits, workHits};
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    if (found.isEmpty()) {
      return new SearchResults.Suggestions(
          List.of(), List.of(), List.of(), List.of(), List.of(), true);
    }
    @SuppressWarnings("unchecked")
    List<Hit> topicHits = (List<Hit>) found.get()[0];
    @SuppressWarnings("unchecked")
    List<Hit> userHits = (List<Hit>) found.get()[1];
    @SuppressWarnings("unchecked")
    List<SearchResults.TagSuggestion> tags = (List<SearchResults.TagSuggestion>) found.get()[2];
    @SuppressWarnings("unchecked")
    List<Hit> groupHits = (List<Hit>) found.get()[3];
    @SuppressWarnings("unchecked")
    List<Hit> workHits = (List<Hit>) found.get()[4];
    Map<Long, GroupRow> groupRows =
        visibleGroups(
            guardian.readableScope(),
            new LinkedHashSet<>(groupHits.stream().map(Hit::id).toList()));
    List<GroupRef> groups = new ArrayList<>();
    for (Hit h : groupHits) {
      GroupRow g = groupRows.get(h.id());
      if (g != null) {
        groups.add(g.ref());
      }
    }
    ParsedQuery pq = ParsedQuery.parse(plain);
    Set<String> wordTerms = queries.highlightTerms(pq, SearchFields.TITLE);
    Set<String> bigramTerms = queries.highlightTerms(pq, SearchFields.TITLE_CJK);
    Map<Long, TopicRow> topics =
        readableTopics(
            guardian.readableScope(),
            new LinkedHashSet<>(topicHits.stream().map(Hit::id).toList()));
    List<SearchResults.TitleSuggestion> titles = new ArrayList<>();
    for (Hit h : topicHits) {
      TopicRow t = topics.get(h.id());
      if (t != null) {
        titles.add(
            new SearchResults.TitleSuggestion(
                t.id(),
                t.title(),
                snippets.html(t.title(), wordTerms, bigramTerms, 0),
                "/t/" + t.slug() + "/" + t.id()));
      }
    }
    Map<Long, UserCard> users = users(new LinkedHashSet<>(userHits.stream().map(Hit::id).toList()));
    List<UserCard> people = new ArrayList<>();
    for (Hit h : userHits) {
      UserCard u = users.get(h.id());
      if (u != null) {
        people.add(u);
      }
    }
    // Works the caller may read, checked again in SQL like the full search does.
    Map<Long, WorkRow> workRows =
        readableWorks(guardian, new LinkedHashSet<>(workHits.stream().map(Hit::id).toList()));
    List<SearchResults.TitleSuggestion> works = new ArrayList<>();
    for (Hit h : workHits) {
      WorkRow w = workRows.get(h.id());
      if (w != null) {
        works.add(
            new SearchResults.TitleSuggestion(
                w.id(),
                w.title(),
                snippets.html(w.title(), wordTerms, bigramTerms, 0),
                "/works/" + w.id()));
      }
    }
    return new SearchResults.Suggestions(titles, people, tags, groups, works, index.isRebuilding());
  }

  private static Query typed(Query q, String type, Query access) {
    BooleanQuery.Builder b =
        new BooleanQuery.Builder()
            .add(q, Occur.MUST)
            .add(new TermQuery(new Term(SearchFields.TYPE, type)), Occur.FILTER);
    if (access != null) {
      b.add(access, Occur.FILTER);
    }
    return b.build();
  }

  /**
   * Prefix completion: every token of the typed text as a prefix (edge n-grams of titles, display
   * names and handles), or the text as a bigram phrase of the title (Chinese, anywhere in it).
   */
  private Query prefixQuery(String text) {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    int clauses = 0;
    for (String field : List.of(SearchFields.TITLE_EDGE, SearchFields.HANDLE_EDGE)) {
      List<QueryFactory.Token> toks = queries.analyze(field, text);
      if (toks.isEmpty()) {
        continue;
      }
      BooleanQuery.Builder all = new BooleanQuery.Builder();
      for (QueryFactory.Token t : toks) {
        String term = t.term().length() > 20 ? t.term().substring(0, 20) : t.term();
        all.add(new TermQuery(new Term(field, term)), Occur.MUST);
      }
      any.add(all.build(), Occur.SHOULD);
      clauses++;
    }
    Query cjk = queries.fieldQuery(SearchFields.TITLE_CJK, text);
    if (cjk != null) {
      any.add(cjk, Occur.SHOULD);
      clauses++;
    }
    return clauses == 0 ? null : any.build();
  }

  private static List<SearchResults.TagSuggestion> tags(
      IndexSearcher s, String prefix, Query access) throws IOException {
    String p = prefix.toLowerCase(Locale.ROOT);
    if (p.isBlank()) {
      return List.of();
    }
    Set<String> candidates = new LinkedHashSet<>();
    for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
      LeafReader r = leaf.reader();
      Terms terms = r.terms(SearchFields.TAG);
      if (terms == null) {
        continue;
      }
      TermsEnum te = terms.iterator();
      if (te.seekCeil(new BytesRef(p)) == TermsEnum.SeekStatus.END) {
        continue;
      }
      int n = 0;
      do {
        String t = te.term().utf8ToString();
        if (!t.startsWith(p)) {
          break;
        }
        candidates.add(t);
      } while (++n < 30 && te.next() != null);
    }
    List<SearchResults.TagSuggestion> out = new ArrayList<>();
    for (String tag : candidates.stream().sorted().toList()) {
      long count = s.count(typed(new TermQuery(new Term(SearchFields.TAG, tag)), "topic", access));
      if (count > 0) {
        out.add(new SearchResults.TagSuggestion(tag, count));
      }
      if (out.size() == 5) {
        break;
      }
    }
    return out;
  }
}
