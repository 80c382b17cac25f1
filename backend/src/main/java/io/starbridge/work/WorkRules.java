package io.starbridge.work;

import io.starbridge.common.FieldError;
import io.starbridge.common.Texts;
import io.starbridge.topic.TopicRules;
import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What works and chapters accept beyond the request's shape. Lengths count code points. */
final class WorkRules {
  static final int TITLE_MAX = 200;
  static final int SUMMARY_MAX = 5000;
  static final int CHAPTER_MAX = 500_000;
  static final int NOTES_MAX = 10_000;

  private WorkRules() {}

  static String title(String field, String raw, boolean required, List<FieldError> errors) {
    String title = Texts.clean(raw == null ? "" : raw).replaceAll("\\s+", " ");
    int n = Texts.length(title);
    if ((required && n < 1) || n > TITLE_MAX) {
      errors.add(
          FieldError.of(
              field, "length", "must be " + (required ? 1 : 0) + "–" + TITLE_MAX + " characters"));
    } else if (Texts.hasForbiddenControlChars(title)) {
      errors.add(FieldError.of(field, "invalid", "contains invalid characters"));
    }
    return title;
  }

  static String text(String field, String raw, int max, boolean required, List<FieldError> errors) {
    String text = raw == null ? "" : Normalizer.normalize(raw, Normalizer.Form.NFC);
    if (required && text.isBlank()) {
      errors.add(FieldError.of(field, "required", "must not be empty"));
    } else if (Texts.length(text) > max) {
      errors.add(FieldError.of(field, "length", "must be at most " + max + " characters"));
    } else if (Texts.hasForbiddenControlChars(text)) {
      errors.add(FieldError.of(field, "invalid", "contains invalid characters"));
    }
    return text;
  }

  /**
   * A work tag's canonical form, or null if it is not one: compatibility-normalised first (NFKC),
   * so full-width and half-width spellings are one tag (ＳＦ and SF are "sf"), spaces become '-',
   * then as topic tags (lower case, 2–30 letters, digits, - or _). Filters use the same form.
   */
  static String canonicalTag(String raw) {
    if (raw == null) {
      return null;
    }
    return TopicRules.normalizeTag(
        Normalizer.normalize(raw, Normalizer.Form.NFKC).strip().replaceAll("\\s+", "-"));
  }

  /** Normalised tags (as topic tags), de-duplicated, at most {@code max}. */
  static List<String> tags(String field, List<String> raw, int max, List<FieldError> errors) {
    if (raw == null) {
      return List.of();
    }
    Set<String> out = new LinkedHashSet<>();
    for (int i = 0; i < raw.size(); i++) {
      String tag = canonicalTag(raw.get(i));
      if (tag == null) {
        errors.add(
            FieldError.of(
                field + "[" + i + "]", "pattern", "must be 2–30 letters, digits, - or _"));
      } else {
        out.add(tag);
      }
    }
    if (out.size() > max) {
      errors.add(FieldError.of(field, "size", "at most " + max));
    }
    return List.copyOf(out);
  }

  static final int BOOKMARK_NOTE_MAX = 5000;
  static final int BOOKMARK_TAGS_MAX = 20;
  static final int BOOKMARK_TAG_MAX = 100;

  /**
   * A bookmark's tags are the reader's own words (AO3 style), not site tags: any text of 1–100
   * characters with its spaces collapsed, de-duplicated ignoring case, at most 20.
   */
  static List<String> bookmarkTags(List<String> raw, List<FieldError> errors) {
    if (raw == null) {
      return List.of();
    }
    Set<String> seen = new LinkedHashSet<>();
    List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      String tag = Texts.clean(raw.get(i) == null ? "" : raw.get(i)).replaceAll("\\s+", " ");
      if (tag.isEmpty()
          || Texts.length(tag) > BOOKMARK_TAG_MAX
          || Texts.hasForbiddenControlChars(tag)) {
        errors.add(
            FieldError.of(
                "tags[" + i + "]", "length", "must be 1–" + BOOKMARK_TAG_MAX + " characters"));
      } else if (seen.add(foldKey(tag))) {
        out.add(tag);
      }
    }
    if (out.size() > BOOKMARK_TAGS_MAX) {
      errors.add(FieldError.of("tags", "size", "at most " + BOOKMARK_TAGS_MAX));
    }
    return List.copyOf(out);
  }

  /** The key free phrases are de-duplicated by: ignoring case and full/half width. */
  static String foldKey(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(java.util.Locale.ROOT);
  }

  /** Content warnings: short free phrases, de-duplicated ignoring case and width. */
  static List<String> warnings(List<String> raw, List<FieldError> errors) {
    if (raw == null) {
      return List.of();
    }
    Set<String> seen = new LinkedHashSet<>();
    List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      String w = Texts.clean(raw.get(i) == null ? "" : raw.get(i)).replaceAll("\\s+", " ");
      if (w.isEmpty() || Texts.length(w) > 60 || Texts.hasForbiddenControlChars(w)) {
        errors.add(FieldError.of("warnings[" + i + "]", "length", "must be 1–60 characters"));
      } else if (seen.add(foldKey(w))) {
        out.add(w);
      }
    }
    return List.copyOf(out);
  }
}
