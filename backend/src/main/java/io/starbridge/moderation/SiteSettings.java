package io.starbridge.moderation;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import io.starbridge.common.ApiException;
import io.starbridge.common.Db;
import io.starbridge.common.FieldError;
import io.starbridge.security.Actor;
import io.starbridge.security.Guardians;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Site settings: thresholds, new-user limits and watched words, stored in PostgreSQL ({@code
 * site_settings}) over documented defaults (CONTRIBUTING), cached per node for a few seconds.
 */
@Singleton
public class SiteSettings {
  /** An integer setting and its allowed range. */
  record IntSetting(String key, int defaultValue, int min, int max) {}

  /** Defaults modelled on Discourse's (see CONTRIBUTING, "Moderation and trust"). */
  static final List<IntSetting> INTS =
      List.of(
          new IntSetting("reportHideScore", 4, 1, 100),
          new IntSetting("reportMinReporters", 2, 1, 20),
          new IntSetting("newUserMaxTopicsFirstDay", 3, 0, 100),
          new IntSetting("newUserMaxRepliesFirstDay", 10, 0, 1000),
          new IntSetting("newUserMaxLinks", 2, 0, 100),
          new IntSetting("newUserMaxImages", 0, 0, 100),
          new IntSetting("approveNewUserPosts", 2, 0, 20),
          new IntSetting("spamDuplicateWindowMinutes", 10, 1, 1440),
          new IntSetting("spamDuplicateMax", 2, 1, 100),
          new IntSetting("spamNewUserLinkFlood", 5, 1, 100),
          new IntSetting("tl1RequiresTopicsEntered", 5, 0, 100000),
          new IntSetting("tl1RequiresReadPosts", 30, 0, 100000),
          new IntSetting("tl2RequiresDaysVisited", 15, 0, 100000),
          new IntSetting("tl2RequiresTopicsEntered", 20, 0, 100000),
          new IntSetting("tl2RequiresReadPosts", 100, 0, 100000),
          new IntSetting("tl2RequiresLikesGiven", 1, 0, 100000),
          new IntSetting("tl2RequiresLikesReceived", 1, 0, 100000),
          new IntSetting("tl2RequiresReplies", 3, 0, 100000),
          new IntSetting("tl3RequiresDaysVisited", 50, 0, 100),
          new IntSetting("tl3RequiresTopicsEntered", 100, 0, 100000),
          new IntSetting("tl3RequiresReadPosts", 1000, 0, 1000000),
          new IntSetting("tl3RequiresLikesGiven", 30, 0, 100000),
          new IntSetting("tl3RequiresLikesReceived", 20, 0, 100000),
          new IntSetting("tl3RequiresReplies", 10, 0, 100000));

  /** Watched words and domains: what happens to a post containing one. */
  public static final Set<String> WORD_ACTIONS =
      Set.of("block", "require_approval", "flag", "censor");

  public static final String WATCHED_WORDS = "watchedWords";

  @io.micronaut.serde.annotation.Serdeable
  public record WatchedWord(String word, String action) {}

  private static final long CACHE_NANOS = 5_000_000_000L;

  private final Db db;
  private final ObjectMapper json;
  private final AuditLog audit;
  private final Guardians guardians;
  private volatile Map<String, Object> cache;
  private volatile long loadedAt;

  private final io.micronaut.context.env.Environment env;

  SiteSettings(
      Db db,
      ObjectMapper json,
      AuditLog audit,
      Guardians guardians,
      io.micronaut.context.env.Environment env) {
    this.env = env;
    this.db = db;
    this.json = json;
    this.audit = audit;
    this.guardians = guardians;
  }

  public int getInt(String key) {
    Object v = all().get(key);
    if (!(v instanceof Number n)) {
      throw new IllegalArgumentException("no integer setting " + key);
    }
    return n.intValue();
  }

  @SuppressWarnings("unchecked")
  public List<WatchedWord> watchedWords() {
    return (List<WatchedWord>) all().get(WATCHED_WORDS);
  }

  /** Every setting with its current value (defaults where none is stored). */
  public Map<String, Object> all() {
    Map<String, Object> c = cache;
    if (c == null || System.nanoTime() - loadedAt > CACHE_NANOS) {
      c = load();
      cache = c;
      loadedAt = System.nanoTime();
    }
    return c;
  }

