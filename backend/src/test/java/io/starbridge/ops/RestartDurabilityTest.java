package io.starbridge.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.serde.ObjectMapper;
import io.starbridge.support.TestClient;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Starts the real application as a separate process on an empty STARBRIDGE_DATA_DIR (the run mode:
 * embedded PostgreSQL with durable settings), registers, restarts it, and signs in again; then
 * kills it with SIGKILL and checks the next start copes with the orphaned PostgreSQL.
 */
class RestartDurabilityTest {
  private static final String PASSWORD = "a durable passphrase 2026";
  private final ObjectMapper json = ObjectMapper.getDefault();
  private Process process;
  private Path dataDir;

  @AfterEach
  void cleanUp() throws Exception {
    stop(false);
    if (dataDir != null) {
      Path pidFile = dataDir.resolve("postgres/postmaster.pid");
      if (Files.exists(pidFile)) {
        long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
      }
      try (var paths = Files.walk(dataDir)) {
        paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }

  @Test
  void accountsSurviveARestartAndAKill() throws Exception {
    dataDir = Files.createTempDirectory("starbridge-durability-");
    int port = freePort();
    URI base = URI.create("http://127.0.0.1:" + port);

    start(port);
    TestClient c = new TestClient(base, json);
    String handle = "durable_" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    String email = handle + "@example.org";
    assertThat(
            c.post(
                    "/api/v1/auth/register",
                    Map.of("handle", handle, "email", email, "password", PASSWORD))
                .status())
        .isEqualTo(201);
    @SuppressWarnings("unchecked")
    String link = ((List<String>) c.get("/dev/mailbox").items().get(0).get("links")).get(0);
    assertThat(
            c.post(
                    "/api/v1/auth/verify-email",
                    Map.of("token", link.substring(link.indexOf("token=") + 6)))
                .status())
        .isEqualTo(200);
    assertThat(postmasterCommandLine()).contains("fsync=on").contains("synchronous_commit=on");

    stop(false);
    assertThat(Files.exists(dataDir.resolve("postgres/postmaster.pid")))
        .as("PostgreSQL stopped with the app")
        .isFalse();

    start(port);
    TestClient again = new TestClient(base, json);
    TestClient.Response login =
        again.post("/api/v1/auth/login", Map.of("login", handle, "password", PASSWORD));
    assertThat(login.status()).isEqualTo(200);
    assertThat(login.get("emailVerified")).isEqualTo(true);

    stop(true); // kill -9: the embedded PostgreSQL is left running with the data directory
    start(port);
    assertThat(
            new TestClient(base, json)
                .post("/api/v1/auth/login", Map.of("login", email, "password", PASSWORD))
                .status())
        .isEqualTo(200);
  }

  private void start(int port) throws Exception {
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp",
                classpath,
                "io.starbridge.Application"));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    Map<String, String> env = pb.environment();
    env.remove("DATASOURCES_DEFAULT_URL");
    env.remove("REDIS_URI");
    env.remove("STARBRIDGE_DB_SCHEMA");
    env.put("STARBRIDGE_DATA_DIR", dataDir.toString());
    env.put("STARBRIDGE_PORT", Integer.toString(port));
    pb.redirectErrorStream(true);
    pb.redirectOutput(dataDir.resolve("app.log").toFile());
    process = pb.start();
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    TestClient probe = new TestClient(URI.create("http://127.0.0.1:" + port), json);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("app exited: " + Files.readString(dataDir.resolve("app.log")));
      }
      try {
        if (probe.get("/health").status() == 200) {
          return;
        }
      } catch (RuntimeException notYet) {
        // not listening yet
      }
      Thread.sleep(300);
    }
    throw new AssertionError(
        "app did not become healthy: " + Files.readString(dataDir.resolve("app.log")));
  }

  private void stop(boolean kill) throws InterruptedException {
    if (process == null || !process.isAlive()) {
      return;
    }
    if (kill) {
      process.destroyForcibly();
    } else {
      process.destroy();
    }
    process.waitFor();
    process = null;
  }

  private String postmasterCommandLine() throws IOException {
    long pid =
        Long.parseLong(
            Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).trim());
    return new String(
            Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
            StandardCharsets.UTF_8)
        .replace('\0', ' ');
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
