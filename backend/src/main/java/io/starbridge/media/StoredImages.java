package io.starbridge.media;

import io.micronaut.http.multipart.CompletedFileUpload;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks, re-encodes ({@link ImagePipeline}) and stores avatars and covers under fresh random keys,
 * and removes replaced ones. Keys never change their bytes, so they are cached forever. Callers
 * point their row at the new key in a short transaction and remove the old files after commit.
 */
@Singleton
public class StoredImages {
  private static final Logger LOG = LoggerFactory.getLogger(StoredImages.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ImagePipeline pipeline;
  private final MediaStore store;

  StoredImages(ImagePipeline pipeline, MediaStore store) {
    this.pipeline = pipeline;
    this.store = store;
  }

  /** Stores both avatar sizes and returns their base key (see {@link MediaUrls#avatar}). */
  public String storeAvatar(byte[] upload) {
    ImagePipeline.Avatar avatar = pipeline.avatar(upload);
    String base = "av-" + randomId();
    store.put(base + "-256.png", avatar.large());
    store.put(base + "-64.png", avatar.small());
    return base;
  }

  /** Stores a cover and returns its key (see {@link MediaUrls#of}). */
  public String storeCover(byte[] upload) {
    byte[] cover = pipeline.cover(upload);
    String key = "cv-" + randomId() + ".jpg";
    store.put(key, cover);
    return key;
  }

  /** Removes both sizes of a replaced avatar; null does nothing. */
  public void removeAvatar(String base) {
    if (base != null) {
      remove(base + "-256.png");
      remove(base + "-64.png");
    }
  }

  /** Removes a replaced single-file image such as a cover; null does nothing. */
  public void remove(String key) {
    if (key == null) {
      return;
    }
    try {
      store.delete(key);
    } catch (RuntimeException e) {
      // An orphaned file costs disk space only; nothing points at it any more.
      LOG.warn("Could not delete media {}: {}", key, e.toString());
    }
  }

  /** The bytes of an upload, its declared size checked before they are read. */
  public static byte[] read(CompletedFileUpload file) {
    if (file.getSize() > ImagePipeline.MAX_BYTES) {
      throw ImagePipeline.tooLargeError();
    }
    try {
      return file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String randomId() {
    byte[] bytes = new byte[12];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
