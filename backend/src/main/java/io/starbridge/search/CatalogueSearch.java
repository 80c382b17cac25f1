package io.starbridge.search;

import io.starbridge.security.Guardian;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;

/**
 * The IP catalogue over the search index: work documents with a right available, the text query
 * through the same parser as search, the caller's access tokens as a filter, facet filters as
 * drill-downs (values of one facet or-ed, facets and-ed) and facet counts by drill sideways — each
 * facet counted with every filter but its own, so the panel shows what picking another value would
 * give. Answers empty while the index is rebuilding (an index of an older layout is rebuilt at
 * start-up, see {@link SearchFields#SCHEMA}); the caller falls back to SQL.
 */
@Singleton
public class CatalogueSearch {
  /** Facet dimensions, in the order the catalogue shows them. */
  public static final List<String> DIMS = SearchFields.FACET_DIMS;

  public record Request(
      String q, Map<String, List<String>> filters, String sort, int offset, int limit) {}

  public record Count(String value, long count) {}

  /** One page of work ids in rank order, the total and per dimension its value counts. */
  public record Result(List<Long> ids, long total, Map<String, List<Count>> facets) {}

  private final SearchIndex index;
  private final SearchService search;
  private volatile Object[] cachedState; // {IndexReader, SortedSetDocValuesReaderState}

  public CatalogueSearch(SearchIndex index, SearchService search) {
    this.index = index;
    this.search = search;
  }

  /** Whether {@code q} holds words to rank by (then the default order is relevance). */
  public static boolean hasText(String q) {
    return ParsedQuery.parse(q).hasText();
  }

  public Optional<Result> search(Guardian guardian, Request r) {
    if (index.isRebuilding()) {
      return Optional.empty();
    }
    ParsedQuery pq = ParsedQuery.parse(r.q());
    pq.types.clear();
    pq.types.add("work");
    // Relevance needs words to rank by; without them the most popular come first.
    String sort = r.sort() == null || r.sort().equals("relevance") ? "relevance" : r.sort();
    if (sort.equals("relevance") && !pq.hasText()) {
      sort = "popular";
    }
    boolean relevance = sort.equals("relevance");
    Set<String> tokens = AccessTokens.caller(guardian);
    BooleanQuery.Builder base = new BooleanQuery.Builder();
    base.add(search.build(pq, tokens, relevance), Occur.MUST);
    base.add(new TermQuery(new Term(SearchFields.IP_OPEN, "1")), Occur.FILTER);
    Query baseQuery = base.build();
    Sort order =
        switch (sort) {
          case "new" ->
              new Sort(
                  new SortField(SearchFields.CREATED, SortField.Type.LONG, true),
                  SortField.FIELD_DOC);
          case "popular" ->
              new Sort(
                  new SortField(SearchFields.POPULARITY, SortField.Type.LONG, true),
                  new SortField(SearchFields.CREATED, SortField.Type.LONG, true));
          default -> null; // relevance
        };
    return index
        .withSearcher(
            s -> {
              try {
                return run(s, baseQuery, r, order);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            })
        .flatMap(x -> x);
  }

  private Optional<Result> run(IndexSearcher s, Query baseQuery, Request r, Sort order)
      throws IOException {
    FacetsConfig config = SearchFields.FACETS;
    IndexReader reader = s.getIndexReader();
    FieldInfo info =
        FieldInfos.getMergedFieldInfos(reader).fieldInfo(FacetsConfig.DEFAULT_INDEX_FIELD_NAME);
    if (info == null) {
      if (reader.docFreq(new Term(SearchFields.TYPE, "work")) > 0) {
        // Works without facets: an older layout that start-up is rebuilding; SQL answers.
        return Optional.empty();
      }
      Map<String, List<Count>> none = new LinkedHashMap<>();
      DIMS.forEach(d -> none.put(d, List.of()));
      return Optional.of(new Result(List.of(), 0, none));
    }
    SortedSetDocValuesReaderState state = state(reader);
    DrillDownQuery ddq = new DrillDownQuery(config, baseQuery);
    for (String dim : DIMS) {
      for (String value : r.filters().getOrDefault(dim, List.of())) {
        ddq.add(dim, value);
      }
    }
    DrillSideways ds = new DrillSideways(s, config, state);
    int n = Math.max(1, r.offset() + r.limit());
    DrillSideways.DrillSidewaysResult result =
        order == null ? ds.search(ddq, n) : ds.search(ddq, null, null, n, order, false);
    List<Long> ids = new ArrayList<>();
    ScoreDoc[] docs = result.hits.scoreDocs;
    for (int i = r.offset(); i < docs.length && i < r.offset() + r.limit(); i++) {
      ids.add(
          s.storedFields()
              .document(docs[i].doc)
              .getField(SearchFields.ID)
              .numericValue()
              .longValue());
    }
    Map<String, List<Count>> facets = new LinkedHashMap<>();
    for (String dim : DIMS) {
      facets.put(dim, counts(result.facets, dim));
    }
    return Optional.of(new Result(ids, result.hits.totalHits.value, facets));
  }

  private static List<Count> counts(Facets facets, String dim) throws IOException {
    FacetResult fr;
    try {
      fr = facets.getTopChildren(200, dim);
    } catch (IllegalArgumentException e) {
      fr = null; // no document carries this dimension yet
    }
    List<Count> out = new ArrayList<>();
    if (fr != null) {
      for (LabelAndValue lv : fr.labelValues) {
        if (lv.value.longValue() > 0) {
          out.add(new Count(lv.label, lv.value.longValue()));
        }
      }
    }
    return out;
  }

  /** The facet ordinals of this reader, built once per reader (searchers refresh each second). */
  private SortedSetDocValuesReaderState state(IndexReader reader) throws IOException {
    Object[] cached = cachedState;
    if (cached != null && cached[0] == reader) {
      return (SortedSetDocValuesReaderState) cached[1];
    }
    SortedSetDocValuesReaderState state =
        new DefaultSortedSetDocValuesReaderState(reader, SearchFields.FACETS);
    cachedState = new Object[] {reader, state};
    return state;
  }
}
