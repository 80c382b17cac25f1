package io.starbridge.ip;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.starbridge.common.ApiException;
import io.starbridge.common.Db;
import io.starbridge.security.Guardian;
import io.starbridge.work.Work;
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
 * counts computed in SQL over the same visibility-filtered set (each facet with the other filters).
 */
@Singleton
class Catalogue {
  static final List<String> FACETS =
      List.of("medium", "type", "genre", "language", "rating", "status");

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
      List<Item> items, @Nullable String nextCursor, Map<String, List<FacetValue>> facets) {}

  /** Filters: several values of one facet match any of them; facets combine with and. */
  record Filters(
      List<String> medium,
      List<String> type,
      List<String> genre,
      List<String> language,
      List<String> rating,
      List<String> status,
      @Nullable String q) {}

  private final Db db;
  private final WorkQueries works;
  private final WorkRights rights;
  private final WorkLookup lookup;
  private final Inquiries inquiries;

  Catalogue(Db db, WorkQueries works, WorkRights rights, WorkLookup lookup, Inquiries inquiries) {
    this.db = db;
    this.works = works;
    this.rights = rights;
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
    String order =
        switch (sort == null ? "popular" : sort) {
          case "popular" -> "w.kudos_count desc, w.hits desc, w.id desc";
          case "new" -> "w.published_at desc nulls last, w.id desc";
          default -> throw ApiException.invalid("sort", "invalid", "sort is popular or new");
        };
    List<Object> params = new ArrayList<>();
    String where = where(guardian, f, null, params);
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
      items.add(new Item(card, rights.of(card.id()), inquirable.contains(card.id())));
    }
    Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
    for (String facet : FACETS) {
      facets.put(facet, facet(guardian, f, facet));
    }
    return new Result(items, next, facets);
  }

  private List<FacetValue> facet(Guardian guardian, Filters f, String facet) {
    List<Object> params = new ArrayList<>();
    String where = where(guardian, f, facet, params);
    String value =
        switch (facet) {
          case "medium" ->
              "unnest(array(select distinct r.medium from work_rights r where r.work_id = w.id"
                  + " and r.status = 'available'))";
          case "genre" -> "unnest(w.genres)";
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

  /** The visibility-filtered set with every filter except {@code skip}. */
  private static String where(Guardian guardian, Filters f, String skip, List<Object> params) {
    StringBuilder w = new StringBuilder(guardian.worksReadable("w"));
    // Never drafts, even for their authors and admins.
    w.append(" and w.visibility <> 'draft'");
    if (!"medium".equals(skip) && !f.medium().isEmpty()) {
      w.append(
          " and exists (select 1 from work_rights r where r.work_id = w.id"
              + " and r.status = 'available' and r.medium = any(?::text[]))");
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
