package io.starbridge.topic;

import io.starbridge.board.BoardCounters;
import io.starbridge.group.GroupCounters;
import jakarta.inject.Singleton;
import java.time.Instant;

/** Counts topics and posts on the place a topic lives in: its board or its group. */
@Singleton
class PlaceCounters {
  private final BoardCounters boards;
  private final GroupCounters groups;

  PlaceCounters(BoardCounters boards, GroupCounters groups) {
    this.boards = boards;
    this.groups = groups;
  }

  void topicAdded(Topic topic, int posts, Instant lastActivity) {
    if (topic.board() != null) {
      boards.topicAdded(topic.board().id(), posts, lastActivity);
    } else {
      groups.topicAdded(topic.group().id(), posts, lastActivity);
    }
  }

  void topicRemoved(Topic topic, int posts) {
    if (topic.board() != null) {
      boards.topicRemoved(topic.board().id(), posts);
    } else {
      groups.topicRemoved(topic.group().id(), posts);
    }
  }

  void postAdded(Topic topic, Instant at) {
    if (topic.board() != null) {
      boards.postAdded(topic.board().id(), at);
    } else {
      groups.postAdded(topic.group().id(), at);
    }
  }

  void postRemoved(Topic topic) {
    if (topic.board() != null) {
      boards.postRemoved(topic.board().id());
    } else {
      groups.postRemoved(topic.group().id());
    }
  }
}
