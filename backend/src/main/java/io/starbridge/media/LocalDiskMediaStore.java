package io.starbridge.media;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.starbridge.ops.RuntimeSettings;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Media files under {@code <data dir>/media} ({@code STARBRIDGE_DATA_DIR}; a temporary directory in
 * tests), or under {@code starbridge.media.dir} when set. Files are written to a temporary name and
 * moved into place, so a reader never sees half a file.
 */
@Singleton
public class LocalDiskMediaStore implements MediaStore {
  private final Path dir;

  LocalDiskMediaStore(@Nullable @Value("${starbridge.media.dir:}") String configured) {
    this.dir =
        configured == null || configured.isBlank()
            ? RuntimeSettings.dataDir().resolve("media")
            : Path.of(configured).toAbsolutePath();
  }

  public Path dir() {
    return dir;
  }

  private Path path(String key) {
    if (!MediaStore.validKey(key)) {
      throw new IllegalArgumentException("bad media key");
    }
    return dir.resolve(key);
  }

  @Override
  public void put(String key, byte[] bytes) {
    Path target = path(key);
    try {
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, ".upload-", ".tmp");
      Files.write(tmp, bytes);
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Optional<byte[]> get(String key) {
    if (!MediaStore.validKey(key)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readAllBytes(path(key)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void delete(String key) {
    try {
      Files.deleteIfExists(path(key));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
