package io.starbridge.ops;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CSP of the Swagger UI page: its generated index.html has inline scripts, which are allowed by
 * their SHA-256 hashes only, so the API docs work without 'unsafe-inline'.
 */
@Singleton
public class SwaggerUiCsp {
  static final String INDEX = "META-INF/swagger/views/swagger-ui/index.html";
  private static final Pattern INLINE_SCRIPT =
      Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>(.*?)</script>", Pattern.DOTALL);
  private final String policy;

  public SwaggerUiCsp() {
    List<String> hashes = new ArrayList<>();
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(INDEX)) {
      if (in != null) {
        String html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        Matcher m = INLINE_SCRIPT.matcher(html);
        while (m.find()) {
          hashes.add("'sha256-" + sha256(m.group(1)) + "'");
        }
      }
    } catch (IOException e) {
      // no docs page: the strict default applies
    }
    this.policy =
        "default-src 'self'; script-src 'self' "
            + String.join(" ", hashes)
            + "; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
  }

  public String policy() {
    return policy;
  }

  private static String sha256(String s) {
    try {
      return Base64.getEncoder()
          .encodeToString(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
