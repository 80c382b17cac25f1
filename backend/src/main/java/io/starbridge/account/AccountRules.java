package io.starbridge.account;

import io.starbridge.common.FieldError;
import io.starbridge.common.Texts;
import jakarta.inject.Singleton;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Handles, emails and passwords: what is allowed beyond the request's shape. */
@Singleton
public class AccountRules {
  private static final Pattern HANDLE = Pattern.compile("[a-z0-9_]{3,30}");
  // Deliberately simple: one @, a dot in the domain, no spaces. Verification proves the rest.
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+$");
  private static final Set<String> RESERVED =
      Set.of(
          "admin",
          "administrator",
          "root",
          "system",
          "moderator",
          "mod",
          "mods",
          "staff",
          "support",
          "help",
          "api",
          "www",
          "mail",
          "email",
          "starbridge",
          "xingqiao",
          "official",
          "security",
          "abuse",
          "postmaster",
          "webmaster",
          "hostmaster",
          "noreply",
          "no_reply",
          "null",
          "undefined",
          "anonymous",
          "guest",
          "me",
          "you",
          "everyone",
          "all",
          "here",
          "settings",
          "login",
          "logout",
          "register",
          "signup",
          "signin",
          "auth",
          "search",
          "feed",
          "notifications",
          "groups",
          "boards",
          "topics",
          "posts",
          "works",
          "users",
          "u",
          "t",
          "b",
          "g",
          "w",
          "dev",
          "test",
          "owner",
          "registry",
          "ip",
          "docs",
          "openapi",
          "health",
          "metrics",
          "deleted",
          "deleted_user");
  private final Set<String> commonPasswords;

  public AccountRules() {
    this.commonPasswords = load("/security/common-passwords.txt");
  }

  private static Set<String> load(String resource) {
    try (InputStream in = AccountRules.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing " + resource);
      }
      Set<String> set = new HashSet<>();
      try (BufferedReader r =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          String p = line.trim();
          if (!p.isEmpty()) {
            set.add(p.toLowerCase(Locale.ROOT));
          }
        }
      }
      return Set.copyOf(set);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int commonPasswordCount() {
    return commonPasswords.size();
  }

  public static String normalizeHandle(String handle) {
    return handle == null ? null : handle.trim().toLowerCase(Locale.ROOT);
  }

  public static String normalizeEmail(String email) {
    return email == null ? null : Texts.clean(email).toLowerCase(Locale.ROOT);
  }

  public List<FieldError> checkHandle(String handle) {
    List<FieldError> errors = new ArrayList<>();
    if (!HANDLE.matcher(handle).matches()) {
      errors.add(FieldError.of("handle", "pattern", "must be 3–30 characters of a-z, 0-9 and _"));
    } else if (RESERVED.contains(handle) || handle.startsWith("deleted_")) {
      errors.add(FieldError.of("handle", "reserved", "is reserved"));
    }
    return errors;
  }

  public List<FieldError> checkEmail(String email) {
    if (!EMAIL.matcher(email).matches() || email.length() > 254) {
      return List.of(FieldError.of("email", "email", "is not a valid email address"));
    }
    return List.of();
  }

  public List<FieldError> checkPassword(
      String field, String password, String handle, String email) {
    List<FieldError> errors = new ArrayList<>();
    int length = Texts.length(password);
    if (length < 10) {
      errors.add(FieldError.of(field, "too_short", "must be at least 10 characters"));
    } else if (length > 256) {
      errors.add(FieldError.of(field, "too_long", "must be at most 256 characters"));
    } else if (password.indexOf('\0') >= 0) {
      errors.add(FieldError.of(field, "invalid", "contains invalid characters"));
    } else {
      String lower = password.toLowerCase(Locale.ROOT);
      if (commonPasswords.contains(lower) || isRepetitive(lower)) {
        errors.add(
            FieldError.of(field, "too_common", "is too common; choose a less guessable password"));
      } else if ((handle != null
              && lower.contains(handle.toLowerCase(Locale.ROOT))
              && handle.length() >= 4)
          || (email != null && lower.equals(email.toLowerCase(Locale.ROOT)))) {
        errors.add(FieldError.of(field, "like_account", "must not contain your handle or email"));
      }
    }
    return errors;
  }

  /** "aaaaaaaaaa", "1234567890", "abcabcabcabc": guessable however long. */
  private static boolean isRepetitive(String p) {
    int[] cps = p.codePoints().toArray();
    Set<Integer> distinct = new HashSet<>();
    for (int c : cps) {
      distinct.add(c);
    }
    if (distinct.size() <= 3) {
      return true;
    }
    boolean sequential = true;
    for (int i = 1; i < cps.length; i++) {
      int d = cps[i] - cps[i - 1];
      if (d != 1 && d != -1) {
        sequential = false;
        break;
      }
    }
    return sequential;
  }
}
