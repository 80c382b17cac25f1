package io.starbridge.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FlexmarkRendererTest {
  private final List<Collection<String>> lookups = new ArrayList<>();
  private final FlexmarkRenderer renderer =
      new FlexmarkRenderer(
          handles -> {
            lookups.add(List.copyOf(handles));
            Set<String> known = new java.util.HashSet<>(handles);
            known.retainAll(Set.of("alice", "bob_smith", "lin"));
            return known;
          });

  private Cooked cook(String markdown) {
    Cooked cooked = renderer.cook(markdown);
    SafeHtml.assertSafe(cooked.html());
    return cooked;
  }

  private String html(String markdown) {
    return cook(markdown).html();
  }

  private Element body(String markdown) {
    return Jsoup.parseBodyFragment(html(markdown)).body();
  }

  @Nested
  class CommonMarkAndGfm {
    @Test
    void paragraphsEmphasisAndLineBreaks() {
      assertThat(html("Hello *world* and **you**\nnext line\n\nNew paragraph"))
          .isEqualTo(
              "<p>Hello <em>world</em> and <strong>you</strong><br />\nnext line</p>\n<p>New paragraph</p>\n");
    }

    @Test
    void tablesKeepColumnAlignment() {
      Element table = body("| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |").selectFirst("table");
      assertThat(table.select("thead th"))
          .extracting(e -> e.attr("align"))
          .containsExactly("left", "center", "right");
      assertThat(table.select("tbody td")).extracting(Element::text).containsExactly("1", "2", "3");
    }

    @Test
    void strikethrough() {
      assertThat(html("~~gone~~")).isEqualTo("<p><del>gone</del></p>\n");
    }

    @Test
    void taskListsAreDisabledCheckboxes() {
      Elements items = body("- [ ] todo\n- [x] done").select("li.task-list-item");
      assertThat(items).hasSize(2);
      assertThat(items.get(0).selectFirst("input").hasAttr("checked")).isFalse();
      assertThat(items.get(1).selectFirst("input").hasAttr("checked")).isTrue();
      assertThat(items.select("input"))
          .allSatisfy(
              i -> {
                assertThat(i.attr("type")).isEqualTo("checkbox");
                assertThat(i.hasAttr("disabled")).isTrue();
              });
      assertThat(items).extracting(Element::text).containsExactly("todo", "done");
    }

    @Test
    void fencedCodeCarriesItsLanguageClass() {
      assertThat(html("```java\nint x = 1 < 2;\n```"))
          .isEqualTo("<pre><code class=\"language-java\">int x &#61; 1 &lt; 2;\n</code></pre>\n");
    }

    @Test
    void fencedCodeWithoutLanguageHasNoClass() {
      assertThat(body("```\nplain\n```").selectFirst("code").hasAttr("class")).isFalse();
    }

    @Test
    void orderedListsKeepTheirStart() {
      assertThat(body("3. three\n4. four").selectFirst("ol").attr("start")).isEqualTo("3");
    }

    @Test
    void autolinksBareUrlsAndWww() {
      Cooked cooked = cook("see https://example.org/a?b=1 and www.example.com");
      assertThat(cooked.links())
          .containsExactly("https://example.org/a?b=1", "http://www.example.com");
    }
  }

  @Nested
  class Links {
    @Test
    void everyLinkIsNofollowUgcNoopener() {
      Element a = body("[site](https://example.org \"Title\")").selectFirst("a");
      assertThat(a.attr("href")).isEqualTo("https://example.org");
      assertThat(a.attr("rel")).isEqualTo("nofollow ugc noopener");
      assertThat(a.attr("title")).isEqualTo("Title");
      assertThat(a.hasAttr("target")).isFalse();
    }

    @Test
    void linksListsAbsoluteHttpUrlsOnceInOrder() {
      Cooked cooked =
          cook(
              "[a](https://b.example) [b](http://a.example) [c](https://b.example) [m](mailto:x@y.example) [r](/u/alice)");
      assertThat(cooked.links()).containsExactly("https://b.example", "http://a.example");
    }

    @Test
    void referenceLinksResolve() {
      assertThat(body("[text][ref]\n\n[ref]: https://example.org").selectFirst("a").attr("href"))
          .isEqualTo("https://example.org");
    }

    @Test
    void sitePathsAreAllowedOtherRelativeLinksAreNot() {
      Element body = body("[me](/u/alice) [up](../x) [frag](#top)");
      assertThat(body.select("a")).extracting(e -> e.attr("href")).containsExactly("/u/alice");
      assertThat(body.text()).isEqualTo("me up frag");
    }
  }

  @Nested
  class Images {
    @Test
    void becomeLinksNamedByTheirAltText() {
      Cooked cooked = cook("![a spaceship](https://img.example/ship.png)");
      assertThat(Jsoup.parse(cooked.html()).select("img")).isEmpty();
      Element a = Jsoup.parseBodyFragment(cooked.html()).selectFirst("a");
      assertThat(a.attr("href")).isEqualTo("https://img.example/ship.png");
      assertThat(a.text()).isEqualTo("a spaceship");
      assertThat(cooked.links()).containsExactly("https://img.example/ship.png");
    }

    @Test
    void withoutAltTextShowTheirUrl() {
      assertThat(body("![](https://img.example/x.png)").selectFirst("a").text())
          .isEqualTo("https://img.example/x.png");
    }

    @Test
    void referenceImagesBecomeLinksToo() {
      assertThat(
              body("![alt][img]\n\n[img]: https://img.example/y.png").selectFirst("a").attr("href"))
          .isEqualTo("https://img.example/y.png");
    }

    @Test
    void insideALinkOnlyTheAltTextRemains() {
      Elements links =
          body("[![badge](https://img.example/b.png)](https://example.org)").select("a");
      assertThat(links).hasSize(1);
      assertThat(links.get(0).attr("href")).isEqualTo("https://example.org");
      assertThat(links.get(0).text()).isEqualTo("badge");
    }
  }

  @Nested
  class RawHtml {
    @Test
    void isEscapedAndShownAsText() {
      assertThat(html("<b>bold</b> <script>alert(1)</script>"))
          .isEqualTo("<p>&lt;b&gt;bold&lt;/b&gt; &lt;script&gt;alert(1)&lt;/script&gt;</p>\n");
    }

    @Test
    void htmlBlocksDoNotHideMarkdown() {
      Element body = body("<div>\n*still markdown*\n</div>");
      assertThat(body.select("em").text()).isEqualTo("still markdown");
      assertThat(body.select("div")).isEmpty();
      assertThat(body.text()).contains("<div>");
    }

    @Test
    void commentsAreShown() {
      assertThat(cook("<!-- hidden? -->").plainText()).isEqualTo("<!-- hidden? -->");
    }
  }

  @Nested
  class Headings {
    @Test
    void moveOneLevelDownSoUserContentHasNoH1() {
      assertThat(html("# One\n## Two\n##### Five\n###### Six"))
          .isEqualTo("<h2>One</h2>\n<h3>Two</h3>\n<h6>Five</h6>\n<h6>Six</h6>\n");
    }

    @Test
    void setextHeadingsToo() {
      assertThat(html("Title\n=====")).isEqualTo("<h2>Title</h2>\n");
    }

    @Test
    void carryNoIds() {
      assertThat(body("# Intro {#main}").selectFirst("h2").hasAttr("id")).isFalse();
    }
  }

  @Nested
  class Mentions {
    @Test
    void knownHandlesLinkToTheProfile() {
      Cooked cooked = cook("Thanks @Alice and @bob_smith!");
      Elements mentions = Jsoup.parseBodyFragment(cooked.html()).select("a.mention");
      assertThat(mentions)
          .extracting(e -> e.attr("href"))
          .containsExactly("/u/alice", "/u/bob_smith");
      assertThat(mentions).extracting(Element::text).containsExactly("@Alice", "@bob_smith");
      assertThat(cooked.mentions()).containsExactly("alice", "bob_smith");
    }

    @Test
    void unknownHandlesStayText() {
      Cooked cooked = cook("Hi @nobody_here and @alice");
      assertThat(Jsoup.parseBodyFragment(cooked.html()).select("a.mention")).hasSize(1);
      assertThat(cooked.plainText()).isEqualTo("Hi @nobody_here and @alice");
      assertThat(cooked.mentions()).containsExactly("alice");
    }

    @Test
    void allHandlesAreCheckedInOneLookup() {
      cook("@alice @lin @ghost @ALICE\n\n> @bob_smith");
      assertThat(lookups).containsExactly(List.of("alice", "lin", "ghost", "bob_smith"));
    }

    @Test
    void noLookupWithoutCandidates() {
      cook("no mentions, email a@b.example, `@alice`");
      assertThat(lookups).isEmpty();
    }

    @Test
    void mentionsAreUniqueInOrder() {
      assertThat(cook("@lin @alice @Lin @alice").mentions()).containsExactly("lin", "alice");
    }

    @Test
    void notInsideCodeLinksOrEmails() {
      Cooked cooked =
          cook("`@alice`\n\n    @alice\n\n[@alice](https://x.example) alice@example.org");
      assertThat(cooked.mentions()).isEmpty();
      assertThat(Jsoup.parseBodyFragment(cooked.html()).select("a.mention")).isEmpty();
    }

    @Test
    void handlesMustLookLikeHandles() {
      assertThat(cook("@al @" + "a".repeat(31) + " @@alice \\@alice").mentions()).isEmpty();
    }

    @Test
    void workInsideEmphasisListsAndChineseText() {
      assertThat(cook("*@alice* 你好 @lin：\n- @bob_smith").mentions())
          .containsExactly("alice", "lin", "bob_smith");
    }
  }

  @Nested
  class Tags {
    @Test
    void linkToTheTagPageInLowerCase() {
      Cooked cooked = cook("Loving #SciFi and #hard-sf today");
      Elements tags = Jsoup.parseBodyFragment(cooked.html()).select("a.hashtag");
      assertThat(tags)
          .extracting(e -> e.attr("href"))
          .containsExactly("/tag/scifi", "/tag/hard-sf");
      assertThat(tags).extracting(Element::text).containsExactly("#SciFi", "#hard-sf");
      assertThat(cooked.tags()).containsExactly("scifi", "hard-sf");
    }

    @Test
    void chineseTagsArePercentEncodedInTheLink() {
      Cooked cooked = cook("新作 #科幻 #刘慈欣_三体");
      assertThat(cooked.tags()).containsExactly("科幻", "刘慈欣_三体");
      assertThat(Jsoup.parseBodyFragment(cooked.html()).selectFirst("a.hashtag").attr("href"))
          .isEqualTo("/tag/%E7%A7%91%E5%B9%BB");
    }

    @Test
    void tagsAreUnique() {
      assertThat(cook("#Mars #mars #MARS #venus").tags()).containsExactly("mars", "venus");
    }

    @Test
    void tooShortTooLongOrOnlyDigitsAreNotTags() {
      assertThat(cook("#a #" + "b".repeat(31) + " #2024 issue #42").tags()).isEmpty();
      assertThat(cook("#ab #" + "c".repeat(30)).tags()).containsExactly("ab", "c".repeat(30));
    }

    @Test
    void notInsideWordsUrlsOrEntities() {
      assertThat(cook("C# F#dev x#y example.org/#frag page?a=1#top &#35;no \\#escaped").tags())
          .isEmpty();
      assertThat(cook("https://example.org/page#section www.example.com/#/route").tags()).isEmpty();
    }

    @Test
    void notInsideCode() {
      assertThat(cook("`#tag`\n\n```\n#tag\n```\n\n    #tag").tags()).isEmpty();
    }

    @Test
    void notInsideHeadings() {
      Cooked cooked = cook("## Notes on #mars\n\nBody #venus");
      assertThat(cooked.tags()).containsExactly("venus");
      assertThat(Jsoup.parseBodyFragment(cooked.html()).selectFirst("h3").select("a")).isEmpty();
    }

    @Test
    void aTagAtTheStartOfALineIsNoHeading() {
      Cooked cooked = cook("#worldbuilding tips");
      assertThat(cooked.html()).startsWith("<p>");
      assertThat(cooked.tags()).containsExactly("worldbuilding");
    }

    @Test
    void trailingPunctuationIsNotPartOfTheTag() {
      assertThat(cook("(#space), #time. #light-").tags()).containsExactly("space", "time", "light");
    }
  }

  @Nested
  class Spoilers {
    @Test
    void inlineSpoilerIsASpan() {
      assertThat(html("The captain is >!the AI!< all along"))
          .isEqualTo("<p>The captain is <span class=\"spoiler\">the AI</span> all along</p>\n");
    }

    @Test
    void inlineSpoilerMayHoldMarkup() {
      Element spoiler = body("x >!a **bold** @alice!< y").selectFirst("span.spoiler");
      assertThat(spoiler.select("strong").text()).isEqualTo("bold");
      assertThat(spoiler.select("a.mention").text()).isEqualTo("@alice");
      assertThat(spoiler.text()).isEqualTo("a bold @alice");
    }

    @Test
    void inlineSpoilerAtTheStartOfALine() {
      assertThat(html(">!Snape!< kills Dumbledore"))
          .isEqualTo("<p><span class=\"spoiler\">Snape</span> kills Dumbledore</p>\n");
    }

    @Test
    void blockSpoilerIsADivHoldingBlocks() {
      Element spoiler =
          body(">! The ending:\n>!\n>! - everyone\n>! - dies\n\nAfter").selectFirst("div.spoiler");
      assertThat(spoiler.select("p").first().text()).isEqualTo("The ending:");
      assertThat(spoiler.select("li"))
          .extracting(Element::text)
          .containsExactly("everyone", "dies");
      assertThat(body(">! The ending\n\nAfter").select("div.spoiler + p").text())
          .isEqualTo("After");
    }

    @Test
    void blockSpoilerContinuesLazilyLikeAQuote() {
      assertThat(html(">! line one\nline two"))
          .isEqualTo("<div class=\"spoiler\">\n<p>line one<br />\nline two</p>\n</div>\n");
    }

    @Test
    void unclosedOrEmptyIsText() {
      assertThat(cook("a >!b and c").plainText()).isEqualTo("a >!b and c");
      assertThat(cook("a >!!< c").plainText()).isEqualTo("a >!!< c");
      assertThat(body("a >!b\n\nc!<").select(".spoiler")).isEmpty();
    }

    @Test
    void notInsideCode() {
      assertThat(body("`>!x!<`\n\n```\n>! y\n```").select(".spoiler")).isEmpty();
    }

    @Test
    void escapedMarkerIsText() {
      assertThat(body("\\>!x!<").select(".spoiler")).isEmpty();
    }

    @Test
    void plainTextIncludesTheSpoiler() {
      assertThat(cook("a >!b!< c").plainText()).isEqualTo("a b c");
    }
  }

  @Nested
  class Math {
    @Test
    void inlineMathKeepsEscapedTexSource() {
      assertThat(html("Euler: $e^{i\\pi} + 1 < 2$ done"))
          .isEqualTo(
              "<p>Euler: <span class=\"math-inline\">e^{i\\pi} &#43; 1 &lt; 2</span> done</p>\n");
    }

    @Test
    void mathIsNotMarkdown() {
      assertThat(body("$a*b*c$ and $x_1 + y_1$").select("span.math-inline"))
          .extracting(Element::text)
          .containsExactly("a*b*c", "x_1 + y_1");
    }

    @Test
    void displayMathBlock() {
      assertThat(html("$$\n\\int_0^1 x\\,dx\n$$"))
          .isEqualTo("<div class=\"math-display\">\\int_0^1 x\\,dx</div>\n");
    }

    @Test
    void displayMathAloneOnALineIsABlock() {
      assertThat(html("$$E = mc^2$$"))
          .isEqualTo("<div class=\"math-display\">E &#61; mc^2</div>\n");
    }

    @Test
    void displayMathWithinALineIsASpan() {
      assertThat(body("so $$x^2$$ holds").select("span.math-display").text()).isEqualTo("x^2");
    }

    @Test
    void pricesAreNotMath() {
      Cooked cooked = cook("It costs $5 and $10, or $5.99 each; $ 3 $ and US$4/$8");
      assertThat(Jsoup.parseBodyFragment(cooked.html()).select("[class^=math]")).isEmpty();
      assertThat(cooked.plainText())
          .isEqualTo("It costs $5 and $10, or $5.99 each; $ 3 $ and US$4/$8");
    }

    @Test
    void aDigitAfterTheClosingDollarMeansNoMath() {
      assertThat(body("from $x$5").select(".math-inline")).isEmpty();
    }

    @Test
    void escapedDollarsAreText() {
      assertThat(body("\\$x$ and $a\\$b$").select(".math-inline"))
          .extracting(Element::text)
          .containsExactly("a\\$b");
    }

    @Test
    void notInsideCode() {
      assertThat(body("`$x$`\n\n```\n$$\ny\n$$\n```").select("[class^=math]")).isEmpty();
    }

    @Test
    void mentionsAndTagsAreNotLookedForInMath() {
      Cooked cooked = cook("$@alice #tag$");
      assertThat(cooked.mentions()).isEmpty();
      assertThat(cooked.tags()).isEmpty();
    }
  }

  @Nested
  class PlainText {
    @Test
    void hasNoMarkupAndCollapsedWhitespace() {
      assertThat(
              cook("# Title\n\nSome *text*   here.\n\n- one\n- two\n\n```\ncode  block\n```")
                  .plainText())
          .isEqualTo("Title Some text here. one two code block");
    }

    @Test
    void emptyAndNullInputs() {
      assertThat(renderer.cook("").html()).isEmpty();
      assertThat(renderer.cook(null).plainText()).isEmpty();
    }
  }

  @Test
  void versionIsStoredWithTheOutput() {
    assertThat(cook("x").version()).isEqualTo(renderer.version()).isPositive();
  }

  @Test
  void windowsLineEndingsRenderLikeUnix() {
    String unix = "> quote\n\n- a\n- b\n\n$$\nx\n$$\n";
    assertThat(cook(unix.replace("\n", "\r\n")).html()).isEqualTo(cook(unix).html());
  }

  @Test
  void nulBecomesReplacementCharacter() {
    assertThat(cook("a\u0000b").plainText()).isEqualTo("a\uFFFDb");
  }
}
