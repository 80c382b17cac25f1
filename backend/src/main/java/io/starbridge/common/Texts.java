package io.starbridge.common;

import java.text.Normalizer;

/** Small text rules shared by every feature that accepts user text. */
public final class Texts {
  private Texts() {}

  /** Length as a reader counts it: code points, so 中 and 😀 each count once. */
  public static int length(String s) {
    return s == null ? 0 : s.codePointCount(0, s.length());
  }

  /**
   * NFC-normalizes, trims, and rejects control characters other than tab and newlines (NUL bytes in
   * particular cannot be stored in PostgreSQL text).
   */
  public static String clean(String s) {
    if (s == null) {
      return null;
    }
    return Normalizer.normalize(s, Normalizer.Form.NFC).strip();
  }

  public static boolean hasForbiddenControlChars(String s) {
    if (s == null) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\t' || c == '\n' || c == '\r') {
        continue;
      }
      if (c < 0x20 || c == 0x7f || (c >= 0xD800 && c <= 0xDFFF && !validSurrogateAt(s, i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean validSurrogateAt(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }

  /** The first {@code max} code points of {@code text}, whitespace collapsed, "…" when cut. */
  public static String excerpt(String text, int max) {
    if (text == null) {
      return "";
    }
    String flat = text.replaceAll("\\s+", " ").strip();
    if (length(flat) <= max) {
      return flat;
    }
    int end = flat.offsetByCodePoints(0, max);
    return flat.substring(0, end).stripTrailing() + "…";
  }
}
