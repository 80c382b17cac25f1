package io.starbridge.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.starbridge.common.Db;
import io.starbridge.support.ApiTest;
import io.starbridge.support.TestClient;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@MicronautTest
class MarkdownPreviewApiTest extends ApiTest {
  private static final String PREVIEW = "/api/v1/markdown/preview";

  @Inject MarkdownRenderer renderer;
  @Inject HandleResolver handles;
  @Inject Db db;

  @Test
  void anonymousCallerIsUnauthorized() {
    TestClient.Response r = client().post(PREVIEW, Map.of("body", "hello"));
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.contentType()).startsWith("application/problem+json");
  }

  @Nested
  class ForAMember {
    @Test
    void returnsTheHtmlPostingWouldStore() {
      Account me = signedIn("md");
      String body = "Hi @" + me.handle() + " and @nobody_zz9, **bold** #Tag <script>x</script>";

      TestClient.Response r = me.client().post(PREVIEW, Map.of("body", body));

      assertThat(r.status()).isEqualTo(200);
      assertThat(r.string("bodyHtml"))
          .isEqualTo(
              "<p>Hi <a class=\"mention\" href=\"/u/"
                  + me.handle()
                  + "\" rel=\"nofollow ugc noopener\">&#64;"
                  + me.handle()
                  + "</a> and &#64;nobody_zz9, <strong>bold</strong> "
                  + "<a class=\"hashtag\" href=\"/tag/tag\" rel=\"nofollow ugc noopener\">#Tag</a> "
                  + "&lt;script&gt;x&lt;/script&gt;</p>\n")
          .isEqualTo(renderer.cook(body).html());
    }

    @Test
    void bodyOverTheLimitIsAValidationProblem() {
      TestClient.Response r =
          signedIn("md").client().post(PREVIEW, Map.of("body", "a".repeat(32_001)));
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.contentType()).startsWith("application/problem+json");
      assertThat(r.string("type")).isEqualTo("/problems/validation");
      assertThat(r.string("errors.0.field")).isEqualTo("body");
    }

    @Test
    void bodyAtTheLimitIsFine() {
      TestClient.Response r =
          signedIn("md").client().post(PREVIEW, Map.of("body", "a".repeat(32_000)));
      assertThat(r.status()).isEqualTo(200);
    }

    @Test
    void missingBodyIsAValidationProblem() {
      TestClient.Response r = signedIn("md").client().post(PREVIEW, Map.of());
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.contentType()).startsWith("application/problem+json");
      assertThat(r.string("type")).isEqualTo("/problems/validation");
    }
  }

  @Nested
  class HandleLookup {
    @Test
    void findsUsersCaseInsensitivelyButNotDeletedOnes() {
      Account kept = signedIn("md");
      Account gone = signedIn("md");
      db.update("update users set status = 'deleted' where id = ?", gone.id());

      assertThat(
              handles.existing(
                  List.of(kept.handle().toLowerCase(), gone.handle(), "no_such_user_x")))
          .containsExactly(kept.handle().toLowerCase());
      assertThat(renderer.cook("@" + gone.handle()).mentions()).isEmpty();
    }
  }
}
