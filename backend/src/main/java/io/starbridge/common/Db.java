package io.starbridge.common;

import io.micronaut.data.connection.ConnectionOperations;
import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Thin, transaction-aware SQL helper for read models and multi-row writes. It joins the surrounding
 * {@code @Transactional} through Micronaut Data's connection management; every value is bound as a
 * parameter, never spliced into SQL.
 */
@Singleton
public class Db {
  private final ConnectionOperations<Connection> connections;

  public Db(ConnectionOperations<Connection> connections) {
    this.connections = connections;
  }

  @FunctionalInterface
  private interface StatementCallback<T> {
    T apply(PreparedStatement ps) throws SQLException;
  }

  /**
   * Joins the surrounding transaction's connection; outside one, borrows a pooled connection in
   * auto-commit mode, so a lone read costs one round trip instead of BEGIN/query/COMMIT.
   */
  private <T> T prepareStatement(String sql, StatementCallback<T> callback) {
    return connections.executeWrite(
        status -> {
          try (PreparedStatement ps = status.getConnection().prepareStatement(sql)) {
            return callback.apply(ps);
          } catch (SQLException e) {
            throw new io.micronaut.data.exceptions.DataAccessException(
                "SQL failed: " + e.getMessage(), e);
          }
        });
  }

  @FunctionalInterface
  public interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  public <T> List<T> list(String sql, RowMapper<T> mapper, Object... params) {
    return prepareStatement(
        sql,
        ps -> {
          bind(ps, params);
          try (ResultSet rs = ps.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) {
              out.add(mapper.map(rs));
            }
            return out;
          }
        });
  }

  public <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... params) {
    List<T> rows = list(sql, mapper, params);
    return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
  }

  public long count(String sql, Object... params) {
    return one(sql, rs -> rs.getLong(1), params).orElse(0L);
  }

  public int update(String sql, Object... params) {
    return prepareStatement(
        sql,
        ps -> {
          bind(ps, params);
          return ps.executeUpdate();
        });
  }

  /** Runs an INSERT … RETURNING id (or any single-long RETURNING). */
  public long insertReturningId(String sql, Object... params) {
    return one(sql, rs -> rs.getLong(1), params)
        .orElseThrow(() -> new IllegalStateException("INSERT returned no id"));
  }

  public <T> T withConnection(ConnectionCallback<T> callback) {
    return connections.executeWrite(
        status -> {
          try {
            return callback.apply(status.getConnection());
          } catch (SQLException e) {
            throw new io.micronaut.data.exceptions.DataAccessException(
                "SQL failed: " + e.getMessage(), e);
          }
        });
  }

  @FunctionalInterface
  public interface ConnectionCallback<T> {
    T apply(Connection connection) throws SQLException;
  }

  private static void bind(PreparedStatement ps, Object... params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      Object p = params[i];
      int idx = i + 1;
      if (p == null) {
        ps.setNull(idx, Types.NULL);
      } else if (p instanceof Instant instant) {
        ps.setTimestamp(idx, Timestamp.from(instant));
      } else if (p instanceof Enum<?> e) {
        ps.setString(idx, e.name().toLowerCase(java.util.Locale.ROOT));
      } else if (p instanceof Collection<?> c) {
        ps.setArray(idx, array(ps.getConnection(), c));
      } else if (p instanceof Json json) {
        org.postgresql.util.PGobject obj = new org.postgresql.util.PGobject();
        obj.setType("jsonb");
        obj.setValue(json.value());
        ps.setObject(idx, obj);
      } else {
        ps.setObject(idx, p);
      }
    }
  }

  private static Array array(Connection c, Collection<?> values) throws SQLException {
    Object first = values.isEmpty() ? null : values.iterator().next();
    String type = first instanceof Long || first instanceof Integer ? "bigint" : "text";
    return c.createArrayOf(type, values.toArray());
  }

  private static final java.util.regex.Pattern ALIAS =
      java.util.regex.Pattern.compile("[a-z][a-z0-9_]*");

  /** Refuses anything but a plain SQL alias, for helpers that splice an alias into SQL. */
  public static String checkAlias(String alias) {
    if (!ALIAS.matcher(alias).matches()) {
      throw new IllegalArgumentException("bad SQL alias " + alias);
    }
    return alias;
  }

  /** Marks a string parameter as jsonb. */
  public record Json(String value) {}

  public static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  public static Long nullableLong(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }
}
