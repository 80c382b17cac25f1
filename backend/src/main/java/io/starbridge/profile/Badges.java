package io.starbridge.profile;

import io.starbridge.common.Db;
import jakarta.inject.Singleton;

/**
 * Who holds which verified badge ({@code users.badges}), for features whose rules need one (the
 * industry badge for adaptation inquiries). Depends on nothing but the database, so any feature's
 * read model may ask it.
 */
@Singleton
public class Badges {
  public static final String VERIFIED_INDUSTRY = "verified_industry";

  private final Db db;

  Badges(Db db) {
    this.db = db;
  }

  public boolean has(long userId, String badge) {
    return db.count("select count(*) from users where id = ? and ? = any(badges)", userId, badge)
        > 0;
  }
}
