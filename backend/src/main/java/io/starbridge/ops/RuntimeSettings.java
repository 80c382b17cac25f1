package io.starbridge.ops;

import java.nio.file.Path;
import java.util.Optional;

/** Settings read before the application context exists (environment first, then -D). */
public final class RuntimeSettings {
  private RuntimeSettings() {}

  public static Optional<String> setting(String envName, String propertyName) {
    String value = System.getenv(envName);
    if (value == null || value.isBlank()) {
      value = System.getProperty(propertyName);
    }
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  /** True inside the test suite: embedded data then lives in a temporary directory. */
  public static boolean isTest() {
    return Boolean.getBoolean("starbridge.test")
        && setting("STARBRIDGE_DATA_DIR", "starbridge.data-dir").isEmpty();
  }

  public static Path dataDir() {
    Optional<String> configured = setting("STARBRIDGE_DATA_DIR", "starbridge.data-dir");
    if (configured.isPresent()) {
      return Path.of(configured.get()).toAbsolutePath();
    }
    if (isTest()) {
      return TestDataDir.get();
    }
    return Path.of("data").toAbsolutePath();
  }

  /** One temporary directory per test JVM, removed at exit. */
  private static final class TestDataDir {
    private static final Path DIR = create();

    static Path get() {
      return DIR;
    }

    private static Path create() {
      try {
        Path dir = java.nio.file.Files.createTempDirectory("starbridge-test-");
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () -> {
                      try (var paths = java.nio.file.Files.walk(dir)) {
                        paths
                            .sorted(java.util.Comparator.reverseOrder())
                            .forEach(p -> p.toFile().delete());
                      } catch (java.io.IOException ignored) {
                        // best effort: the OS cleans temporary directories too
                      }
                    }));
        return dir;
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }
}
