package io.starbridge.support;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Base of API tests: a running server, fresh clients and the account fixtures. */
public abstract class ApiTest {
  private static final AtomicInteger SEQ = new AtomicInteger();
  public static final String PASSWORD = "correct horse battery staple 42";

  @Inject protected EmbeddedServer server;
  @Inject protected ObjectMapper json;

  protected TestClient client() {
    return new TestClient(URI.create(server.getURL().toString()), json);
  }

  /** A handle no other test uses, even against a shared external database. */
  protected static String uniqueHandle(String prefix) {
    String suffix = Long.toString(System.nanoTime() % 1_000_000_000L, 36) + SEQ.incrementAndGet();
    String h = (prefix + "_" + suffix).toLowerCase();
    return h.length() > 30 ? h.substring(0, 30) : h;
  }

  public record Account(String handle, String email, TestClient client, long id) {}

  protected TestClient.Response register(
      TestClient c, String handle, String email, String password) {
    return c.post(
        "/api/v1/auth/register", Map.of("handle", handle, "email", email, "password", password));
  }

  /** The newest dev-mailbox link sent to {@code email}. */
  @SuppressWarnings("unchecked")
  protected String mailLink(String email) {
    TestClient.Response box = client().get("/dev/mailbox");
    for (Map<String, Object> mail : box.items()) {
      if (email.equalsIgnoreCase((String) mail.get("to"))) {
        return ((List<String>) mail.get("links")).get(0);
      }
    }
    throw new AssertionError("no mail to " + email);
  }

  protected static String tokenOf(String link) {
    return link.substring(link.indexOf("token=") + 6);
  }

  /** Registers, verifies and signs in a new member. */
  protected Account signedIn(String prefix) {
    TestClient c = client();
    String handle = uniqueHandle(prefix);
    String email = handle + "@example.org";
    TestClient.Response r = register(c, handle, email, PASSWORD);
    if (r.status() != 201) {
      throw new AssertionError("register failed: " + r);
    }
    long id = ((Number) r.get("id")).longValue();
    c.post("/api/v1/auth/verify-email", Map.of("token", tokenOf(mailLink(email))));
    TestClient.Response login =
        c.post("/api/v1/auth/login", Map.of("login", handle, "password", PASSWORD));
    if (login.status() != 200) {
      throw new AssertionError("login failed: " + login);
    }
    return new Account(handle, email, c, id);
  }
}
