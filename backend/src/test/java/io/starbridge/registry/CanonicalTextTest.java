package io.starbridge.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class CanonicalTextTest {
  private static final String TEXT = "Café on Mars\n\n星桥之上，飞船缓缓降落在赤色的平原。\n";

  @Test
  void lineEndingsDoNotChangeTheHash() {
    String lf = "第一行\n第二行\n\n第三段";
    String crlf = lf.replace("\n", "\r\n");
    String cr = lf.replace("\n", "\r");
    assertThat(CanonicalText.hash(crlf)).isEqualTo(CanonicalText.hash(lf));
    assertThat(CanonicalText.hash(cr)).isEqualTo(CanonicalText.hash(lf));
    assertThat(CanonicalText.canonical(crlf)).isEqualTo(lf);
  }

  @Test
  void nfdInputHashesLikeNfc() {
    String nfd = Normalizer.normalize(TEXT, Normalizer.Form.NFD);
    assertThat(nfd).isNotEqualTo(TEXT); // é decomposes
    assertThat(CanonicalText.hash(nfd)).isEqualTo(CanonicalText.hash(TEXT));
  }

  @Test
  void bomTrailingWhitespaceAndOuterBlankLinesAreIgnored() {
    String messy = "\uFEFF\n  \n" + "Café on Mars \t\n\u3000\n星桥之上，飞船缓缓降落在赤色的平原。\u3000  \n\n\n";
    assertThat(CanonicalText.canonical(messy)).isEqualTo("Café on Mars\n\n星桥之上，飞船缓缓降落在赤色的平原。");
    assertThat(CanonicalText.hash(messy)).isEqualTo(CanonicalText.hash(TEXT));
  }

  @Test
  void theHashIsSha256OfTheUtf8CanonicalForm() {
    // printf 'abc' | sha256sum
    assertThat(CanonicalText.hash("abc\r\n"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void leadingIndentationAndInnerChangesDoMatter() {
    assertThat(CanonicalText.hash("  indented")).isNotEqualTo(CanonicalText.hash("indented"));
    assertThat(CanonicalText.hash("a\n\nb")).isNotEqualTo(CanonicalText.hash("a\nb"));
  }

  @Test
  void paragraphsSplitOnBlankLinesAndShortOnesAreNotIndexed() {
    String text =
        "Chapter 1\r\n\r\nThe first paragraph is long enough.\r\nIt has two lines.\r\n \r\n短段落\n\n这一段足够长，超过了十二个字符的门槛。";
    assertThat(CanonicalText.paragraphs(text))
        .containsExactly(
            "The first paragraph is long enough. It has two lines.", "这一段足够长，超过了十二个字符的门槛。");
    assertThat(CanonicalText.paragraphHashes(text).get(1))
        .isEqualTo(CanonicalText.hash("这一段足够长，超过了十二个字符的门槛。  \n"));
  }

  @Test
  void aParagraphMatchesWithOrWithoutItsIndentation() {
    String registered = "\u3000\u3000星舰在黎明前穿过了小行星带，舰桥上一片寂静。\n\n\u3000\u3000第二段的文字同样足够长，可以被单独验证。";
    assertThat(CanonicalText.paragraphHashes("星舰在黎明前穿过了小行星带，舰桥上一片寂静。"))
        .containsExactly(CanonicalText.paragraphHashes(registered).get(0));
    // The whole text keeps its indentation: changing it changes the content hash.
    assertThat(CanonicalText.hash(registered.replace("\u3000", "")))
        .isNotEqualTo(CanonicalText.hash(registered));
  }

  /** The paragraph a writer typed, as {@code POST /registry/drafts} or a chapter stores it. */
  private static final String TYPED =
      "\u201cWe land at dawn,\u201d said Mr.\u00a0Okafor.  The crew\u2014all six of them\u2014nodded.\n"
          + "Nobody asked about the fuel.";

  @Test
  void aParagraphCopiedFromABrowserMatchesWhatTheWriterTyped() {
    String registered = CanonicalText.paragraphHashes("Chapter 1\n\n" + TYPED).get(0);
    // Chrome copies the rendered paragraph: one line, runs of spaces collapsed, U+00A0 as a space,
    // the Markdown line break shown as a space; the clipboard has CRLF and a trailing space.
    String copied =
        "\u201cWe land at dawn,\u201d said Mr. Okafor. The crew\u2014all six of them\u2014nodded."
            + " Nobody asked about the fuel. \r\n";
    assertThat(CanonicalText.paragraphHashes(copied)).containsExactly(registered);
    // or keeps U+00A0 for the spaces (contenteditable copies), with full-width spaces pasted in
    String nbsp = copied.replace(" ", "\u00a0").replace("Okafor.\u00a0", "Okafor.\u3000\u3000");
    assertThat(CanonicalText.paragraphHashes(nbsp)).containsExactly(registered);
    // smart quotes and dashes are the writer's text: straightening them is a different paragraph
    String straight = copied.replace('\u201c', '"').replace('\u201d', '"');
    assertThat(CanonicalText.paragraphHashes(straight)).doesNotContain(registered);
    assertThat(CanonicalText.paragraphHashes(copied.replace("\u2014", "--")))
        .doesNotContain(registered);
    assertThat(CanonicalText.canonical(TYPED))
        .contains("\u201c", "\u00a0", "\u2014", "said Mr.\u00a0");
  }

  @Test
  void theWholeTextHashStaysStrictInsideLines() {
    // the documented canonical form touches only line ends, NFC, trailing whitespace and outer
    // blank lines: inner spaces and U+00A0 change the content hash
    assertThat(CanonicalText.hash("a b")).isNotEqualTo(CanonicalText.hash("a\u00a0b"));
    assertThat(CanonicalText.hash("a b")).isNotEqualTo(CanonicalText.hash("a  b"));
    assertThat(CanonicalText.canonical("\u3000\u3000\u4e00\u3000\u4e8c\u3000\r\n"))
        .isEqualTo("\u3000\u3000\u4e00\u3000\u4e8c");
  }
}
