package io.starbridge.profile;

import io.micronaut.core.annotation.Nullable;
import io.starbridge.media.MediaUrls;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/**
 * The profile part of the caller's own account ({@code GET /me}): what others see plus the raw bio
 * and the privacy settings. {@code /me} shows these as flat fields.
 */
public record OwnProfile(
    @Nullable String bio,
    @Nullable String bioHtml,
    List<String> disciplines,
    List<String> fields,
    @Nullable String affiliation,
    List<String> languages,
    List<ProfileLink> links,
    @Nullable String location,
    @Nullable String avatarUrl,
    @Nullable String coverUrl,
    List<String> badges,
    boolean hideFollowers,
    boolean hideActivity,
    String mentionPolicy) {

  /** The profile columns of a single-table query on users (no alias). */
  public static final String COLUMNS =
      "bio, bio_html, disciplines, fields, affiliation, languages, "
          + ProfileLink.columns(null)
          + ", location, avatar_key, cover_key, badges, hide_followers, hide_activity, mention_policy";

  public static OwnProfile read(ResultSet rs) throws SQLException {
    return new OwnProfile(
        rs.getString("bio"),
        rs.getString("bio_html"),
        strings(rs.getArray("disciplines")),
        strings(rs.getArray("fields")),
        rs.getString("affiliation"),
        strings(rs.getArray("languages")),
        ProfileLink.read(rs),
        rs.getString("location"),
        MediaUrls.avatar(rs.getString("avatar_key")),
        MediaUrls.of(rs.getString("cover_key")),
        strings(rs.getArray("badges")),
        rs.getBoolean("hide_followers"),
        rs.getBoolean("hide_activity"),
        rs.getString("mention_policy"));
  }

  static List<String> strings(Array array) throws SQLException {
    return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
  }
}
