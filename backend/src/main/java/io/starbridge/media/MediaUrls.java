package io.starbridge.media;

/**
 * The public addresses of stored images. An avatar is stored in two sizes under one base key
 * ({@code av-…-256.png}, {@code av-…-64.png}); a cover is one key ({@code cv-….jpg}).
 */
public final class MediaUrls {
  public static final String PREFIX = "/media/";

  private MediaUrls() {}

  /** The large (256 px) avatar, for profiles and the own account; null without an avatar. */
  public static String avatar(String baseKey) {
    return baseKey == null ? null : PREFIX + baseKey + "-256.png";
  }

  /** The small (64 px) avatar, for user cards next to content. */
  public static String smallAvatar(String baseKey) {
    return baseKey == null ? null : PREFIX + baseKey + "-64.png";
  }

  public static String of(String key) {
    return key == null ? null : PREFIX + key;
  }
}
