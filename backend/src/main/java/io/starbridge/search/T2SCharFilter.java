package io.starbridge.search;

import com.ibm.icu.text.Transliterator;
import java.io.IOException;
import java.io.Reader;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.charfilter.BaseCharFilter;

/**
 * Folds traditional Chinese characters to simplified ones before tokenization, so the segmenter
 * (whose dictionary is simplified) sees simplified text and a query in either script matches text
 * in either script. ICU's {@code Traditional-Simplified} transform maps character by character; the
 * result per code point is cached. Offsets are corrected where a mapping changes the length, so
 * highlights land on the original text.
 */
final class T2SCharFilter extends BaseCharFilter {
  private static final Transliterator T2S = Transliterator.getInstance("Traditional-Simplified");
  private static final ConcurrentHashMap<Integer, String> CACHE = new ConcurrentHashMap<>();

  private String output;
  private int pos;

  T2SCharFilter(Reader in) {
    super(in);
  }

  /** The simplified form of one code point (the code point itself when it has none). */
  static String fold(int cp) {
    if (!isHan(cp)) {
      return null;
    }
    return CACHE.computeIfAbsent(
        cp,
        c -> {
          String s = new String(Character.toChars(c));
          synchronized (T2S) {
            return T2S.transliterate(s);
          }
        });
  }

  static boolean isHan(int cp) {
    return (cp >= 0x3400 && cp <= 0x9FFF)
        || (cp >= 0xF900 && cp <= 0xFAFF)
        || (cp >= 0x20000 && cp <= 0x3FFFF);
  }

  /** The whole string folded (for code that works on strings rather than streams). */
  static String fold(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            cp -> {
              String f = fold(cp);
              if (f == null) {
                out.appendCodePoint(cp);
              } else {
                out.append(f);
              }
            });
    return out.toString();
  }

  private void fill() throws IOException {
    StringBuilder in = new StringBuilder();
    char[] buf = new char[4096];
    int n;
    while ((n = input.read(buf)) != -1) {
      in.append(buf, 0, n);
    }
    StringBuilder out = new StringBuilder(in.length());
    int diff = 0;
    for (int i = 0; i < in.length(); ) {
      int cp = in.codePointAt(i);
      int len = Character.charCount(cp);
      String f = fold(cp);
      if (f == null || f.length() == len) {
        if (f == null) {
          out.appendCodePoint(cp);
        } else {
          out.append(f);
        }
      } else {
        out.append(f);
        diff += len - f.length();
        addOffCorrectMap(out.length(), diff);
      }
      i += len;
    }
    output = out.toString();
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    if (output == null) {
      fill();
    }
    if (pos >= output.length()) {
      return -1;
    }
    int n = Math.min(len, output.length() - pos);
    output.getChars(pos, pos + n, cbuf, off);
    pos += n;
    return n;
  }
}
