package io.starbridge.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/** Asserts that HTML can run nothing: what the renderer's output must always satisfy. */
final class SafeHtml {
  private SafeHtml() {}

  private static final Set<String> FORBIDDEN_ELEMENTS =
      Set.of(
          "script",
          "iframe",
          "frame",
          "frameset",
          "object",
          "embed",
          "applet",
          "svg",
          "math",
          "style",
          "link",
          "meta",
          "base",
          "form",
          "button",
          "textarea",
          "select",
          "img",
          "video",
          "audio",
          "source",
          "details",
          "template",
          "noscript",
          "h1");

  /** Every element and attribute the renderer may emit, per element. */
  private static final Map<String, Set<String>> ALLOWED =
      Map.ofEntries(
          Map.entry("p", Set.of()),
          Map.entry("br", Set.of()),
          Map.entry("hr", Set.of()),
          Map.entry("h2", Set.of()),
          Map.entry("h3", Set.of()),
          Map.entry("h4", Set.of()),
          Map.entry("h5", Set.of()),
          Map.entry("h6", Set.of()),
          Map.entry("strong", Set.of()),
          Map.entry("em", Set.of()),
          Map.entry("del", Set.of()),
          Map.entry("code", Set.of("class")),
          Map.entry("pre", Set.of()),
          Map.entry("blockquote", Set.of()),
          Map.entry("ul", Set.of()),
          Map.entry("ol", Set.of("start")),
          Map.entry("li", Set.of("class")),
          Map.entry("table", Set.of()),
          Map.entry("thead", Set.of()),
          Map.entry("tbody", Set.of()),
          Map.entry("tr", Set.of()),
          Map.entry("th", Set.of("align")),
          Map.entry("td", Set.of("align")),
          Map.entry("a", Set.of("href", "rel", "title", "class")),
          Map.entry("span", Set.of("class")),
          Map.entry("div", Set.of("class")),
          Map.entry("input", Set.of("type", "checked", "disabled")));

  private static final Set<String> ALLOWED_CLASSES =
      Set.of("spoiler", "math-inline", "math-display", "mention", "hashtag", "task-list-item");

  static void assertSafe(String html) {
    assertThat(html.toLowerCase(Locale.ROOT))
        .doesNotContain("<script", "<iframe", "<svg", "<img", "<style");
    Element body = Jsoup.parseBodyFragment(html).body();
    for (Element e : body.getAllElements()) {
      if (e == body) {
        continue;
      }
      String tag = e.normalName();
      assertThat(FORBIDDEN_ELEMENTS).as("element <%s> in %s", tag, html).doesNotContain(tag);
      assertThat(ALLOWED).as("element <%s> in %s", tag, html).containsKey(tag);
      for (Attribute a : e.attributes()) {
        String name = a.getKey().toLowerCase(Locale.ROOT);
        assertThat(name)
            .as("attribute in %s", html)
            .doesNotStartWith("on")
            .isNotIn("style", "id", "name", "src", "formaction", "action", "srcdoc");
        assertThat(ALLOWED.get(tag))
            .as("attribute %s on <%s> in %s", name, tag, html)
            .contains(name);
      }
      if (e.hasAttr("href")) {
        String href = e.attr("href").strip().toLowerCase(Locale.ROOT);
        assertThat(
                href.startsWith("http://")
                    || href.startsWith("https://")
                    || href.startsWith("mailto:")
                    || (href.startsWith("/") && !href.startsWith("//")))
            .as("href %s in %s", href, html)
            .isTrue();
      }
      if (e.hasAttr("class") && !tag.equals("code")) {
        assertThat(ALLOWED_CLASSES).as("class on <%s> in %s", tag, html).contains(e.attr("class"));
      }
      if (tag.equals("code") && e.hasAttr("class")) {
        assertThat(e.attr("class")).matches("language-[A-Za-z0-9_+#.-]+");
      }
      if (tag.equals("input")) {
        assertThat(e.attr("type")).isEqualTo("checkbox");
        assertThat(e.hasAttr("disabled")).isTrue();
      }
      if (tag.equals("a") && e.hasAttr("href")) {
        assertThat(e.attr("rel")).isEqualTo("nofollow ugc noopener");
      }
    }
  }
}
