package io.starbridge.ip;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.starbridge.common.ApiException;
import io.starbridge.common.Db;
import io.starbridge.search.CatalogueSearch;
import io.starbridge.security.Guardian;
import io.starbridge.work.Work;
import io.starbridge.work.WorkBuckets;
import io.starbridge.work.WorkLookup;
import io.starbridge.work.WorkQueries;
import io.starbridge.work.WorkRights;
import io.starbridge.work.WorkView;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The IP catalogue: works the caller may read that have at least one right available, with facet
 * counts. Answered by the search index ({@link CatalogueSearch}: Lucene facets, drill sideways, the
 * caller's access tokens), the page re-checked in SQL through the Guardian. While the index
 * rebuilds, the same answer comes from SQL ({@code rebuilding: true}): counts over the
 * visibility-filtered set, each facet with the other filters.
 */
@Singleton
class Catalogue {
  static final List<String> FACETS = CatalogueSearch.DIMS;

  /**
   * @param canInquire the caller may send an adaptation inquiry about this work (the same rule as
   *     the work view's {@code permissions.canInquire})
   */
  @Serdeable
  record Item(WorkView.Card work, List<WorkRights.Right> rights, boolean canInquire) {}

  @Serdeable
  record FacetValue(String value, long count) {}

  @Serdeable
  record Result(
      List<Item> items,
      @Nullable String nextCursor,
      long total,
      Map<String, List<FacetValue>> facets,
      boolean rebuilding) {}

  /** Filters: several values of one facet match any of them; facets combine with and. */
  record Filters(
      List<String> medium,
      List<String> type,
      List<String> genre,
      List<String> language,
      List<String> length,
      List<String> rating,
      List<String> status,
      List<String> popularity,
      @Nullable String q) {

    Map<String, List<String>> byFacet() {
      Map<String, List<String>> m = new LinkedHashMap<>();
      m.put("medium", medium);
      m.put("type", type);
      m.put("genre", genre);
      m.put("language", language);
      m.put("length", length);
      m.put("rating", rating);
      m.put("status", status);
      m.put("popularity", popularity);
      return m;
    }
  }

  private final Db db;
  private final WorkQueries works;
  private final WorkRights rights;
  private final CatalogueSearch index;
  private final WorkLookup lookup;
  private final Inquiries inquiries;

  Catalogue(
      Db db,
      WorkQueries works,
      WorkRights rights,
      CatalogueSearch index,
      WorkLookup lookup,
      Inquiries inquiries) {
    this.db = db;
    this.works = works;
    this.rights = rights;
    this.index = index;
    this.lookup = lookup;
    this.inquiries = inquiries;
  }

  Result search(Guardian guardian, Filters f, String sort, @Nullable String cursor, int limit) {
    int offset = 0;
    if (cursor != null && !cursor.isBlank()) {
      try {
        offset = Integer.parseInt(cursor);
      } catch (NumberFormatException e) {
        offset = -1;
      }
      if (offset < 0) {
        throw ApiException.invalid("cursor", "invalid", "Unknown cursor");
      }
    }
    if (sort != null && !List.of("relevance", "popular", "new").contains(sort)) {
      throw ApiException.invalid("sort", "invalid", "sort is relevance, popular or new");
    }
    var fromIndex =
        index.search(
            guardian, new CatalogueSearch.Request(f.q(), f.byFacet(), sort, offset, limit + 1));
    if (fromIndex.isPresent()) {
      CatalogueSearch.Result r = fromIndex.get();
      List<Long> ids = r.ids();
      String next = null;
      if (ids.size() > limit) {
        ids = ids.subList(0, limit);
        next = String.valueOf(offset + limit);
      }
      Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
      r.facets()
          .forEach(
              (dim, counts) ->
                  facets.put(
                      dim,
                      counts.stream().map(c -> new FacetValue(c.value(), c.count())).toList()));
      return new Result(items(guardian, recheck(guardian, ids)), next, r.total(), facets, false);
    }
    return fromSql(guardian, f, sort, offset, limit);
  }

  /**
   * The index may lag a moment behind PostgreSQL: keep, in rank order, only the works the caller
   * may still read that still have a right available.
   */
  private List<Long> recheck(Guardian guardian, List<Long> ids) {
    if (ids.isEmpty()) {
      return ids;
    }
    Set<Long> ok =
        new HashSet<>(
            db.list(
                "select w.id from works w where w.id in (select unnest(?::bigint[])) and "
                    + guardian.worksReadable("w")
                    + " and w.visibility <> 'draft' and exists (select 1 from work_rights r"
                    + " where r.work_id = w.id and r.status = 'available')",
                rs -> rs.getLong(1),
                ids));
    return ids.stream().filter(ok::contains).toList();
  }

  private List<Item> items(Guardian guardian, List<Long> ids) {
    Map<Long, List<WorkRights.Right>> rightsOf = rights.ofWorks(ids);
    // Every catalogue work has a right available: the Guardian's rule with the badge decides.
    Set<Long> inquirable = new HashSet<>();
    if (guardian.isSignedIn() && inquiries.isVerifiedIndustry(guardian.actor().id())) {
      for (Work w : lookup.byIds(ids)) {
        if (guardian.canInquire(w, true)) {
          inquirable.add(w.id());
        }
      }
    }
    List<Item> items = new ArrayList<>();
    for (WorkView.Card card : works.cardsOf(guardian, ids)) {
      items.add(
          new Item(
              card, rightsOf.getOrDefault(card.id(), List.of()), inquirable.contains(card.id())));
    }
    return items;
  }

  /**
   * The SQL answer while the index rebuilds; relevance falls back to popular (the same score as the
   * index sorts by, {@link WorkBuckets#popularityScore}).
   */
  Result fromSql(Guardian guardian, Filters f, @Nullable String sort, int offset, int limit) {
    String order =
        "new".equals(sort)
            ? "coalesce(w.published_at, w.created_at) desc, w.id desc"
            : "w.hits + 10 * w.kudos_count + 20 * w.bookmark_count desc,"
                + " coalesce(w.published_at, w.created_at) desc, w.id desc";
    List<Object> params = new ArrayList<>();
    String where = where(guardian, f, null, params);
    long total = db.count("select count(*) from works w where " + where, params.toArray());
    params.add(limit + 1);
    params.add(offset);
    List<Long> ids =
        db.list(
            "select w.id from works w where " + where + " order by " + order + " limit ? offset ?",
            rs -> rs.getLong(1),
            params.toArray());
    String next = null;
    if (ids.size() > limit) {
      ids = ids.subList(0, limit);
      next = String.valueOf(offset + limit);
    }
    Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
    for (String facet : FACETS) {
      facets.put(facet, facet(guardian, f, facet));
    }
    return new Result(items(guardian, ids), next, total, facets, true);
  }

  private List<FacetValue> facet(Guardian guardian, Filters f, String facet) {
    List<Object> params = new ArrayList<>();
    String where = where(guardian, f, facet, params);
    String value =
        switch (facet) {
          case "medium" -> "unnest(array(" + MEDIA + "))";
          case "genre" -> "unnest(array(select distinct g from unnest(w.genres) g))";
          case "length" -> WorkBuckets.LENGTH_SQL;
          case "popularity" -> WorkBuckets.POPULARITY_SQL;
          default -> "w." + facet;
        };
    return db.list(
        "select v, count(distinct id) from (select w.id, "
            + value
            + " as v from works w where "
            + where
            + ") x group by v order by count(distinct id) desc, v",
        rs -> new FacetValue(rs.getString(1), rs.getLong(2)),
        params.toArray());
  }

  /** A work's available media; a translation right also as {@code translation:<language>}. */
  private static final String MEDIA =
      "select r.medium from work_rights r where r.work_id = w.id and r.status = 'available'"
          + " union select r.medium || ':' || r.language from work_rights r where r.work_id = w.id"
          + " and r.status = 'available' and r.language <> ''";

  /** The visibility-filtered set with every filter except {@code skip}. */
  private static String where(Guardian guardian, Filters f, String skip, List<Object> params) {
    StringBuilder w = new StringBuilder(guardian.worksReadable("w"));
    // Never drafts, even for their authors and admins.
    w.append(" and w.visibility <> 'draft'");
    if (!"medium".equals(skip) && !f.medium().isEmpty()) {
      w.append(" and exists (select 1 from (" + MEDIA + ") m where m.medium = any(?::text[]))");
      params.add(f.medium());
    } else {
      w.append(
          " and exists (select 1 from work_rights r where r.work_id = w.id"
              + " and r.status = 'available')");
    }
    in(w, params, skip, "type", f.type());
    in(w, params, skip, "language", f.language());
    in(w, params, skip, "rating", f.rating());
    in(w, params, skip, "status", f.status());
    if (!"length".equals(skip) && !f.length().isEmpty()) {
      w.append(" and " + WorkBuckets.LENGTH_SQL + " = any(?::text[])");
      params.add(f.length());
    }
    if (!"popularity".equals(skip) && !f.popularity().isEmpty()) {
      w.append(" and " + WorkBuckets.POPULARITY_SQL + " = any(?::text[])");
      params.add(f.popularity());
    }
    if (!"genre".equals(skip) && !f.genre().isEmpty()) {
      w.append(" and w.genres && ?::text[]");
      params.add(f.genre());
    }
    if (f.q() != null && !f.q().isBlank()) {
      String like =
          "%" + f.q().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
      w.append(" and (w.title ilike ? or w.summary ilike ?)");
      params.add(like);
      params.add(like);
    }
    return w.toString();
  }

  private static void in(
      StringBuilder w, List<Object> params, String skip, String column, List<String> values) {
    if (!column.equals(skip) && !values.isEmpty()) {
      w.append(" and w.").append(column).append(" = any(?::text[])");
      params.add(values);
    }
  }
}
