package io.starbridge.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Inputs known to make CommonMark parsers nest without end, rescan the rest of the text at every
 * character, or multiply their output. Each must render within a second, to bounded output, safely.
 */
class PathologicalInputTest {
  private static final int SIZE = 64_000;
  private static final FlexmarkRenderer renderer =
      new FlexmarkRenderer(handles -> Set.copyOf(handles));

  @BeforeAll
  static void warmUp() {
    // The limit is for a running server, not for a cold JIT.
    String sample =
        "# T\n\n*a* **b** `c` [d](https://e.example) @fff #ggg $h$ >!i!<\n\n- j\n\n> k\n\n| l |\n|---|\n| m |\n\n";
    for (int i = 0; i < 20; i++) {
      renderer.cook(sample.repeat(50));
    }
  }

  static Stream<Arguments> inputs() {
    return Stream.of(
        input("10,000 nested quotes", ">".repeat(10_000) + " deep"),
        input("nested quotes with spaces", "> ".repeat(SIZE / 2) + "deep"),
        input("nested lists", "- ".repeat(SIZE / 2) + "deep"),
        input("nested ordered lists", "1. ".repeat(SIZE / 3) + "deep"),
        input("quotes and lists", "> - ".repeat(SIZE / 4) + "deep"),
        input("nested spoiler blocks", ">!".repeat(SIZE / 2) + "deep"),
        input("lists nested by indentation", indentedList()),
        input("open brackets", "[".repeat(SIZE)),
        input("unclosed link destinations", "[a](".repeat(SIZE / 4)),
        input("nested links", "[".repeat(SIZE / 2) + "a" + "](b)".repeat(SIZE / 8)),
        input("open images", "![".repeat(SIZE / 2)),
        input("star run", "*".repeat(SIZE)),
        input("star word run", "*a".repeat(SIZE / 2)),
        input("nested emphasis", "*".repeat(SIZE / 2 - 1) + "a" + "*".repeat(SIZE / 2 - 1)),
        input("mixed delimiters", "*_".repeat(SIZE / 2)),
        input("tildes", "~~a".repeat(SIZE / 3)),
        input("unmatched backticks", "`a``".repeat(SIZE / 4)),
        input("angle brackets", "<".repeat(SIZE)),
        input("www run", "www.a".repeat(SIZE / 5)),
        input("url run", "http://a.example/".repeat(SIZE / 17)),
        input("wide table header", "|a".repeat(SIZE / 4) + "\n" + "|-".repeat(SIZE / 4) + "\n"),
        input(
            "wide table with many short rows",
            "|a".repeat(SIZE / 8) + "\n" + "|-".repeat(SIZE / 8) + "\n" + "x\n".repeat(SIZE / 4)),
        input("unclosed reference definitions", "[a]: <b\n".repeat(SIZE / 8)),
        input("a paragraph of not-quite headings", "#abc\n".repeat(SIZE / 5)),
        input("a paragraph of 32,000 lines", "a\n".repeat(SIZE / 2)),
        input(
            "reference used thousands of times",
            "[r]: https://x.example/" + "y".repeat(SIZE / 2) + "\n\n" + "[r]".repeat(SIZE / 6)),
        input("dollars", "$a ".repeat(SIZE / 3)),
        input("display dollars", "$$a".repeat(SIZE / 3)),
        input("math fences", "$$\n".repeat(SIZE / 3)),
        input("spoiler openers", ">!a ".repeat(SIZE / 4)),
        input("spoiler openers then closers", "a >!".repeat(SIZE / 8) + "!<a".repeat(SIZE / 6)),
        input("mentions", "@abcd ".repeat(SIZE / 6)),
        input("tags", "#abcd ".repeat(SIZE / 6)),
        input("task list", "- [ ] a\n".repeat(SIZE / 8)),
        input("one long CJK paragraph", "星桥连接科幻作者与科学家。".repeat(SIZE / 13)));
  }

  private static Arguments input(String name, String markdown) {
    return Arguments.of(name, markdown);
  }

  private static String indentedList() {
    StringBuilder b = new StringBuilder();
    for (int depth = 0; b.length() < SIZE; depth++) {
      b.append(" ".repeat(2 * depth)).append("- x\n");
    }
    return b.toString();
  }

  /**
   * Time is measured as this thread's CPU time: on a shared machine under load, wall-clock time
   * says more about the neighbours than about the renderer.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("inputs")
  void rendersWithinASecondToBoundedSafeOutput(String name, String markdown) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long wallStart = System.nanoTime();
    long cpuStart = threads.getCurrentThreadCpuTime();
    Cooked cooked = renderer.cook(markdown);
    Duration cpu = Duration.ofNanos(threads.getCurrentThreadCpuTime() - cpuStart);
    Duration wall = Duration.ofNanos(System.nanoTime() - wallStart);

    assertThat(cpu).as("render CPU time").isLessThan(Duration.ofSeconds(1));
    assertThat(wall).as("render wall-clock time").isLessThan(Duration.ofSeconds(10));
    assertThat(cooked.html().length())
        .as("output size")
        .isLessThan(40 * markdown.length() + 100_000);
    SafeHtml.assertSafe(cooked.html());
  }

  @Test
  void nestingBeyondTheLimitBecomesText() {
    Cooked cooked = renderer.cook(">".repeat(10_000) + " deep");
    assertThat(Jsoup.parseBodyFragment(cooked.html()).select("blockquote"))
        .hasSize(Limits.MAX_NESTING);
    assertThat(cooked.plainText()).endsWith("> deep");
  }

  @Test
  void realisticNestingIsUntouched() {
    String markdown = "> - a\n>   > b\n>   > 1. c\n";
    assertThat(Limits.limitNesting(markdown)).isSameAs(markdown);
  }

  @Test
  void tooComplexInputFallsBackToEscapedParagraphs() {
    String markdown = "<b>x</b> " + "[a](".repeat(SIZE / 4) + "\n\nsecond\nline";
    Cooked cooked = renderer.cook(markdown);
    assertThat(cooked.html())
        .startsWith("<p>&lt;b&gt;x&lt;/b&gt; [a](")
        .endsWith("<p>second<br />\nline</p>\n");
    assertThat(cooked.mentions()).isEmpty();
  }

  @Test
  void aBudgetOfReadsIsDeterministic() {
    Limits.Budget budget = new Limits.Budget("abc", Duration.ofHours(1).toNanos());
    long allowed = 1_000_000 + Limits.Budget.READS_PER_CHAR * 3;
    for (long i = 0; i < allowed; i++) {
      budget.charAt(1);
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> budget.charAt(1))
        .isInstanceOf(Limits.TooComplex.class);
  }
}