  /** The admin page's view: current values and defaults. */
  public Map<String, Object> view(Actor actor) {
    guardians.of(actor).ensureAdmin();
    Map<String, Object> defaults = new LinkedHashMap<>();
    INTS.forEach(s -> defaults.put(s.key(), s.defaultValue()));
    defaults.put(WATCHED_WORDS, List.of());
    return Map.of("values", all(), "defaults", defaults);
  }

  /** Validates every key first, then stores all of them and one audit row per change. */
  @Transactional
  public Map<String, Object> patch(Actor actor, Map<String, Object> changes) {
    guardians.of(actor).ensureAdmin();
    List<FieldError> errors = new ArrayList<>();
    Map<String, Object> valid = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : changes.entrySet()) {
      String key = e.getKey();
      IntSetting def = INTS.stream().filter(s -> s.key().equals(key)).findFirst().orElse(null);
      if (def != null) {
        if (!(e.getValue() instanceof Number n)
            || n.doubleValue() != Math.rint(n.doubleValue())
            || n.intValue() < def.min()
            || n.intValue() > def.max()) {
          errors.add(
              FieldError.of(
                  key, "range", "must be a whole number from " + def.min() + " to " + def.max()));
        } else {
          valid.put(key, n.intValue());
        }
      } else if (WATCHED_WORDS.equals(key)) {
        List<WatchedWord> words = words(e.getValue(), errors);
        if (words != null) {
          valid.put(key, words);
        }
      } else {
        errors.add(FieldError.of(key, "unknown", "is not a site setting"));
      }
    }
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
    Map<String, Object> before = all();
    for (Map.Entry<String, Object> e : valid.entrySet()) {
      db.update(
          """
          insert into site_settings (key, value, updated_by) values (?, ?, ?)
          on conflict (key) do update set value = excluded.value, updated_by = excluded.updated_by, updated_at = now()
          """,
          e.getKey(),
          new Db.Json(write(e.getValue())),
          actor.id());
      audit.record(
          actor.id(),
          "settings.update",
          "setting",
          null,
          e.getKey(),
          Map.of("value", before.get(e.getKey())),
          Map.of("value", e.getValue()));
    }
    cache = null;
    Map<String, Object> after = new LinkedHashMap<>(before);
    after.putAll(valid);
    return after;
  }

  private List<WatchedWord> words(Object value, List<FieldError> errors) {
    if (!(value instanceof List<?> list) || list.size() > 2000) {
      errors.add(FieldError.of(WATCHED_WORDS, "invalid", "must be a list of {word, action}"));
      return null;
    }
    List<WatchedWord> out = new ArrayList<>();
    for (Object item : list) {
      if (!(item instanceof Map<?, ?> m)
          || !(m.get("word") instanceof String word)
          || word.isBlank()
          || word.length() > 100
          || !(m.get("action") instanceof String action)
          || !WORD_ACTIONS.contains(action)) {
        errors.add(
            FieldError.of(
                WATCHED_WORDS,
                "invalid",
                "each entry needs a word (1-100 characters) and an action: block, require_approval,"
                    + " flag or censor"));
        return null;
      }
      out.add(new WatchedWord(word.trim().toLowerCase(Locale.ROOT), action));
    }
    return out;
  }

  private Map<String, Object> load() {
    Map<String, Object> values = new LinkedHashMap<>();
    // A deployment (or the test suite) may move a default: starbridge.settings.<kebab-case-key>.
    INTS.forEach(
        s ->
            values.put(
                s.key(),
                env.getProperty("starbridge.settings." + kebab(s.key()), Integer.class)
                    .orElse(s.defaultValue())));
    values.put(WATCHED_WORDS, List.<WatchedWord>of());
    db.list(
            "select key, value::text as value from site_settings",
            rs -> Map.entry(rs.getString("key"), rs.getString("value")))
        .forEach(
            e -> {
              try {
                if (WATCHED_WORDS.equals(e.getKey())) {
                  values.put(
                      e.getKey(), json.readValue(e.getValue(), Argument.listOf(WatchedWord.class)));
                } else if (values.containsKey(e.getKey())) {
                  values.put(e.getKey(), json.readValue(e.getValue(), Integer.class));
                }
              } catch (IOException ex) {
                throw new UncheckedIOException(ex);
              }
            });
    return java.util.Collections.unmodifiableMap(values);
  }

  static String kebab(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
