package io.starbridge.topic;

import static org.assertj.core.api.Assertions.assertThat;

import io.starbridge.common.FieldError;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopicRulesTest {
  @Test
  void slugsKeepCjkAndCollapsePunctuation() {
    assertThat(TopicRules.slug("星际 航行: Part 2!")).isEqualTo("星际-航行-part-2");
    assertThat(TopicRules.slug("  《三体》——黑暗森林？ ")).isEqualTo("三体-黑暗森林");
    assertThat(TopicRules.slug("？？？")).isEqualTo("topic");
    assertThat(TopicRules.slug("Ｆｕｌｌｗｉｄｔｈ ＡＢＣ")).isEqualTo("fullwidth-abc");
    assertThat(TopicRules.slug("x".repeat(300))).hasSize(80);
  }

  @Test
  void tagsAreLowerCasedDedupedAndChecked() {
    List<FieldError> errors = new ArrayList<>();
    assertThat(TopicRules.tags(List.of("SciFi", "scifi", "硬科幻", "warp-drive", "a_b"), errors))
        .containsExactly("scifi", "硬科幻", "warp-drive", "a_b");
    assertThat(errors).isEmpty();
    TopicRules.tags(List.of("x", "has space", "emoji😀", "a".repeat(31)), errors);
    assertThat(errors)
        .extracting(FieldError::field)
        .containsExactly("tags[0]", "tags[1]", "tags[2]", "tags[3]");
  }

  @Test
  void titlesCountCodePointsAndCollapseSpaces() {
    List<FieldError> errors = new ArrayList<>();
    assertThat(TopicRules.title("  曲率   引擎讨论  ", errors)).isEqualTo("曲率 引擎讨论");
    assertThat(errors).isEmpty();
    TopicRules.title("😀😀😀😀😀", errors);
    assertThat(errors).hasSize(1);
  }
}
