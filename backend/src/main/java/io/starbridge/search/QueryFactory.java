package io.starbridge.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Builds Lucene queries from a {@link ParsedQuery}. Each typed word or phrase must match; it
 * matches when any field does (a disjunction-max over title, body, their bigram twins and handles,
 * titles weighted most). A word the segmenter splits into several tokens (a Chinese run such as
 * 三体舰队) matches exactly as a phrase, or more loosely when most of its tokens occur.
 */
public final class QueryFactory {
  private final Analyzer analyzer;

  public QueryFactory(Analyzer queryAnalyzer) {
    this.analyzer = queryAnalyzer;
  }

  static final float TITLE_BOOST = 3f;
  static final float TITLE_CJK_BOOST = 2f;
  static final float BODY_BOOST = 1f;
  static final float BODY_CJK_BOOST = 0.7f;

  /** The text part: null when nothing searchable was typed. */
  public Query text(ParsedQuery q) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    int clauses = 0;
    for (ParsedQuery.Text t : q.must) {
      Query one = textClause(t, true);
      if (one != null) {
        b.add(one, Occur.MUST);
        clauses++;
      }
    }
    if (clauses == 0) {
      return null;
    }
    for (ParsedQuery.Text t : q.mustNot) {
      Query one = textClause(t, false);
      if (one != null) {
        b.add(one, Occur.MUST_NOT);
      }
    }
    return b.build();
  }

  /** The exclusions alone (for filter-only searches). */
  public List<Query> exclusions(ParsedQuery q) {
    List<Query> out = new ArrayList<>();
    for (ParsedQuery.Text t : q.mustNot) {
      Query one = textClause(t, false);
      if (one != null) {
        out.add(one);
      }
    }
    return out;
  }

  Query textClause(ParsedQuery.Text t, boolean loose) {
    List<Query> exact = new ArrayList<>();
    add(exact, fieldQuery(SearchFields.TITLE, t.text()), TITLE_BOOST);
    add(exact, fieldQuery(SearchFields.BODY, t.text()), BODY_BOOST);
    add(exact, fieldQuery(SearchFields.TITLE_CJK, t.text()), TITLE_CJK_BOOST);
    add(exact, fieldQuery(SearchFields.BODY_CJK, t.text()), BODY_CJK_BOOST);
    if (!t.phrase()) {
      String handle = t.text().toLowerCase(Locale.ROOT);
      handle = handle.startsWith("@") ? handle.substring(1) : handle;
      exact.add(
          new BoostQuery(new TermQuery(new Term(SearchFields.HANDLE, handle)), TITLE_BOOST * 2));
    }
    if (exact.isEmpty()) {
      return null;
    }
    Query exactQ = new DisjunctionMaxQuery(exact, 0.1f);
    // Short words are matched exactly (their bigram phrase already finds them inside longer
    // words); only longer runs, typically a Chinese phrase typed without spaces, match loosely.
    if (!loose
        || t.phrase()
        || t.text().codePointCount(0, t.text().length()) < 4
        || !hasHan(t.text())) {
      // A Latin run such as "gpt4o" or "v2.0" splits into several short tokens; matching most
      // of them loosely would find every text with a "4" or a "v".
      return exactQ;
    }
    List<Query> looseParts = new ArrayList<>();
    Query wordsLoose =
        looseField(List.of(SearchFields.TITLE, SearchFields.BODY), t.text(), new float[] {3f, 1f});
    if (wordsLoose != null) {
      looseParts.add(wordsLoose);
    }
    Query bigramLoose =
        looseField(
            List.of(SearchFields.TITLE_CJK, SearchFields.BODY_CJK),
            t.text(),
            new float[] {2f, 0.7f});
    if (bigramLoose != null) {
      looseParts.add(bigramLoose);
    }
    if (looseParts.isEmpty()) {
      return exactQ;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(exactQ, Occur.SHOULD);
    b.add(new BoostQuery(new DisjunctionMaxQuery(looseParts, 0.1f), 0.5f), Occur.SHOULD);
    b.setMinimumNumberShouldMatch(1);
    return b.build();
  }

  private static boolean hasHan(String text) {
    return text.codePoints()
        .anyMatch(
            c -> {
              Character.UnicodeScript script = Character.UnicodeScript.of(c);
              return script == Character.UnicodeScript.HAN
                  || script == Character.UnicodeScript.HIRAGANA
                  || script == Character.UnicodeScript.KATAKANA
                  || script == Character.UnicodeScript.HANGUL;
            });
  }

  private static void add(List<Query> list, Query q, float boost) {
    if (q != null) {
      list.add(new BoostQuery(q, boost));
    }
  }

  /** Term or (position-exact) phrase of the analyzed text in one field; null for no tokens. */
  Query fieldQuery(String field, String text) {
    List<Token> tokens = analyze(field, text);
    if (tokens.isEmpty()) {
      return null;
    }
    if (tokens.size() == 1) {
      return new TermQuery(new Term(field, tokens.get(0).term));
    }
    PhraseQuery.Builder p = new PhraseQuery.Builder();
    for (Token tok : tokens) {
      p.add(new Term(field, tok.term), tok.position);
    }
    return p.build();
  }

  /** Most of the tokens, anywhere (for several-token words); null when there is one token. */
  private Query looseField(List<String> fields, String text, float[] boosts) {
    List<Token> tokens = analyze(fields.get(0), text);
    Set<String> distinct = tokens.stream().map(t -> t.term).collect(Collectors.toSet());
    if (distinct.size() < 2) {
      return null;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (String term : distinct) {
      List<Query> perField = new ArrayList<>();
      for (int i = 0; i < fields.size(); i++) {
        perField.add(new BoostQuery(new TermQuery(new Term(fields.get(i), term)), boosts[i]));
      }
      b.add(new DisjunctionMaxQuery(perField, 0.1f), Occur.SHOULD);
    }
    b.setMinimumNumberShouldMatch(Math.max(2, (int) Math.ceil(distinct.size() * 0.6)));
    return b.build();
  }

  record Token(String term, int position) {}

  List<Token> analyze(String field, String text) {
    List<Token> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      int pos = -1;
      while (ts.incrementToken()) {
        pos += Math.max(inc.getPositionIncrement(), 0);
        if (out.size() < 64) {
          out.add(new Token(term.toString(), Math.max(pos, 0)));
        }
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** The terms of all typed (not excluded) words, per analysis, for highlighting. */
  public Set<String> highlightTerms(ParsedQuery q, String field) {
    Set<String> out = new java.util.HashSet<>();
    for (ParsedQuery.Text t : q.must) {
      for (Token tok : analyze(field, t.text())) {
        out.add(tok.term);
      }
    }
    return out;
  }

  // ---- filters ----------------------------------------------------------------------------

  public static Query anyOf(String field, Collection<String> values) {
    List<BytesRef> refs = values.stream().map(BytesRef::new).toList();
    return new TermInSetQuery(field, refs);
  }

  public static Query created(Instant after, Instant before) {
    long lo = after == null ? Long.MIN_VALUE : after.toEpochMilli();
    long hi = before == null ? Long.MAX_VALUE : before.toEpochMilli() - 1;
    return LongPoint.newRangeQuery(SearchFields.CREATED, lo, hi);
  }

  public static Query matchAll() {
    return new MatchAllDocsQuery();
  }

  /**
   * Adds a gentle recency bonus to relevance: up to {@code RECENCY_WEIGHT} for text written now,
   * half of it at two months, towards nothing for old text. BM25 decides; age breaks near-ties. An
   * additive distance-feature clause keeps Lucene's top-k skipping (a multiplied score would not).
   */
  public static Query withRecency(Query q, long nowEpochMillis) {
    return new BooleanQuery.Builder()
        .add(q, Occur.MUST)
        .add(
            LongPoint.newDistanceFeatureQuery(
                SearchFields.CREATED, RECENCY_WEIGHT, nowEpochMillis, 60L * 86_400_000L),
            Occur.SHOULD)
        .build();
  }

  static final float RECENCY_WEIGHT = 0.5f;
}
