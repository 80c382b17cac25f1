package io.starbridge.ip;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.starbridge.common.StandardProblems;
import io.starbridge.security.Actor;
import io.starbridge.security.Guardians;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

/** The IP catalogue: works open for adaptation, with facet counts. */
@Controller("/api/v1/ip")
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "IP")
@StandardProblems
class CatalogueController {
  private final Catalogue catalogue;
  private final Guardians guardians;

  CatalogueController(Catalogue catalogue, Guardians guardians) {
    this.catalogue = catalogue;
    this.guardians = guardians;
  }

  @Get("/catalogue")
  @Operation(
      summary = "Works open for adaptation, with facet counts",
      description =
          "Works the caller may read (never drafts) with at least one right available; with"
              + " medium, available for that medium (translation:<language> for one language)."
              + " Filters medium, type, genre, language, length (short_story < 7,500 words,"
              + " novelette < 17,500, novella < 40,000, novel < 100,000, long_novel), rating,"
              + " status, popularity (quiet, noticed, popular, hit by hits + 10 × kudos + 20 ×"
              + " bookmarks: < 100, < 1,000, < 10,000, more) may repeat: any of one facet's"
              + " values, all facets. q uses the search syntax. sort: relevance (default with"
              + " q), popular (default without), new. facets: per facet [{value, count}], each"
              + " counted over the works the caller may read with every filter but its own."
              + " rebuilding: true while the search index rebuilds (then answered from SQL, q"
              + " matching title or summary). Each item's canInquire says whether the caller may send an"
              + " adaptation inquiry.")
  Catalogue.Result catalogue(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @Nullable @QueryValue List<String> medium,
      @Nullable @QueryValue List<String> type,
      @Nullable @QueryValue List<String> genre,
      @Nullable @QueryValue List<String> language,
      @Nullable @QueryValue List<String> length,
      @Nullable @QueryValue List<String> rating,
      @Nullable @QueryValue List<String> status,
      @Nullable @QueryValue List<String> popularity,
      @Nullable @QueryValue String q,
      @Nullable @QueryValue String sort,
      @Nullable @QueryValue String cursor,
      @Nullable @QueryValue Integer limit) {
    int n = limit == null ? 20 : Math.max(1, Math.min(limit, 50));
    return catalogue.search(
        guardians.of(actor),
        new Catalogue.Filters(
            clean(medium),
            clean(type),
            clean(genre),
            clean(language),
            clean(length),
            clean(rating),
            clean(status),
            clean(popularity),
            q),
        sort,
        cursor,
        n);
  }

  private static List<String> clean(List<String> values) {
    return values == null ? List.of() : values.stream().filter(v -> !v.isBlank()).toList();
  }
}
