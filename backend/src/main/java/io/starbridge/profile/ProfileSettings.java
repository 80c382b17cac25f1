package io.starbridge.profile;

import io.micronaut.serde.ObjectMapper;
import io.starbridge.common.ApiException;
import io.starbridge.common.Db;
import io.starbridge.common.FieldError;
import io.starbridge.common.Texts;
import io.starbridge.markdown.Cooked;
import io.starbridge.markdown.MarkdownRenderer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks and stores the profile part of {@code PATCH /me}. Every invalid field is reported at once
 * (field names as sent, list items as {@code fields[2]}, {@code links[0].url}); nothing is written
 * unless all are valid. The bio is cooked by the {@link MarkdownRenderer} here, once.
 */
@Singleton
public class ProfileSettings {
  public static final List<String> DISCIPLINES =
      List.of(
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

  public static final List<String> MENTION_POLICIES = List.of("everyone", "following", "nobody");
  static final int BIO_MAX = 5000;
  static final int MAX_FIELDS = 10;
  static final int FIELD_MAX = 40;
  static final int MAX_LANGUAGES = 8;
  static final int MAX_LINKS = 5;
  static final int LINK_LABEL_MAX = 40;
  static final int LINK_URL_MAX = 500;
  static final int AFFILIATION_MAX = 120;
  static final int LOCATION_MAX = 80;

  private static final Pattern FIELD = Pattern.compile("[\\p{L}\\p{M}\\p{N}_-]+");
  private static final Pattern LANGUAGE =
      Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?");

  private final Db db;
  private final MarkdownRenderer markdown;
  private final ObjectMapper json;

  ProfileSettings(Db db, MarkdownRenderer markdown, ObjectMapper json) {
    this.db = db;
    this.markdown = markdown;
    this.json = json;
  }

  /** Validates everything, then writes what was sent; call inside the PATCH transaction. */
  public void update(long userId, ProfileUpdate req) {
    List<FieldError> errors = new ArrayList<>();
    Map<String, Object> set = new LinkedHashMap<>();
    if (req.bio() != null) {
      String bio = req.bio().strip();
      if (Texts.length(bio) > BIO_MAX) {
        errors.add(FieldError.of("bio", "size", "must be at most " + BIO_MAX + " characters"));
      } else if (Texts.hasForbiddenControlChars(bio)) {
        errors.add(FieldError.of("bio", "invalid", "contains invalid characters"));
      } else if (bio.isEmpty()) {
        set.put("bio", null);
        set.put("bio_html", null);
      } else {
        set.put("bio", bio);
        set.put("bio_html", "");
      }
    }
    if (req.disciplines() != null) {
      set.put("disciplines", disciplines(req.disciplines(), errors));
    }
    if (req.fields() != null) {
      set.put("fields", fields(req.fields(), errors));
    }
    if (req.affiliation() != null) {
      set.put("affiliation", line("affiliation", req.affiliation(), AFFILIATION_MAX, errors));
    }
    if (req.languages() != null) {
      set.put("languages", languages(req.languages(), errors));
    }
    if (req.links() != null) {
      set.put("links", links(req.links(), errors));
    }
    if (req.location() != null) {
      set.put("location", line("location", req.location(), LOCATION_MAX, errors));
    }
    if (req.hideFollowers() != null) {
      set.put("hide_followers", req.hideFollowers());
    }
    if (req.hideActivity() != null) {
      set.put("hide_activity", req.hideActivity());
    }
    if (req.mentionPolicy() != null) {
      if (!MENTION_POLICIES.contains(req.mentionPolicy())) {
        errors.add(
            FieldError.of(
                "mentionPolicy", "enum", "must be one of " + String.join(", ", MENTION_POLICIES)));
      } else {
        set.put("mention_policy", req.mentionPolicy());
      }
    }
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
    if (set.containsKey("bio_html") && set.get("bio") != null) {
      Cooked cooked = markdown.cook((String) set.get("bio"));
      set.put("bio_html", cooked.html());
    }
    for (Map.Entry<String, Object> e : set.entrySet()) {
      // Column names are the fixed keys above, never input.
      String cast = e.getKey().equals("links") ? "?::jsonb" : "?";
      db.update(
          "update users set " + e.getKey() + " = " + cast + ", updated_at = now() where id = ?",
          e.getValue(),
          userId);
    }
  }

  private static List<String> disciplines(List<String> raw, List<FieldError> errors) {
    Set<String> out = new LinkedHashSet<>();
    for (int i = 0; i < raw.size(); i++) {
      String d = raw.get(i);
      if (d == null || !DISCIPLINES.contains(d)) {
        errors.add(
            FieldError.of(
                "disciplines[" + i + "]",
                "enum",
                "must be one of " + String.join(", ", DISCIPLINES)));
      } else {
        out.add(d);
      }
    }
    return new ArrayList<>(out);
  }

  /** The canonical form of a field of expertise ("Synthetic Biology" → "synthetic-biology"). */
  public static String normalizeField(String raw) {
    if (raw == null) {
      return null;
    }
    String f =
        Normalizer.normalize(raw.strip(), Normalizer.Form.NFC)
            .toLowerCase(Locale.ROOT)
            .replaceAll("\\s+", "-");
    int n = Texts.length(f);
    return n >= 2 && n <= FIELD_MAX && FIELD.matcher(f).matches() ? f : null;
  }

  private static List<String> fields(List<String> raw, List<FieldError> errors) {
    Set<String> out = new LinkedHashSet<>();
    for (int i = 0; i < raw.size(); i++) {
      String f = normalizeField(raw.get(i));
      if (f == null) {
        errors.add(
            FieldError.of(
                "fields[" + i + "]",
                "pattern",
                "must be 2–" + FIELD_MAX + " letters, digits, spaces, - or _"));
      } else {
        out.add(f);
      }
    }
    if (out.size() > MAX_FIELDS) {
      errors.add(FieldError.of("fields", "size", "at most " + MAX_FIELDS + " fields"));
    }
    return new ArrayList<>(out);
  }

  private static List<String> languages(List<String> raw, List<FieldError> errors) {
    Set<String> out = new LinkedHashSet<>();
    for (int i = 0; i < raw.size(); i++) {
      String l = raw.get(i) == null ? "" : raw.get(i).strip();
      if (!LANGUAGE.matcher(l).matches()) {
        errors.add(
            FieldError.of(
                "languages[" + i + "]", "pattern", "must be a language code such as en or zh-CN"));
      } else {
        out.add(Locale.forLanguageTag(l).toLanguageTag());
      }
    }
    if (out.size() > MAX_LANGUAGES) {
      errors.add(FieldError.of("languages", "size", "at most " + MAX_LANGUAGES + " languages"));
    }
    return new ArrayList<>(out);
  }

  /** One line of text; empty clears it (null). */
  private static String line(String field, String raw, int max, List<FieldError> errors) {
    String v = Texts.clean(raw);
    if (Texts.length(v) > max) {
      errors.add(FieldError.of(field, "size", "must be at most " + max + " characters"));
    } else if (Texts.hasForbiddenControlChars(v) || v.contains("\n")) {
      errors.add(FieldError.of(field, "invalid", "must be one line without control characters"));
    }
    return v.isEmpty() ? null : v;
  }

  private Db.Json links(List<ProfileLink> raw, List<FieldError> errors) {
    List<Map<String, String>> out = new ArrayList<>();
    if (raw.size() > MAX_LINKS) {
      errors.add(FieldError.of("links", "size", "at most " + MAX_LINKS + " links"));
    }
    for (int i = 0; i < raw.size(); i++) {
      ProfileLink link = raw.get(i);
      String at = "links[" + i + "]";
      if (link == null) {
        errors.add(FieldError.of(at, "required", "must be {label, url}"));
        continue;
      }
      String url = link.url() == null ? "" : link.url().strip();
      String label = link.label() == null ? "" : Texts.clean(link.label());
      if (!isWebUrl(url)) {
        errors.add(FieldError.of(at + ".url", "url", "must be an http or https address"));
      }
      if (label.isEmpty()) {
        label = url;
      }
      if (Texts.length(label) > LINK_LABEL_MAX && link.label() != null) {
        errors.add(
            FieldError.of(
                at + ".label", "size", "must be at most " + LINK_LABEL_MAX + " characters"));
      } else if (Texts.hasForbiddenControlChars(label)) {
        errors.add(FieldError.of(at + ".label", "invalid", "contains invalid characters"));
      }
      out.add(Map.of("label", label, "url", url));
    }
    try {
      return new Db.Json(json.writeValueAsString(out));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static boolean isWebUrl(String url) {
    if (url.isEmpty() || url.length() > LINK_URL_MAX) {
      return false;
    }
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https"))
          && uri.getHost() != null
          && !uri.getHost().isEmpty();
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
