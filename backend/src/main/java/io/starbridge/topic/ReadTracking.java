package io.starbridge.topic;

import io.starbridge.common.Db;
import io.starbridge.security.Actor;
import io.starbridge.security.Guardians;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

/** How far each member has read each topic: the highest post number, never moving back. */
@Singleton
public class ReadTracking {
  private final Db db;
  private final TopicLookup topics;
  private final Guardians guardians;

  ReadTracking(Db db, TopicLookup topics, Guardians guardians) {
    this.db = db;
    this.topics = topics;
    this.guardians = guardians;
  }

  /** POST /topics/{id}/read: a number past the topic's last post counts as its last post. */
  @Transactional
  public void markRead(Actor actor, long topicId, int postNumber) {
    Topic topic = topics.require(topicId);
    guardians.of(actor).ensureCanMarkRead(topic);
    record(actor.id(), topicId, postNumber);
  }

  /** Authors have read what they wrote. */
  public void record(long userId, long topicId, int postNumber) {
    db.update(
        """
        insert into topic_reads (user_id, topic_id, last_read_post_number)
        values (?, ?, least(?, (select highest_post_number from topics where id = ?)))
        on conflict (user_id, topic_id) do update
           set last_read_post_number = greatest(topic_reads.last_read_post_number, excluded.last_read_post_number),
               updated_at = now()
        """,
        userId,
        topicId,
        postNumber,
        topicId);
  }
}
