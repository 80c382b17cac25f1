package io.starbridge.topic;

import io.starbridge.common.ApiException;
import io.starbridge.common.Db;
import jakarta.inject.Singleton;
import java.util.Optional;

/** Finds topic rows (with their board) for use-cases of this and other features. */
@Singleton
public class TopicLookup {
  private final Db db;

  TopicLookup(Db db) {
    this.db = db;
  }

  public Optional<Topic> find(long id) {
    return db.one("select " + Topic.COLUMNS + Topic.FROM + " where t.id = ?", Topic::read, id);
  }

  /** The topic, its row locked until the transaction ends (replies number themselves under it). */
  public Optional<Topic> findForUpdate(long id) {
    return db.one(
        "select " + Topic.COLUMNS + Topic.FROM + " where t.id = ? for no key update of t",
        Topic::read,
        id);
  }

  public Topic require(long id) {
    return find(id).orElseThrow(() -> ApiException.notFound("Topic"));
  }

  public Topic requireForUpdate(long id) {
    return findForUpdate(id).orElseThrow(() -> ApiException.notFound("Topic"));
  }
}
