package io.starbridge.feed;

import static io.starbridge.feed.FeedApiTest.await;
import static io.starbridge.feed.FeedApiTest.feedOf;
import static io.starbridge.support.Fixtures.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.starbridge.support.ForumTest;
import io.starbridge.support.TestClient;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class WorkFeedTest extends ForumTest {

  private TestClient.Response create(Account author, String board, String visibility) {
    Map<String, Object> b = new HashMap<>();
    b.put("title", "Feed Work " + visibility);
    b.put("summary", "s");
    b.put("type", "novel");
    b.put("language", "en");
    b.put("rating", "general");
    b.put("visibility", visibility);
    b.put("board", board);
    return expect(201, author.client().post("/api/v1/works", b));
  }

  @Test
  void aPublishedWorksDiscussionTopicReachesTheAuthorsFollowersFeeds() {
    Account author = fx().member("writer");
    Account fan = fx().member("fan");
    String board = fx().board();
    expect(204, fan.client().put("/api/v1/users/" + author.handle() + "/follow", Map.of()));
    assertThat(feedOf(fan)).isEmpty(); // warm

    TestClient.Response draft = create(author, board, "draft");
    assertThat(draft.get("topicId")).isNull();
    TestClient.Response pub = create(author, board, "public");
    long topic = ((Number) pub.get("topicId")).longValue();
    assertThat(await(fan, f -> f.contains(topic))).containsExactly(topic);
    assertThat(feedOf(author)).doesNotContain(topic);

    // Publishing the draft later opens its discussion, which reaches the feed then.
    long draftId = id(draft);
    TestClient.Response updated =
        expect(
            200, author.client().patch("/api/v1/works/" + draftId, Map.of("visibility", "public")));
    long second = ((Number) updated.get("topicId")).longValue();
    assertThat(await(fan, f -> f.contains(second))).contains(second, topic);
  }
}
