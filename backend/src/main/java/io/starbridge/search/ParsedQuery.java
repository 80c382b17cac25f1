package io.starbridge.search;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A search string taken apart: free words and {@code "phrases"}, excluded {@code -words}, and the
 * inline operators {@code type: board: group: author: @handle tag: #tag before: after:}. Parsing
 * never fails: whatever does not read as an operator is text, an unclosed quote ends at the end.
 */
public final class ParsedQuery {
  /** A word or phrase the user typed; {@code phrase} when it was quoted. */
  public record Text(String text, boolean phrase) {}

  public final List<Text> must = new ArrayList<>();
  public final List<Text> mustNot = new ArrayList<>();
  public final Set<String> types = new LinkedHashSet<>();
  public final Set<String> boards = new LinkedHashSet<>();
  public final Set<String> groups = new LinkedHashSet<>();
  public final Set<String> authors = new LinkedHashSet<>();
  public final Set<String> tags = new LinkedHashSet<>();
  public Instant after;
  public Instant before;

  public static final Set<String> TYPES = Set.of("topic", "post", "user", "group", "work");

  public boolean hasText() {
    return !must.isEmpty();
  }

  public static ParsedQuery parse(String q) {
    ParsedQuery out = new ParsedQuery();
    if (q == null) {
      return out;
    }
    String s = q.length() > 500 ? q.substring(0, 500) : q;
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c) || c == '\u3000') {
        i++;
        continue;
      }
      boolean negate = false;
      if ((c == '-' || c == '－') && i + 1 < n && !Character.isWhitespace(s.charAt(i + 1))) {
        negate = true;
        i++;
        c = s.charAt(i);
      }
      if (c == '"' || c == '“' || c == '”' || c == '「') {
        int end = indexOfQuote(s, i + 1);
        String phrase = s.substring(i + 1, end < 0 ? n : end).trim();
        i = end < 0 ? n : end + 1;
        if (!phrase.isEmpty()) {
          (negate ? out.mustNot : out.must).add(new Text(phrase, true));
        }
        continue;
      }
      int start = i;
      while (i < n && !Character.isWhitespace(s.charAt(i)) && s.charAt(i) != '\u3000') {
        i++;
      }
      String word = s.substring(start, i);
      if (!negate && out.operator(word)) {
        continue;
      }
      (negate ? out.mustNot : out.must).add(new Text(word, false));
    }
    return out;
  }

  private static int indexOfQuote(String s, int from) {
    for (int j = from; j < s.length(); j++) {
      char c = s.charAt(j);
      if (c == '"' || c == '”' || c == '“' || c == '」') {
        return j;
      }
    }
    return -1;
  }

  /** Applies {@code word} when it is an operator; false when it is plain text. */
  private boolean operator(String word) {
    if (word.length() > 1 && word.charAt(0) == '@') {
      authors.add(word.substring(1).toLowerCase(Locale.ROOT));
      return true;
    }
    if (word.length() > 1 && (word.charAt(0) == '#' || word.charAt(0) == '＃')) {
      tags.add(word.substring(1).toLowerCase(Locale.ROOT));
      return true;
    }
    int colon = word.indexOf(':');
    if (colon < 0) {
      colon = word.indexOf('：');
    }
    if (colon <= 0 || colon == word.length() - 1) {
      return false;
    }
    String key = word.substring(0, colon).toLowerCase(Locale.ROOT);
    String value = word.substring(colon + 1);
    if (value.startsWith("\"") && value.endsWith("\"") && value.length() > 2) {
      value = value.substring(1, value.length() - 1);
    }
    String lower = value.toLowerCase(Locale.ROOT);
    switch (key) {
      case "type" -> {
        if (!TYPES.contains(lower)) {
          return false;
        }
        types.add(lower);
      }
      case "board" -> boards.add(lower);
      case "group" -> groups.add(lower);
      case "author", "user", "by" ->
          authors.add(lower.startsWith("@") ? lower.substring(1) : lower);
      case "tag" -> tags.add(lower.startsWith("#") ? lower.substring(1) : lower);
      case "before" -> {
        Instant t = date(value, false);
        if (t == null) {
          return false;
        }
        before = t;
      }
      case "after" -> {
        Instant t = date(value, true);
        if (t == null) {
          return false;
        }
        after = t;
      }
      default -> {
        return false;
      }
    }
    return true;
  }

  /**
   * A date ({@code 2026-01-31}) or instant; {@code startOfDay} picks the start (for "after") or the
   * start of that day (exclusive bound for "before"). Null when unreadable.
   */
  public static Instant date(String value, boolean startOfDay) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value.trim());
    } catch (DateTimeParseException e) {
      // not an instant; try a date
    }
    try {
      return LocalDate.parse(value.trim()).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
