package io.starbridge.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Highlighted snippets computed from the stored text: the text is analyzed again with the word and
 * the bigram chains (their char filters keep offsets on the original text), the tokens equal to a
 * query token are marked, the best window is cut and everything but the {@code <mark>} tags is
 * HTML-escaped.
 */
public final class Snippets {
  private final Analyzer words = new SearchAnalysis.Words();
  private final Analyzer bigrams = new SearchAnalysis.Bigrams(true);

  static final int WINDOW = 160;

  /**
   * @param wordTerms query tokens of the word chain
   * @param bigramTerms query tokens of the bigram chain
   * @param window characters around the matches; 0 for the whole text (titles)
   */
  public String html(String text, Set<String> wordTerms, Set<String> bigramTerms, int window) {
    if (text == null) {
      return "";
    }
    String t =
        text.length() > SearchFields.MAX_BODY ? text.substring(0, SearchFields.MAX_BODY) : text;
    List<int[]> spans = new ArrayList<>();
    if (!wordTerms.isEmpty()) {
      collect(words, t, wordTerms, spans);
    }
    if (!bigramTerms.isEmpty()) {
      collect(bigrams, t, bigramTerms, spans);
    }
    spans.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(b[1], a[1]));
    List<int[]> merged = new ArrayList<>();
    for (int[] s : spans) {
      if (!merged.isEmpty() && s[0] <= merged.get(merged.size() - 1)[1]) {
        int[] last = merged.get(merged.size() - 1);
        last[1] = Math.max(last[1], s[1]);
      } else {
        merged.add(new int[] {s[0], s[1]});
      }
    }
    int from = 0;
    int to = t.length();
    if (window > 0 && t.length() > window) {
      int best = 0;
      int bestCount = -1;
      for (int[] m : merged) {
        int start = Math.max(0, m[0] - window / 4);
        int count = 0;
        for (int[] o : merged) {
          if (o[0] >= start && o[1] <= start + window) {
            count++;
          }
        }
        if (count > bestCount) {
          bestCount = count;
          best = start;
        }
      }
      from = best;
      to = Math.min(t.length(), from + window);
      if (to - from < window) {
        from = Math.max(0, to - window);
      }
      from = safeBoundary(t, from);
      to = safeBoundary(t, to);
    }
    StringBuilder out = new StringBuilder();
    if (from > 0) {
      out.append('…');
    }
    int at = from;
    for (int[] m : merged) {
      if (m[1] <= from || m[0] >= to) {
        continue;
      }
      int s = Math.max(m[0], from);
      int e = Math.min(m[1], to);
      escape(t, at, s, out);
      out.append("<mark>");
      escape(t, s, e, out);
      out.append("</mark>");
      at = e;
    }
    escape(t, at, to, out);
    if (to < text.length()) {
      out.append('…');
    }
    return out.toString();
  }

  private static int safeBoundary(String t, int i) {
    if (i > 0 && i < t.length() && Character.isLowSurrogate(t.charAt(i))) {
      return i - 1;
    }
    return i;
  }

  private static void collect(Analyzer a, String text, Set<String> terms, List<int[]> spans) {
    try (TokenStream ts = a.tokenStream("snippet", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute off = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        if (terms.contains(term.toString())) {
          int s = Math.max(0, Math.min(off.startOffset(), text.length()));
          int e = Math.max(s, Math.min(off.endOffset(), text.length()));
          if (e > s) {
            spans.add(new int[] {s, e});
          }
        }
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    escape(s, 0, s.length(), out);
    return out.toString();
  }

  private static void escape(String s, int from, int to, StringBuilder out) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
  }
}
