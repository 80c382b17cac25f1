package io.starbridge.work;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordCountTest {
  @Test
  void everyCjkCharacterIsOneWord() {
    assertThat(WordCount.of("三体问题。")).isEqualTo(4);
    assertThat(WordCount.of("黑暗森林，猜疑链！")).isEqualTo(7);
    assertThat(WordCount.of("繁體中文測試")).isEqualTo(6);
  }

  @Test
  void latinWordsSplitAtWhitespaceAndPunctuation() {
    assertThat(WordCount.of("The quick brown fox.")).isEqualTo(4);
    assertThat(WordCount.of("Hello,world...again!")).isEqualTo(3);
    assertThat(WordCount.of("don't stop: a well-known 42")).isEqualTo(5);
    assertThat(WordCount.of("   ")).isZero();
    assertThat(WordCount.of(null)).isZero();
  }

  @Test
  void mixedTextCountsBoth() {
    // 我 读 了 + Three Body + 两 遍 = 7
    assertThat(WordCount.of("我读了Three Body两遍")).isEqualTo(7);
    assertThat(WordCount.of("AI 与人类")).isEqualTo(4);
  }
}
