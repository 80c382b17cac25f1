package io.starbridge.markdown;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.CodeBlock;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites a parsed document into Starbridge's: spoilers, {@code @mentions}, {@code #tags},
 * headings one level down, display math on its own line as a block. Nothing in code, math or raw
 * HTML is touched; mentions and tags are not looked for inside links, tags not inside headings.
 *
 * <p>Two steps, so all handles are checked with one query: {@link #prepare} restructures and finds
 * candidates; {@link Scan#link} turns the candidates into nodes once the caller knows which handles
 * exist.
 */
final class Enricher {
  /** Beyond this, further distinct handles stay plain text: a post is not a mass mailing. */
  static final int MAX_MENTIONS = 50;

  /** Beyond this, further distinct tags stay plain text. */
  static final int MAX_TAGS = 50;

  private static final Pattern MENTION = Pattern.compile("@([A-Za-z0-9_]+)");
  private static final Pattern TAG = Pattern.compile("#([\\p{L}\\p{M}\\p{N}_-]+)");

  /** Handles as registration allows them. */
  private static final int HANDLE_MIN = 3;

  private static final int HANDLE_MAX = 30;
  private static final int TAG_MIN = 2;
  private static final int TAG_MAX = 30;

  /** Characters that keep a following {@code @} or {@code #} from starting a mention or tag. */
  private static final String NOT_BEFORE_SIGIL = "@#/\\&+-=";

  private Enricher() {}

  /** A {@code @handle} or {@code #tag} found in a text node. */
  private record Hit(Text text, int start, int end, String value, boolean mention) {}

  /** What {@link #prepare} found; {@link #link} finishes the document. */
  static final class Scan {
    private final List<Hit> hits = new ArrayList<>();
    private final Set<String> mentionCandidates = new LinkedHashSet<>();
    private final Set<String> tags = new LinkedHashSet<>();

    /** Lower-case handles to look up, at most {@link #MAX_MENTIONS}, in order of appearance. */
    Collection<String> mentionCandidates() {
      return mentionCandidates;
    }

    List<String> tags() {
      return List.copyOf(tags);
    }

    /**
     * Turns hits into mention and tag nodes; mentions only for {@code existing} handles.
     *
     * @return the mentioned handles, lower case, in order of appearance
     */
    List<String> link(Set<String> existing) {
      Set<String> mentioned = new LinkedHashSet<>();
      int i = 0;
      while (i < hits.size()) {
        Text text = hits.get(i).text();
        BasedSequence chars = text.getChars();
        int done = 0;
        for (; i < hits.size() && hits.get(i).text() == text; i++) {
          Hit hit = hits.get(i);
          if (hit.mention() && !existing.contains(hit.value())) {
            continue;
          }
          if (hit.start() > done) {
            text.insertBefore(new Text(chars.subSequence(done, hit.start())));
          }
          BasedSequence span = chars.subSequence(hit.start(), hit.end());
          if (hit.mention()) {
            mentioned.add(hit.value());
            text.insertBefore(new Nodes.Mention(span, hit.value()));
          } else {
            text.insertBefore(new Nodes.HashTag(span, hit.value()));
          }
          done = hit.end();
        }
        if (done > 0) {
          if (done < chars.length()) {
            text.insertBefore(new Text(chars.subSequence(done)));
          }
          text.unlink();
        }
      }
      return List.copyOf(mentioned);
    }
  }

  static Scan prepare(Document document) {
    restructureBlocks(document);
    for (Node container : inlineContainers(document)) {
      inlineSpoilers(container);
    }
    Scan scan = new Scan();
    findMentionsAndTags(document, scan);
    return scan;
  }

  /** Nodes whose content is not Markdown text to look into. */
  private static boolean isOpaque(Node node) {
    return node instanceof Code
        || node instanceof CodeBlock
        || node instanceof FencedCodeBlock
        || node instanceof IndentedCodeBlock
        || node instanceof HtmlBlock
        || node instanceof HtmlInline
        || node instanceof Nodes.InlineMath
        || node instanceof Nodes.MathBlock
        || node instanceof AutoLink
        || node instanceof MailLink
        || node instanceof Image
        || node instanceof ImageRef
        || node instanceof Reference;
  }

  /** Pre-order, without recursion: a deep tree must not overflow the stack here. */
  private static List<Node> descendants(Node root) {
    List<Node> out = new ArrayList<>();
    Deque<Node> stack = new ArrayDeque<>();
    stack.push(root);
    while (!stack.isEmpty()) {
      Node node = stack.pop();
      out.add(node);
      if (isOpaque(node)) {
        continue;
      }
      for (Node child = node.getLastChild(); child != null; child = child.getPrevious()) {
        stack.push(child);
      }
    }
    return out;
  }

  private static void restructureBlocks(Document document) {
    for (Node node : descendants(document)) {
      if (node instanceof Heading heading) {
        heading.setLevel(Math.min(heading.getLevel() + 1, 6)); // the page title is the only h1
      } else if (node instanceof Nodes.SpoilerBlock spoiler && spoiler.closesOnFirstLine) {
        unwrapToInlineSpoiler(spoiler);
      } else if (node instanceof Paragraph paragraph
          && paragraph.getFirstChild() instanceof Nodes.InlineMath math
          && math.display
          && math.getNext() == null) {
        Nodes.MathBlock block = new Nodes.MathBlock();
        block.tex = math.tex.toString().strip();
        paragraph.insertBefore(block);
        paragraph.unlink();
      }
    }
  }

  /** {@code >!secret!< and more} at the start of a line is an inline spoiler, not a block. */
  private static void unwrapToInlineSpoiler(Nodes.SpoilerBlock spoiler) {
    if (spoiler.getFirstChild() instanceof Paragraph paragraph) {
      paragraph.prependChild(new Text(spoiler.openingMarker));
    }
    while (spoiler.getFirstChild() != null) {
      spoiler.insertBefore(spoiler.getFirstChild());
    }
    spoiler.unlink();
  }

  private static List<Node> inlineContainers(Document document) {
    List<Node> out = new ArrayList<>();
    for (Node node : descendants(document)) {
      if (!isOpaque(node) && node.getFirstChild() != null) {
        out.add(node);
      }
    }
    return out;
  }

  /** Wraps {@code >!…!<} among the children of {@code container} (not across containers). */
  private static void inlineSpoilers(Node container) {
    Node child = container.getFirstChild();
    while (child != null) {
      Node next = child.getNext();
      if (child instanceof Text text) {
        int open = indexOfUnescaped(text.getChars(), ">!", 0);
        if (open >= 0) {
          Node after = wrapSpoiler(text, open);
          if (after != null) {
            next = after;
          }
        }
      }
      child = next;
    }
  }

  /**
   * Wraps the spoiler opened at {@code open} in {@code first}, if a closer follows among the
   * siblings. Returns the node to continue from, or null when nothing changed.
   */
  private static Node wrapSpoiler(Text first, int open) {
    BasedSequence firstChars = first.getChars();
    Text last = first;
    int close = indexOfUnescaped(firstChars, "!<", open + 2);
    if (close == open + 2) {
      return null; // ">!!<" hides nothing
    }
    for (Node n = first.getNext(); close < 0 && n != null; n = n.getNext()) {
      if (n instanceof Text text) {
        close = indexOfUnescaped(text.getChars(), "!<", 0);
        last = text;
      }
    }
    if (close < 0) {
      return null;
    }
    BasedSequence lastChars = last.getChars();
    Nodes.InlineSpoiler spoiler =
        new Nodes.InlineSpoiler(
            firstChars.baseSubSequence(
                first.getStartOffset() + open, last.getStartOffset() + close + 2));
    if (open > 0) {
      first.insertBefore(new Text(firstChars.subSequence(0, open)));
    }
    first.insertBefore(spoiler);
    if (last == first) {
      spoiler.appendChild(new Text(firstChars.subSequence(open + 2, close)));
    } else {
      if (open + 2 < firstChars.length()) {
        spoiler.appendChild(new Text(firstChars.subSequence(open + 2)));
      }
      for (Node n = first.getNext(); n != last; ) {
        Node following = n.getNext();
        spoiler.appendChild(n);
        n = following;
      }
      if (close > 0) {
        spoiler.appendChild(new Text(lastChars.subSequence(0, close)));
      }
    }
    Node after = last.getNext();
    if (close + 2 < lastChars.length()) {
      after = new Text(lastChars.subSequence(close + 2));
      last.insertAfter(after);
    }
    first.unlink();
    last.unlink();
    return after;
  }

  /** Markdown escapes stay in text node characters: {@code \>!} is no opener. */
  private static int indexOfUnescaped(BasedSequence chars, String marker, int from) {
    int i = chars.indexOf(marker, from);
    while (i > 0 && chars.charAt(i - 1) == '\\') {
      i = chars.indexOf(marker, i + 1);
    }
    return i;
  }

  private static void findMentionsAndTags(Document document, Scan scan) {
    record Frame(Node node, boolean inLink, boolean inHeading) {}
    Deque<Frame> stack = new ArrayDeque<>();
    stack.push(new Frame(document, false, false));
    while (!stack.isEmpty()) {
      Frame frame = stack.pop();
      Node node = frame.node();
      if (node instanceof Text text && !frame.inLink()) {
        scanText(text, frame.inHeading(), scan);
      }
      if (isOpaque(node)) {
        continue;
      }
      boolean inLink = frame.inLink() || node instanceof Link || node instanceof LinkRef;
      boolean inHeading = frame.inHeading() || node instanceof Heading;
      for (Node child = node.getLastChild(); child != null; child = child.getPrevious()) {
        stack.push(new Frame(child, inLink, inHeading));
      }
    }
  }

  private static void scanText(Text text, boolean inHeading, Scan scan) {
    BasedSequence chars = text.getChars();
    if (chars.indexOf('@') < 0 && (inHeading || chars.indexOf('#') < 0)) {
      return;
    }
    List<Hit> found = new ArrayList<>();
    Matcher m = MENTION.matcher(chars);
    while (m.find()) {
      String handle = m.group(1).toLowerCase(Locale.ROOT);
      if (handle.length() >= HANDLE_MIN
          && handle.length() <= HANDLE_MAX
          && startsWord(text, m.start())
          && (scan.mentionCandidates.contains(handle)
              || scan.mentionCandidates.size() < MAX_MENTIONS)) {
        scan.mentionCandidates.add(handle);
        found.add(new Hit(text, m.start(), m.end(), handle, true));
      }
    }
    if (!inHeading) {
      m = TAG.matcher(chars);
      while (m.find()) {
        int end = m.end();
        while (end > m.start(1) && (chars.charAt(end - 1) == '-' || chars.charAt(end - 1) == '_')) {
          end--;
        }
        String tag = chars.subSequence(m.start(1), end).toString().toLowerCase(Locale.ROOT);
        int length = tag.codePointCount(0, tag.length());
        if (length >= TAG_MIN
            && length <= TAG_MAX
            && tag.codePoints().anyMatch(Character::isLetter)
            && startsWord(text, m.start())
            && (scan.tags.contains(tag) || scan.tags.size() < MAX_TAGS)) {
          scan.tags.add(tag);
          found.add(new Hit(text, m.start(), end, tag, false));
        }
      }
    }
    found.sort((a, b) -> Integer.compare(a.start(), b.start()));
    scan.hits.addAll(found);
  }

  /**
   * True when the sigil at {@code index} starts a word: not inside one ({@code a@b.c}, {@code C#}),
   * not escaped, not part of a path or an entity ({@code /#top}, {@code &#35;}).
   */
  private static boolean startsWord(Text text, int index) {
    char before;
    if (index > 0) {
      before = text.getChars().charAt(index - 1);
    } else if (text.getPrevious() instanceof Text previous && !previous.getChars().isEmpty()) {
      before = previous.getChars().lastChar();
    } else {
      return true;
    }
    return !(Character.isLetterOrDigit(before)
        || Character.getType(before) == Character.NON_SPACING_MARK
        || before == '_'
        || NOT_BEFORE_SIGIL.indexOf(before) >= 0);
  }
}
