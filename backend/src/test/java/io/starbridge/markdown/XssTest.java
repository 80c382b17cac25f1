package io.starbridge.markdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Vectors from the OWASP XSS Filter Evasion Cheat Sheet and PortSwigger's XSS cheat sheet, plus
 * Markdown-specific ones (links, images, reference definitions, autolinks) and breakouts from the
 * constructs this renderer adds. Each goes through the whole renderer and, as raw HTML, through the
 * sanitizer alone: the allow-list must hold even if rendering had a bug.
 */
class XssTest {
  private final FlexmarkRenderer renderer = new FlexmarkRenderer(handles -> Set.of("alice"));

  static Stream<Arguments> vectors() {
    return Stream.of(
        // Script and event handlers in raw HTML
        vector("script tag", "<script>alert(1)</script>"),
        vector("script src", "<SCRIPT SRC=http://xss.rocks/xss.js></SCRIPT>"),
        vector("script split by markdown", "<scr<script>ipt>alert(1)</scr</script>ipt>"),
        vector("unclosed nested script", "<<SCRIPT>alert(\"XSS\");//<</SCRIPT>"),
        vector("malformed img quotes", "<IMG \"\"\"><SCRIPT>alert(\"XSS\")</SCRIPT>\">"),
        vector("img onerror", "<img src=x onerror=alert(1)>"),
        vector("img javascript src", "<IMG SRC=\"javascript:alert('XSS');\">"),
        vector("img mixed case", "<IMG SRC=JaVaScRiPt:alert('XSS')>"),
        vector("img backticks", "<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>"),
        vector("img embedded tab", "<IMG SRC=\"jav\tascript:alert('XSS');\">"),
        vector("img entity tab", "<IMG SRC=\"jav&#x09;ascript:alert('XSS');\">"),
        vector(
            "img decimal entities",
            "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>"),
        vector(
            "img hex entities no semicolons",
            "<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>"),
        vector("svg onload", "<svg onload=alert(1)>"),
        vector("svg script", "<svg><script>alert(1)</script></svg>"),
        vector("svg animate", "<svg><animate onbegin=alert(1) attributeName=x dur=1s>"),
        vector(
            "svg xlink",
            "<svg><a xlink:href=\"javascript:alert(1)\"><text x=20 y=20>XSS</text></a></svg>"),
        vector("body onload", "<BODY ONLOAD=alert('XSS')>"),
        vector("anchor onmouseover", "<a onmouseover=\"alert(document.cookie)\">xxs link</a>"),
        vector("details ontoggle", "<details open ontoggle=alert(1)>"),
        vector("input autofocus", "<input autofocus onfocus=alert(1)>"),
        vector("video source onerror", "<video><source onerror=\"alert(1)\"></video>"),
        vector("custom element onclick", "<x onclick=alert(1)>click me</x>"),
        // Frames, plugins, forms, meta
        vector("iframe javascript", "<iframe src=\"javascript:alert(1)\"></iframe>"),
        vector("iframe srcdoc", "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>"),
        vector("object data", "<object data=\"javascript:alert(1)\"></object>"),
        vector(
            "object data uri",
            "<object data=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\"></object>"),
        vector("embed", "<embed src=\"javascript:alert(1)\">"),
        vector("form action", "<form action=\"javascript:alert(1)\"><input type=submit></form>"),
        vector(
            "button formaction",
            "<form><button formaction=\"javascript:alert(1)\">X</button></form>"),
        vector(
            "meta refresh",
            "<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=javascript:alert('XSS');\">"),
        vector("base href", "<BASE HREF=\"javascript:alert('XSS');//\">"),
        vector("link stylesheet", "<LINK REL=\"stylesheet\" HREF=\"javascript:alert('XSS');\">"),
        // Style
        vector("style tag", "<style>@import 'http://xss.rocks/xss.css';</style>"),
        vector("style expression", "<div style=\"width: expression(alert('XSS'));\">x</div>"),
        vector(
            "style url", "<div style=\"background-image: url(javascript:alert('XSS'))\">x</div>"),
        vector("table background", "<TABLE BACKGROUND=\"javascript:alert('XSS')\">"),
        // Mutation XSS: markup that changes meaning when re-parsed
        vector("mxss noscript", "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">"),
        vector(
            "mxss math style", "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>"),
        vector("mxss svg style", "<svg></p><style><a id=\"</style><img src=1 onerror=alert(1)>\">"),
        vector("mxss comment", "<!--<img src=\"--><img src=x onerror=alert(1)//\">"),
        vector(
            "mxss cdata",
            "<svg><![CDATA[><image xlink:href=\"]]><img src=x onerror=alert(1)//\"></svg>"),
        // Raw anchors
        vector("anchor javascript", "<a href=\"javascript:alert(1)\">x</a>"),
        vector("anchor entity tab", "<a href=\"jav&#x09;ascript:alert(1)\">x</a>"),
        vector("anchor colon entity", "<a href=\"javascript&colon;alert(1)\">x</a>"),
        vector(
            "anchor data uri",
            "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>"),
        // Markdown links
        vector("md link javascript", "[click](javascript:alert(1))"),
        vector("md link mixed case", "[click](JaVaScRiPt:alert(1))"),
        vector("md link entity tab", "[click](jav&#x09;ascript:alert(1))"),
        vector("md link entity newline", "[click](jav&#x0A;ascript:alert(1))"),
        vector(
            "md link decimal entities",
            "[click](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1))"),
        vector("md link one entity", "[click](javas&#99;ript:alert(1))"),
        vector("md link colon entity", "[click](javascript&#58;alert(1))"),
        vector("md link angle brackets", "[click](<javascript:alert(1)>)"),
        vector("md link leading space", "[click](   javascript:alert(1))"),
        vector("md link percent encoded", "[click](%6A%61%76%61%73%63%72%69%70%74%3Aalert(1))"),
        vector("md link backslash escape", "[click](javascript\\:alert(1))"),
        vector("md link nul", "[click](java\u0000script:alert(1))"),
        vector(
            "md link data", "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"),
        vector("md link vbscript", "[click](vbscript:msgbox(1))"),
        vector("md link protocol relative", "[click](//evil.example/x)"),
        vector(
            "md link title breakout", "[x](http://a.example \"t\\\" onmouseover=\\\"alert(1)\")"),
        vector("md link quote in url", "[x](http://a.example/\"onmouseover=\"alert(1))"),
        vector("md autolink javascript", "<javascript:alert(1)>"),
        vector("md autolink mixed case", "<JaVaScRiPt:alert(1)>"),
        vector("md autolink data", "<data:text/html,<script>alert(1)</script>>"),
        vector("gfm autolink with markup", "http://a.example/<script>alert(1)</script>"),
        vector("gfm www autolink quote", "www.a.example/\"onmouseover=\"alert(1)"),
        // Markdown images and references
        vector("md image javascript", "![x](javascript:alert(1))"),
        vector("md image onerror", "![x](x\" onerror=\"alert(1))"),
        vector("md image data", "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)"),
        vector("md reference javascript", "[x][r]\n\n[r]: javascript:alert(1)"),
        vector("md reference image javascript", "![x][r]\n\n[r]: javascript:alert(1)"),
        vector("md reference data", "[x][r]\n\n[r]: <data:text/html,<script>alert(1)</script>>"),
        vector(
            "md reference title",
            "[x][r]\n\n[r]: http://a.example \"\\\"><script>alert(1)</script>\""),
        // Encodings
        vector("entity encoded tag", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        vector("numeric entity tag", "&#60;script&#62;alert(1)&#60;/script&#62;"),
        vector("unicode escapes", "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"),
        vector("fullwidth brackets", "\uFF1Cscript\uFF1Ealert(1)\uFF1C/script\uFF1E"),
        vector("html in html block position", "<div>\n<script>alert(1)</script>\n</div>"),
        // Breakouts from code, math, spoilers, mentions, tags, tables, task lists
        vector("fenced code breakout", "```\n</code></pre><script>alert(1)</script>\n```"),
        vector("code span breakout", "`</code><script>alert(1)</script>`"),
        vector("fence language injection", "```js\" onmouseover=\"alert(1)\nx\n```"),
        vector("fence language tag", "```<script>alert(1)</script>\nx\n```"),
        vector("math breakout", "$</span><script>alert(1)</script>$"),
        vector("display math breakout", "$$\n</div><img src=x onerror=alert(1)>\n$$"),
        vector("spoiler with img", ">!<img src=x onerror=alert(1)>!<"),
        vector("spoiler block with script", ">! <script>alert(1)</script>"),
        vector("mention breakout", "@alice\"><script>alert(1)</script>"),
        vector("tag breakout", "#tag\"><svg onload=alert(1)>"),
        vector(
            "table cells",
            "| <script>alert(1)</script> | b |\n|---|---|\n| <img src=x onerror=alert(1)> | [c](javascript:alert(1)) |"),
        vector("task list input", "- [ ] <input onfocus=alert(1) autofocus>"),
        vector(
            "dom clobbering", "<form id=x><input name=attributes></form><a id=location href=x>"));
  }

  private static Arguments vector(String name, String input) {
    return Arguments.of(name, input);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void renderedOutputIsInert(String name, String input) {
    SafeHtml.assertSafe(renderer.cook(input).html());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void sanitizerAloneRemovesTheVector(String name, String input) {
    SafeHtml.assertSafe(HtmlPolicy.sanitize(input));
  }

  @Test
  void rawHtmlIsShownAsText() {
    Cooked cooked = renderer.cook("<img src=x onerror=alert(1)>");
    assertThat(cooked.plainText()).isEqualTo("<img src=x onerror=alert(1)>");
  }

  @Test
  void javascriptLinkKeepsItsTextButNotItsTarget() {
    Cooked cooked = renderer.cook("[click](javascript:alert(1))");
    assertThat(cooked.plainText()).isEqualTo("click");
    assertThat(cooked.html()).doesNotContain("href");
  }

  @Test
  void sanitizerDropsEverythingButCheckboxInputs() {
    assertThat(HtmlPolicy.sanitize("<input type=\"text\" value=\"x\"><input>")).isEmpty();
    assertThat(HtmlPolicy.sanitize("<input type=\"checkbox\" checked>"))
        .isEqualTo("<input type=\"checkbox\" checked=\"checked\" disabled=\"disabled\" />");
  }

  @Test
  void sanitizerDropsUnknownClassesAndIds() {
    assertThat(
            HtmlPolicy.sanitize(
                "<span class=\"admin-badge\" id=\"x\">hi</span><div class=\"spoiler\">s</div>"))
        .isEqualTo("hi<div class=\"spoiler\">s</div>");
  }

  @Test
  void theSafetyCheckItselfCatchesUnsafeHtml() {
    assertThatThrownBy(() -> SafeHtml.assertSafe("<a href=\"javascript:alert(1)\">x</a>"))
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> SafeHtml.assertSafe("<p onclick=\"x()\">x</p>"))
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> SafeHtml.assertSafe("<b>x</b>")).isInstanceOf(AssertionError.class);
  }
}
