package io.starbridge.markdown;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import jakarta.inject.Singleton;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CommonMark + GFM with Starbridge's additions, rendered by Flexmark and then passed through the
 * {@link HtmlPolicy} allow-list. Raw HTML in the input is shown as text.
 *
 * <p>Any input renders, quickly: nesting is capped, parsing and rendering have a budget of
 * character reads and of CPU time, the output has a size cap, and past any of them (or on a
 * Flexmark failure) the text is shown as plain escaped paragraphs instead. See {@link Limits}.
 */
@Singleton
public class FlexmarkRenderer implements MarkdownRenderer {
  private static final Logger LOG = LoggerFactory.getLogger(FlexmarkRenderer.class);

  /** Bump when the output for some input changes, so stored texts get re-cooked. */
  static final int VERSION = 1;

  /**
   * CPU time for parse + render, a backstop to {@link Limits.Budget}'s read count: a 64k-character
   * post needs about 100 ms once the JIT has compiled the parser; sanitizing adds a little, and the
   * whole must stay under a second.
   */
  static final Duration BUDGET = Duration.ofMillis(750);

  /** Any run of Unicode white space (code blocks keep theirs in HTML, not in plain text). */
  private static final Pattern WHITESPACE = Pattern.compile("(?U)\\s+");

  private final HandleResolver handles;
  private final Parser parser;
  private final HtmlRenderer renderer;

  public FlexmarkRenderer(HandleResolver handles) {
    this.handles = handles;
    MutableDataSet options = new MutableDataSet();
    options.set(
        Parser.EXTENSIONS,
        List.of(
            TablesExtension.create(),
            StrikethroughExtension.create(),
            TaskListExtension.create(),
            AutolinkExtension.create(),
            StarbridgeSyntax.create()));
    // Raw HTML is text: no HTML blocks (their content would escape Markdown), inline tags escaped.
    options.set(Parser.HTML_BLOCK_PARSER, false);
    options.set(HtmlRenderer.ESCAPE_HTML, true);
    // A line break in a post is a line break, as on other forums and in GitHub comments.
    options.set(HtmlRenderer.SOFT_BREAK, "<br />\n");
    options.set(HtmlRenderer.SUPPRESSED_LINKS, "(?i)\\s*(?:javascript|vbscript|data|file):.*");
    // GFM table rules, except that short rows are not padded: padding lets a wide header
    // multiply the output by the number of rows.
    options.set(TablesExtension.COLUMN_SPANS, false);
    options.set(TablesExtension.APPEND_MISSING_COLUMNS, false);
    options.set(TablesExtension.DISCARD_EXTRA_COLUMNS, true);
    options.set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true);
    this.parser = Parser.builder(options).build();
    this.renderer = HtmlRenderer.builder(options).build();
  }

  @Override
  public int version() {
    return VERSION;
  }

  @Override
  public Cooked cook(String markdown) {
    String source = normalize(markdown);
    Limits.Budget input = new Limits.Budget(Limits.limitNesting(source), BUDGET.toNanos());
    Parsed parsed = guarded(source, () -> parse(input));
    Rendered rendered = null;
    if (parsed != null) {
      // Outside the guard: a failing database is an error to report, not a reason for plain text.
      Collection<String> candidates = parsed.scan().mentionCandidates();
      Set<String> existing =
          candidates.isEmpty()
              ? Set.of()
              : input.excluding(() -> handles.existing(List.copyOf(candidates)));
      rendered = guarded(source, () -> finish(parsed, existing, maxOutput(source)));
    }
    if (rendered == null) {
      rendered = plain(source);
    }
    String html = HtmlPolicy.sanitize(rendered.html());
    Element body = Jsoup.parseBodyFragment(html).body();
    String plainText = WHITESPACE.matcher(body.text()).replaceAll(" ").strip();
    return new Cooked(html, plainText, rendered.mentions(), rendered.tags(), links(body), VERSION);
  }

  private record Parsed(Document document, Enricher.Scan scan) {}

  private record Rendered(String html, List<String> mentions, List<String> tags) {}

  private Parsed parse(Limits.Budget input) {
    Document document = parser.parse(BasedSequence.of(input));
    return new Parsed(document, Enricher.prepare(document));
  }

  private Rendered finish(Parsed parsed, Set<String> existing, int maxOutput) {
    List<String> mentions = parsed.scan().link(existing);
    Limits.BoundedOutput out = new Limits.BoundedOutput(maxOutput);
    renderer.render(parsed.document(), out);
    return new Rendered(out.toString(), mentions, parsed.scan().tags());
  }

  /** Runs one step of rendering; null when the text is too complex or Flexmark fails on it. */
  private static <T> T guarded(String source, Supplier<T> step) {
    try {
      return step.get();
    } catch (Limits.TooComplex | StackOverflowError e) {
      LOG.info("Markdown of {} characters shown as plain text: {}", source.length(), e.toString());
    } catch (RuntimeException e) {
      LOG.warn(
          "Markdown of {} characters failed to render; shown as plain text", source.length(), e);
    }
    return null;
  }

  /** Generous for real text (a task list item is about 16× its source), fatal for amplification. */
  private static int maxOutput(String source) {
    return 32 * source.length() + 65_536;
  }

  /** The fallback: every paragraph as escaped text, line breaks kept. */
  private static Rendered plain(String source) {
    StringBuilder html = new StringBuilder(source.length() + 64);
    for (String paragraph : source.split("\\n[ \\t]*\\n")) {
      if (paragraph.isBlank()) {
        continue;
      }
      html.append("<p>");
      String[] lines = paragraph.strip().split("\n");
      for (int i = 0; i < lines.length; i++) {
        if (i > 0) {
          html.append("<br />\n");
        }
        escape(lines[i], html);
      }
      html.append("</p>\n");
    }
    return new Rendered(html.toString(), List.of(), List.of());
  }

  private static void escape(String text, StringBuilder out) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        default -> out.append(c);
      }
    }
  }

  /**
   * NFC, so tags compare equal however they were typed; line ends as {@code \n}, which the nesting
   * limit and the plain-text fallback split on; NUL replaced, as CommonMark says.
   */
  private static String normalize(String markdown) {
    if (markdown == null) {
      return "";
    }
    String s = Normalizer.normalize(markdown, Normalizer.Form.NFC);
    if (s.indexOf('\r') >= 0) {
      s = s.replace("\r\n", "\n").replace('\r', '\n');
    }
    return s.indexOf('\0') >= 0 ? s.replace('\0', '\uFFFD') : s;
  }

  private static List<String> links(Element body) {
    Set<String> out = new LinkedHashSet<>();
    for (Element a : body.select("a[href]")) {
      String href = a.attr("href");
      String lower = href.toLowerCase(Locale.ROOT);
      if (lower.startsWith("http://") || lower.startsWith("https://")) {
        out.add(href);
      }
    }
    return new ArrayList<>(out);
  }
}
