package io.starbridge.search;

import com.ibm.icu.text.Normalizer2;
import java.io.Reader;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.icu.ICUNormalizer2CharFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The analysis chains. Every text field first folds width and case (NFKC casefold: full-width Ａ１
 * becomes a1) and traditional to simplified Chinese, at index and query time alike. Then:
 *
 * <ul>
 *   <li>word fields ({@code title}, {@code body}, {@code name}): SmartChineseAnalyzer's HMM
 *       segmenter (Chinese words, English words), English possessives and Porter stemming — one
 *       chain for mixed Chinese/English text;
 *   <li>bigram fields ({@code *_cjk}): standard tokens with overlapping CJK bigrams plus unigrams
 *       at index time, bigrams only (a lone character stays a unigram) at query time — the recall
 *       fallback when the segmenter keeps 搜索引擎 whole and the query is 搜索;
 *   <li>edge fields ({@code *_edge}): prefixes of each token, for suggestions.
 * </ul>
 */
public final class SearchAnalysis {
  private SearchAnalysis() {}

  private static final Normalizer2 NFKC_CF = Normalizer2.getNFKCCasefoldInstance();

  static Reader fold(Reader reader) {
    return new T2SCharFilter(new ICUNormalizer2CharFilter(reader, NFKC_CF));
  }

  /** Folds a plain string the way the char filters fold text (for keyword fields and matching). */
  public static String foldString(String s) {
    return T2SCharFilter.fold(NFKC_CF.normalize(s));
  }

  /** Chinese words (HMM) and stemmed English words. */
  public static final class Words extends Analyzer {
    @Override
    protected Reader initReader(String fieldName, Reader reader) {
      return fold(reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer source = new HMMChineseTokenizer();
      TokenStream result = new EnglishPossessiveFilter(source);
      result = new LowerCaseFilter(result);
      result = new StopFilter(result, SmartChineseAnalyzer.getDefaultStopSet());
      result = new PorterStemFilter(result);
      return new TokenStreamComponents(source, result);
    }

    @Override
    protected Reader initReaderForNormalization(String fieldName, Reader reader) {
      return fold(reader);
    }
  }

  /** Overlapping CJK bigrams; {@code unigrams} adds single characters (index side). */
  public static final class Bigrams extends Analyzer {
    private final boolean unigrams;

    public Bigrams(boolean unigrams) {
      this.unigrams = unigrams;
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
      return fold(reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer source = new StandardTokenizer();
      TokenStream result = new CJKWidthFilter(source);
      result = new LowerCaseFilter(result);
      result =
          new CJKBigramFilter(
              result,
              CJKBigramFilter.HAN
                  | CJKBigramFilter.HIRAGANA
                  | CJKBigramFilter.KATAKANA
                  | CJKBigramFilter.HANGUL,
              unigrams);
      return new TokenStreamComponents(source, result);
    }
  }

  /** Token prefixes (1–20 characters), for prefix completion. */
  public static final class Edges extends Analyzer {
    @Override
    protected Reader initReader(String fieldName, Reader reader) {
      return fold(reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer source = new StandardTokenizer();
      TokenStream result = new LowerCaseFilter(source);
      result = new EdgeNGramTokenFilter(result, 1, 20, true);
      return new TokenStreamComponents(source, result);
    }
  }

  /** Folded, lower-cased standard tokens (the query side of the edge fields). */
  public static final class Plain extends Analyzer {
    @Override
    protected Reader initReader(String fieldName, Reader reader) {
      return fold(reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer source = new StandardTokenizer();
      return new TokenStreamComponents(source, new LowerCaseFilter(source));
    }
  }

  /** The per-field analyzers used to write documents. */
  public static Analyzer indexAnalyzer() {
    Map<String, Analyzer> fields = new HashMap<>();
    Analyzer bigrams = new Bigrams(true);
    Analyzer edges = new Edges();
    for (String f : SearchFields.BIGRAM_FIELDS) {
      fields.put(f, bigrams);
    }
    for (String f : SearchFields.EDGE_FIELDS) {
      fields.put(f, edges);
    }
    return new PerFieldAnalyzerWrapper(new Words(), fields);
  }

  /** The per-field analyzers used to analyze query text. */
  public static Analyzer queryAnalyzer() {
    Map<String, Analyzer> fields = new HashMap<>();
    Analyzer bigrams = new Bigrams(false);
    Analyzer plain = new Plain();
    for (String f : SearchFields.BIGRAM_FIELDS) {
      fields.put(f, bigrams);
    }
    for (String f : SearchFields.EDGE_FIELDS) {
      fields.put(f, plain);
    }
    return new PerFieldAnalyzerWrapper(new Words(), fields);
  }
}
