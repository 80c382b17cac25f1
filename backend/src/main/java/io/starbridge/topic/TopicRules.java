package io.starbridge.topic;

import io.starbridge.common.FieldError;
import io.starbridge.common.Texts;
import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Titles, tags and URL slugs: what a topic accepts beyond the request's shape. */
public final class TopicRules {
  public static final int TITLE_MIN = 6;
  public static final int TITLE_MAX = 200;
  public static final int MAX_TAGS = 5;

  /** Letters of any script (CJK included), digits, - and _; 2–30 characters. */
  private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{M}\\p{N}_-]+");

  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{M}\\p{N}]+");
  private static final int SLUG_MAX = 80;

  private TopicRules() {}

  /** The cleaned title, or an error added to {@code errors}. Length counts code points. */
  static String title(String raw, List<FieldError> errors) {
    String title = Texts.clean(raw == null ? "" : raw).replaceAll("\\s+", " ");
    int n = Texts.length(title);
    if (n < TITLE_MIN || n > TITLE_MAX) {
      errors.add(
          FieldError.of(
              "title", "length", "must be " + TITLE_MIN + "–" + TITLE_MAX + " characters"));
    } else if (Texts.hasForbiddenControlChars(title)) {
      errors.add(FieldError.of("title", "invalid", "contains invalid characters"));
    }
    return title;
  }

  /** Lower-cased, de-duplicated tags in the order given, or errors naming each bad one. */
  public static List<String> tags(List<String> raw, List<FieldError> errors) {
    if (raw == null) {
      return List.of();
    }
    Set<String> out = new LinkedHashSet<>();
    for (int i = 0; i < raw.size(); i++) {
      String tag = normalizeTag(raw.get(i));
      if (tag == null) {
        errors.add(
            FieldError.of("tags[" + i + "]", "pattern", "must be 2–30 letters, digits, - or _"));
      } else {
        out.add(tag);
      }
    }
    if (out.size() > MAX_TAGS) {
      errors.add(FieldError.of("tags", "size", "at most " + MAX_TAGS + " tags"));
    }
    return List.copyOf(out);
  }

  /** The canonical form of a tag, or null if it is not one. */
  public static String normalizeTag(String raw) {
    if (raw == null) {
      return null;
    }
    String tag = Normalizer.normalize(raw.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    int n = Texts.length(tag);
    return n >= 2 && n <= 30 && TAG.matcher(tag).matches() ? tag : null;
  }

  /**
   * The URL slug of a title: lower-cased, every run of characters that are not letters or digits
   * replaced by one '-', CJK kept ("星际 航行: Part 2" → "星际-航行-part-2"). Never empty.
   */
  public static String slug(String title) {
    String s =
        NOT_WORD
            .matcher(Normalizer.normalize(title, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT))
            .replaceAll("-");
    s = trimDashes(s);
    if (Texts.length(s) > SLUG_MAX) {
      s = trimDashes(s.substring(0, s.offsetByCodePoints(0, SLUG_MAX)));
    }
    return s.isEmpty() ? "topic" : s;
  }

  private static String trimDashes(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && s.charAt(start) == '-') {
      start++;
    }
    while (end > start && s.charAt(end - 1) == '-') {
      end--;
    }
    return s.substring(start, end);
  }
}
