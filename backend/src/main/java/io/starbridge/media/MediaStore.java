package io.starbridge.media;

import java.util.Optional;

/**
 * Where re-encoded images live. Keys are one path segment of {@code [a-z0-9-]} plus an extension
 * that fixes the content type ({@link #contentType}); the bytes behind a key never change, so they
 * are served as immutable. The local-disk implementation is the default; an object store can
 * implement the same three operations.
 */
public interface MediaStore {
  java.util.regex.Pattern KEY =
      java.util.regex.Pattern.compile("[a-z0-9][a-z0-9-]{0,80}\\.(png|jpg)");

  void put(String key, byte[] bytes);

  Optional<byte[]> get(String key);

  void delete(String key);

  static boolean validKey(String key) {
    return key != null && KEY.matcher(key).matches();
  }

  /** The content type of a stored key, from its extension (never from the uploaded bytes). */
  static String contentType(String key) {
    return key.endsWith(".png") ? "image/png" : "image/jpeg";
  }
}
