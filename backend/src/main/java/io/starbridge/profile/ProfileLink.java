package io.starbridge.profile;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** A link on a profile: {@code {label, url}}, http(s) only. */
@Serdeable
public record ProfileLink(@Nullable String label, @Nullable String url) {
  /**
   * The select-list of the links of the users row aliased {@code alias} as two ordered arrays, so
   * rows need no JSON parsing.
   */
  static String columns(String alias) {
    String links = alias == null ? "links" : alias + ".links";
    return "array(select e.l->>'label' from jsonb_array_elements("
        + links
        + ") with ordinality e(l, n) order by e.n) as link_labels,"
        + " array(select e.l->>'url' from jsonb_array_elements("
        + links
        + ") with ordinality e(l, n) order by e.n) as link_urls";
  }

  static List<ProfileLink> read(ResultSet rs) throws SQLException {
    String[] labels = (String[]) rs.getArray("link_labels").getArray();
    String[] urls = (String[]) rs.getArray("link_urls").getArray();
    List<ProfileLink> out = new ArrayList<>();
    for (int i = 0; i < Math.min(labels.length, urls.length); i++) {
      out.add(new ProfileLink(labels[i], urls[i]));
    }
    return out;
  }
}
