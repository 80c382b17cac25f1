package io.starbridge.markdown;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.owasp.html.AttributePolicy;
import org.owasp.html.ElementPolicy;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The allow-list every rendered text passes through: exactly the elements, attributes and classes
 * the renderer emits, so a bug in rendering cannot become a script in a reader's browser.
 */
final class HtmlPolicy {
  private HtmlPolicy() {}

  /** Absolute http(s) and mailto, or a path on this site ({@code //host} is not a path). */
  private static final AttributePolicy HREF =
      (element, attribute, value) -> {
        String v = value.strip().toLowerCase(Locale.ROOT);
        boolean allowed =
            v.startsWith("http://")
                || v.startsWith("https://")
                || v.startsWith("mailto:")
                || (v.startsWith("/") && !v.startsWith("//") && !v.startsWith("/\\"));
        return allowed ? value.strip() : null;
      };

  /** A task-list checkbox, never a text field or a button; always disabled. */
  private static final ElementPolicy CHECKBOX =
      (element, attributes) -> {
        int type = indexOfAttribute(attributes, "type");
        if (type < 0 || !"checkbox".equals(attributes.get(type + 1))) {
          return null;
        }
        if (indexOfAttribute(attributes, "disabled") < 0) {
          attributes.add("disabled");
          attributes.add("disabled");
        }
        return element;
      };

  private static int indexOfAttribute(List<String> attributes, String name) {
    for (int i = 0; i < attributes.size(); i += 2) {
      if (attributes.get(i).equals(name)) {
        return i;
      }
    }
    return -1;
  }

  static final PolicyFactory POLICY =
      new HtmlPolicyBuilder()
          .allowElements(
              "p",
              "br",
              "hr",
              "h2",
              "h3",
              "h4",
              "h5",
              "h6",
              "strong",
              "em",
              "del",
              "code",
              "pre",
              "blockquote",
              "ul",
              "ol",
              "li",
              "table",
              "thead",
              "tbody",
              "tr",
              "th",
              "td",
              "a",
              "span",
              "div")
          .allowElements(CHECKBOX, "input")
          .allowUrlProtocols("http", "https", "mailto")
          .allowAttributes("href")
          .matching(HREF)
          .onElements("a")
          .allowAttributes("title")
          .onElements("a")
          .requireRelsOnLinks("nofollow", "ugc", "noopener")
          .allowAttributes("class")
          .matching(Pattern.compile("mention|hashtag"))
          .onElements("a")
          .allowAttributes("class")
          .matching(Pattern.compile("spoiler|math-inline|math-display"))
          .onElements("span")
          .allowAttributes("class")
          .matching(Pattern.compile("spoiler|math-display"))
          .onElements("div")
          .allowAttributes("class")
          .matching(Pattern.compile("language-[A-Za-z0-9_+#.-]{1,40}"))
          .onElements("code")
          .allowAttributes("class")
          .matching(Pattern.compile("task-list-item"))
          .onElements("li")
          .allowAttributes("start")
          .matching(Pattern.compile("[0-9]{1,9}"))
          .onElements("ol")
          .allowAttributes("align")
          .matching(Pattern.compile("left|center|right"))
          .onElements("th", "td")
          .allowAttributes("type")
          .matching(Pattern.compile("checkbox"))
          .onElements("input")
          .allowAttributes("checked", "disabled")
          .onElements("input")
          .toFactory();

  static String sanitize(String html) {
    return POLICY.sanitize(html);
  }
}
