package io.starbridge.work;

/**
 * Words as AO3 counts them: every CJK character (Han, kana, Hangul) is one word; other text is
 * split into words at whitespace and punctuation (letters and digits joined by apostrophes or
 * hyphens stay one word: "don't", "well-known").
 */
public final class WordCount {
  private WordCount() {}

  public static int of(String text) {
    if (text == null || text.isEmpty()) {
      return 0;
    }
    int words = 0;
    boolean inWord = false;
    int i = 0;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      int next = i + Character.charCount(cp);
      if (isCjk(cp)) {
        words++;
        inWord = false;
      } else if (Character.isLetterOrDigit(cp)
          || Character.getType(cp) == Character.NON_SPACING_MARK) {
        if (!inWord) {
          words++;
          inWord = true;
        }
      } else if (inWord
          && (cp == '\'' || cp == '\u2019' || cp == '-')
          && next < text.length()
          && Character.isLetterOrDigit(text.codePointAt(next))
          && !isCjk(text.codePointAt(next))) {
        // joins the word across the apostrophe or hyphen
      } else {
        inWord = false;
      }
      i = next;
    }
    return words;
  }

  static boolean isCjk(int cp) {
    Character.UnicodeScript script = Character.UnicodeScript.of(cp);
    return script == Character.UnicodeScript.HAN
        || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA
        || script == Character.UnicodeScript.HANGUL;
  }
}
