package io.starbridge.search;

import java.util.List;
import java.util.Map;

/**
 * A work's catalogue facets as the index files them (see {@link CatalogueSearch}): per facet
 * dimension its values, whether any right is available ({@code open}), and the popularity score the
 * "popular" sort uses.
 */
public record WorkFacets(Map<String, List<String>> dims, boolean open, long popularity) {}
