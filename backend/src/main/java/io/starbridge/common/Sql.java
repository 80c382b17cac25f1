package io.starbridge.common;

import java.util.ArrayList;
import java.util.List;

/**
 * SQL assembled in pieces with its parameters kept in step, for read models whose WHERE clause
 * depends on the request. Values are always bound; only fixed text is appended.
 */
public final class Sql {
  private final StringBuilder text = new StringBuilder();
  private final List<Object> params = new ArrayList<>();

  public Sql append(String sql, Object... values) {
    text.append(sql);
    params.addAll(java.util.Arrays.asList(values));
    return this;
  }

  public Sql append(Sql other) {
    text.append(other.text);
    params.addAll(other.params);
    return this;
  }

  public String text() {
    return text.toString();
  }

  public Object[] params() {
    return params.toArray();
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
