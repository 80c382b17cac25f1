package io.starbridge.ops;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/**
 * Starts the embedded PostgreSQL and redis-server when no external servers are configured.
 *
 * <p>One set per JVM: every Micronaut context of a test run shares them. In run mode the data lives
 * under the data directory with PostgreSQL's durable settings; in test mode (system property {@code
 * starbridge.test=true}) it lives in a throw-away temporary directory.
 */
public final class EmbeddedServices {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServices.class);
  private static Map<String, Object> properties;
  private static EmbeddedPostgres postgres;
  private static RedisServer redis;

  private EmbeddedServices() {}

  /** The configuration properties that point the application at the running services. */
  public static synchronized Map<String, Object> ensureStarted() {
    if (properties != null) {
      return properties;
    }
    Map<String, Object> props = new LinkedHashMap<>();
    boolean test = RuntimeSettings.isTest();
    Path dataDir = RuntimeSettings.dataDir();
    try {
      Files.createDirectories(dataDir);
      if (RuntimeSettings.setting("DATASOURCES_DEFAULT_URL", "datasources.default.url").isEmpty()) {
        int port = startPostgres(dataDir, test);
        props.put("datasources.default.url", "jdbc:postgresql://127.0.0.1:" + port + "/postgres");
        props.put("datasources.default.username", "postgres");
        props.put("datasources.default.password", "");
      }
      if (RuntimeSettings.setting("REDIS_URI", "redis.uri").isEmpty()) {
        int port = startRedis(dataDir, test);
        props.put("redis.uri", "redis://127.0.0.1:" + port);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the embedded services", e);
    }
    properties = Map.copyOf(props);
    Runtime.getRuntime()
        .addShutdownHook(new Thread(EmbeddedServices::stop, "embedded-services-stop"));
    return properties;
  }

  private static int startPostgres(Path dataDir, boolean test) throws IOException {
    Path pgData = dataDir.resolve("postgres");
    Files.createDirectories(pgData);
    stopOrphanPostmaster(pgData);
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setDataDirectory(pgData)
            .setCleanDataDirectory(test)
            .setPort(freePort())
            .setPGStartupWait(Duration.ofSeconds(60))
            .setServerConfig("listen_addresses", "127.0.0.1")
            .setServerConfig("max_connections", "100");
    if (test) {
      // Throw-away test databases may trade durability for speed.
      builder.setServerConfig("synchronous_commit", "off").setServerConfig("fsync", "off");
    } else {
      // The library starts postgres with -F (fsync off) and synchronous_commit=off; the product
      // keeps PostgreSQL's durable defaults. Later -c options win over -F.
      builder.setServerConfig("synchronous_commit", "on").setServerConfig("fsync", "on");
      builder.setServerConfig("full_page_writes", "on");
    }
    postgres = builder.start();
    LOG.info("Embedded PostgreSQL on 127.0.0.1:{} (data {})", postgres.getPort(), pgData);
    return postgres.getPort();
  }

  /**
   * A run killed with {@code kill -9} leaves its postmaster running with the data directory locked.
   * Such an orphan has no clients left, so a smart shutdown finishes at once.
   */
  private static void stopOrphanPostmaster(Path pgData) {
    Path pidFile = pgData.resolve("postmaster.pid");
    if (!Files.isRegularFile(pidFile)) {
      return;
    }
    try {
      List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
      if (lines.isEmpty()) {
        Files.deleteIfExists(pidFile);
        return;
      }
      long pid = Long.parseLong(lines.get(0).trim());
      Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
      boolean isPostgres =
          handle.flatMap(h -> h.info().command()).map(c -> c.contains("postgres")).orElse(false);
      if (handle.isPresent() && isPostgres) {
        LOG.warn("Stopping the orphaned PostgreSQL (pid {}) of a previous run", pid);
        ProcessHandle h = handle.get();
        h.destroy();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (h.isAlive() && System.nanoTime() < deadline) {
          Thread.sleep(100);
        }
        if (h.isAlive()) {
          h.destroyForcibly();
        }
      }
      if (!isPostgres) {
        // The pid belongs to nobody or to another program: the file is stale.
        Files.deleteIfExists(pidFile);
      }
    } catch (IOException | NumberFormatException e) {
      LOG.warn("Could not read {}: {}", pidFile, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int startRedis(Path dataDir, boolean test) throws IOException {
    Path redisDir = dataDir.resolve("redis");
    Files.createDirectories(redisDir);
    stopOrphanRedis(redisDir);
    int port = freePort();
    redis =
        RedisServer.newRedisServer()
            .port(port)
            .bind("127.0.0.1")
            .setting("dir " + redisDir.toAbsolutePath())
            .setting("pidfile " + redisDir.toAbsolutePath().resolve("redis.pid"))
            .setting("daemonize no")
            .setting("appendonly no")
            // Redis holds derived data only; a snapshot merely makes restarts warmer.
            .setting(test ? "save \"\"" : "save 300 100")
            .setting("maxmemory-policy noeviction")
            .onShutdownForceStop(true)
            .build();
    redis.start();
    // redis-server writes its pid file itself; keep our own copy for the orphan check.
    LOG.info("Embedded redis-server on 127.0.0.1:{}", port);
    return port;
  }

  private static void stopOrphanRedis(Path redisDir) {
    Path pidFile = redisDir.resolve("redis.pid");
    if (!Files.isRegularFile(pidFile)) {
      return;
    }
    try {
      long pid = Long.parseLong(Files.readString(pidFile).trim());
      ProcessHandle.of(pid)
          .filter(ProcessHandle::isAlive)
          .filter(h -> h.info().command().map(c -> c.contains("redis")).orElse(false))
          .ifPresent(
              h -> {
                LOG.warn("Stopping the orphaned redis-server (pid {}) of a previous run", pid);
                h.destroyForcibly();
              });
      Files.deleteIfExists(pidFile);
    } catch (IOException | NumberFormatException e) {
      LOG.warn("Could not read {}: {}", pidFile, e.toString());
    }
  }

  private static synchronized void stop() {
    if (redis != null) {
      try {
        redis.stop();
      } catch (IOException e) {
        LOG.warn("Stopping redis-server failed: {}", e.toString());
      }
    }
    if (postgres != null) {
      try {
        postgres.close();
      } catch (IOException e) {
        LOG.warn("Stopping PostgreSQL failed: {}", e.toString());
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }
}
