package io.starbridge.board;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.starbridge.common.Db;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A boards row (the write model); the Guardian judges access from it. Serialized into audit rows.
 */
@Serdeable.Serializable
public record Board(
    long id,
    String slug,
    String nameZh,
    String nameEn,
    String descriptionZh,
    String descriptionEn,
    int position,
    @Nullable Long parentId,
    String color,
    Access readAccess,
    int minReadTrust,
    Access postAccess,
    int minPostTrust,
    boolean approvalRequired) {

  private static final String[] COLUMNS = {
    "id",
    "slug",
    "name_zh",
    "name_en",
    "description_zh",
    "description_en",
    "position",
    "parent_id",
    "color",
    "read_access",
    "min_read_trust",
    "post_access",
    "min_post_trust",
    "approval_required"
  };

  /** The select-list of a boards row aliased {@code alias}, its columns named {@code alias_*}. */
  public static String columns(String alias) {
    Db.checkAlias(alias);
    return Stream.of(COLUMNS)
        .map(c -> alias + "." + c + " as " + alias + "_" + c)
        .collect(Collectors.joining(", "));
  }

  /** The board selected by {@link #columns}. */
  public static Board read(ResultSet rs, String alias) throws SQLException {
    String p = alias + "_";
    return new Board(
        rs.getLong(p + "id"),
        rs.getString(p + "slug"),
        rs.getString(p + "name_zh"),
        rs.getString(p + "name_en"),
        rs.getString(p + "description_zh"),
        rs.getString(p + "description_en"),
        rs.getInt(p + "position"),
        Db.nullableLong(rs, p + "parent_id"),
        rs.getString(p + "color"),
        Access.parse(rs.getString(p + "read_access")),
        rs.getInt(p + "min_read_trust"),
        Access.parse(rs.getString(p + "post_access")),
        rs.getInt(p + "min_post_trust"),
        rs.getBoolean(p + "approval_required"));
  }

  /** Who may read a board, or post in it ({@code everyone} is for reading only). */
  public enum Access {
    EVERYONE,
    SIGNED_IN,
    TRUST_LEVEL,
    STAFF;

    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Access parse(String wire) {
      return valueOf(wire.toUpperCase(Locale.ROOT));
    }
  }
}
