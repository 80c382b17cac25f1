package io.starbridge.ip;

import io.starbridge.common.Db;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Loads {@link Inquiry} records for the Guardian; public for notifications' read-time checks. */
@Singleton
public class InquiryLookup {
  private static final String SELECT =
      "select id, work_id, inquirer_id, medium, language, state from inquiries where id = ?";

  private final Db db;

  InquiryLookup(Db db) {
    this.db = db;
  }

  public Optional<Inquiry> byId(long id) {
    return db.one(SELECT, InquiryLookup::read, id);
  }

  /** The same, with the row locked until the transaction ends (state changes, messages). */
  Optional<Inquiry> byIdForUpdate(long id) {
    return db.one(SELECT + " for update", InquiryLookup::read, id);
  }

  static Inquiry read(ResultSet rs) throws SQLException {
    return new Inquiry(
        rs.getLong("id"),
        rs.getLong("work_id"),
        rs.getLong("inquirer_id"),
        rs.getString("medium"),
        rs.getString("language"),
        rs.getString("state"));
  }
}
