package io.starbridge.group;

import io.starbridge.common.FieldError;
import io.starbridge.common.Texts;
import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** What a group's name, slug, description, disciplines and fields may be. */
final class GroupRules {
  private GroupRules() {}

  /** The disciplines people and groups name (the same list profiles use). */
  static final Set<String> DISCIPLINES =
      Set.of(
          "writer",
          "translator",
          "illustrator",
          "scientist",
          "engineer",
          "film_tv",
          "games",
          "animation",
          "publishing",
          "researcher",
          "student",
          "reader");

  static final int NAME_MAX = 80;
  static final int DESCRIPTION_MAX = 10_000;
  static final int MAX_FIELDS = 10;
  static final int FIELD_MAX = 40;

  private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{1,48}[a-z0-9]");
  private static final Pattern FIELD = Pattern.compile("[\\p{L}\\p{M}\\p{N}_-]+");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  static String slug(String raw, List<FieldError> errors) {
    String slug = raw == null ? "" : raw.strip();
    if (!SLUG.matcher(slug).matches()) {
      errors.add(
          FieldError.of(
              "slug", "pattern", "must be 3–50 lower-case letters, digits or - (not at the ends)"));
    }
    return slug;
  }

  static String name(String raw, List<FieldError> errors) {
    String name = Texts.clean(raw);
    if (name == null || name.isEmpty()) {
      errors.add(FieldError.of("name", "required", "must not be empty"));
    } else if (Texts.length(name) > NAME_MAX || Texts.hasForbiddenControlChars(name)) {
      errors.add(
          FieldError.of(
              "name", "length", "must be at most " + NAME_MAX + " characters, on one line"));
    } else if (name.contains("\n")) {
      errors.add(FieldError.of("name", "invalid", "must be one line"));
    }
    return name;
  }

  static String description(String raw, List<FieldError> errors) {
    String text = raw == null ? "" : Normalizer.normalize(raw, Normalizer.Form.NFC);
    if (Texts.length(text) > DESCRIPTION_MAX) {
      errors.add(
          FieldError.of(
              "description", "length", "must be at most " + DESCRIPTION_MAX + " characters"));
    } else if (Texts.hasForbiddenControlChars(text)) {
      errors.add(FieldError.of("description", "invalid", "contains invalid characters"));
    }
    return text;
  }

  static List<String> disciplines(List<String> raw, List<FieldError> errors) {
    if (raw == null) {
      return List.of();
    }
    Set<String> out = new LinkedHashSet<>();
    for (int i = 0; i < raw.size(); i++) {
      String d = raw.get(i) == null ? "" : raw.get(i).strip().toLowerCase(Locale.ROOT);
      if (!DISCIPLINES.contains(d)) {
        errors.add(
            FieldError.of(
                "disciplines[" + i + "]",
                "enum",
                "must be one of " + String.join(", ", DISCIPLINES.stream().sorted().toList())));
      } else {
        out.add(d);
      }
    }
    return List.copyOf(out);
  }

  /** Fields of expertise: free tags, lower-cased, spaces become '-', 2–40 characters. */
  static List<String> fields(List<String> raw, List<FieldError> errors) {
    if (raw == null) {
      return List.of();
    }
    Set<String> out = new LinkedHashSet<>();
    for (int i = 0; i < raw.size(); i++) {
      String f = normalizeField(raw.get(i));
      if (f == null) {
        errors.add(
            FieldError.of(
                "fields[" + i + "]", "pattern", "must be 2–40 letters, digits, spaces, - or _"));
      } else {
        out.add(f);
      }
    }
    if (out.size() > MAX_FIELDS) {
      errors.add(FieldError.of("fields", "size", "at most " + MAX_FIELDS + " fields"));
    }
    return List.copyOf(out);
  }

  /** The canonical form of a field ("Synthetic Biology" → "synthetic-biology"), or null. */
  static String normalizeField(String raw) {
    if (raw == null) {
      return null;
    }
    String f =
        SPACES
            .matcher(
                Normalizer.normalize(raw.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT))
            .replaceAll("-");
    int n = Texts.length(f);
    return n >= 2 && n <= FIELD_MAX && FIELD.matcher(f).matches() ? f : null;
  }
}
