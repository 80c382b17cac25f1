package io.starbridge.group;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.starbridge.common.Db;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A groups row (the write model); the Guardian judges access from it. */
@Serdeable.Serializable
public record Group(
    long id,
    String slug,
    String name,
    Visibility visibility,
    List<String> disciplines,
    List<String> fields,
    @Nullable String avatarKey,
    long createdBy,
    Instant createdAt,
    @Nullable Instant deletedAt) {

  private static final String[] COLUMNS = {
    "id",
    "slug",
    "name",
    "visibility",
    "disciplines",
    "fields",
    "avatar_key",
    "created_by",
    "created_at",
    "deleted_at"
  };

  /** The select-list of a groups row aliased {@code alias}, its columns named {@code alias_*}. */
  public static String columns(String alias) {
    Db.checkAlias(alias);
    return Stream.of(COLUMNS)
        .map(c -> alias + "." + c + " as " + alias + "_" + c)
        .collect(Collectors.joining(", "));
  }

  /** The group selected by {@link #columns}, or null when the (outer-joined) row is absent. */
  public static Group read(ResultSet rs, String alias) throws SQLException {
    String p = alias + "_";
    long id = rs.getLong(p + "id");
    if (rs.wasNull()) {
      return null;
    }
    return new Group(
        id,
        rs.getString(p + "slug"),
        rs.getString(p + "name"),
        Visibility.parse(rs.getString(p + "visibility")),
        strings(rs, p + "disciplines"),
        strings(rs, p + "fields"),
        rs.getString(p + "avatar_key"),
        rs.getLong(p + "created_by"),
        Db.instant(rs, p + "created_at"),
        Db.instant(rs, p + "deleted_at"));
  }

  static List<String> strings(ResultSet rs, String column) throws SQLException {
    java.sql.Array array = rs.getArray(column);
    return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
  }

  public boolean deleted() {
    return deletedAt != null;
  }

  public GroupRef ref() {
    return new GroupRef(id, slug, name, visibility.wire());
  }

  /**
   * Who sees a group: public (anyone reads and joins), restricted (anyone reads the about page,
   * members read the discussions, joining needs approval), secret (only members and invitees know
   * it exists).
   */
  public enum Visibility {
    PUBLIC,
    RESTRICTED,
    SECRET;

    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Visibility parse(String wire) {
      return valueOf(wire.toUpperCase(Locale.ROOT));
    }
  }
}
