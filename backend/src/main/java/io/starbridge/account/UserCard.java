package io.starbridge.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.starbridge.common.Db;
import io.starbridge.media.MediaUrls;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/**
 * A person as content shows them (post author, last poster, reactor). Read models select it with
 * {@link #columns} and read it with {@link #read}, so a field added here (badges, discipline)
 * reaches every screen at once.
 *
 * @param avatarUrl the small (64 px) avatar, or null
 * @param badges {@code verified_scientist}, {@code verified_industry} (denormalised on users)
 */
@Serdeable
public record UserCard(
    long id,
    String handle,
    String displayName,
    String role,
    int trustLevel,
    @Nullable String avatarUrl,
    List<String> badges) {
  /**
   * The select-list of a card from the users row aliased {@code alias}, columns named {@code
   * alias_*}.
   */
  public static String columns(String alias) {
    Db.checkAlias(alias);
    return String.join(
        ", ",
        alias + ".id as " + alias + "_id",
        alias + ".handle as " + alias + "_handle",
        alias + ".display_name as " + alias + "_display_name",
        alias + ".role as " + alias + "_role",
        alias + ".trust_level as " + alias + "_trust_level",
        alias + ".avatar_key as " + alias + "_avatar_key",
        alias + ".badges as " + alias + "_badges");
  }

  /** The card selected by {@link #columns}, or null when the (outer-joined) user is absent. */
  public static UserCard read(ResultSet rs, String alias) throws SQLException {
    long id = rs.getLong(alias + "_id");
    if (rs.wasNull()) {
      return null;
    }
    java.sql.Array badges = rs.getArray(alias + "_badges");
    return new UserCard(
        id,
        rs.getString(alias + "_handle"),
        rs.getString(alias + "_display_name"),
        rs.getString(alias + "_role"),
        rs.getInt(alias + "_trust_level"),
        MediaUrls.smallAvatar(rs.getString(alias + "_avatar_key")),
        badges == null ? List.of() : Arrays.asList((String[]) badges.getArray()));
  }
}
