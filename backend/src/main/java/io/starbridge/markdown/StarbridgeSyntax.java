package io.starbridge.markdown;

import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.LinkType;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Flexmark extension for the syntax Starbridge adds to CommonMark + GFM (spoilers, math, mentions,
 * tags) and for how some standard nodes render here (images become links).
 */
final class StarbridgeSyntax implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {
  static StarbridgeSyntax create() {
    return new StarbridgeSyntax();
  }

  @Override
  public void parserOptions(MutableDataHolder options) {
    options.set(Parser.HEADING_PARSER, false); // replaced by HeadingStarts
  }

  @Override
  public void extend(Parser.Builder parser) {
    parser.customBlockParserFactory(new HeadingStarts());
    parser.customBlockParserFactory(new SpoilerBlockParser.Factory());
    parser.customBlockParserFactory(new MathParsers.Fenced.Factory());
    parser.customInlineParserExtensionFactory(new MathParsers.Inline.Factory());
  }

  @Override
  public void rendererOptions(MutableDataHolder options) {}

  @Override
  public void extend(HtmlRenderer.Builder renderer, String rendererType) {
    renderer.nodeRendererFactory(options -> new Html());
  }

  /** The classes emitted here are the SPA's contract; the sanitizer allows exactly these. */
  static final class Html implements NodeRenderer {
    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
      return Set.of(
          new NodeRenderingHandler<>(Nodes.InlineSpoiler.class, Html::inlineSpoiler),
          new NodeRenderingHandler<>(Nodes.SpoilerBlock.class, Html::spoilerBlock),
          new NodeRenderingHandler<>(Nodes.InlineMath.class, Html::inlineMath),
          new NodeRenderingHandler<>(Nodes.MathBlock.class, Html::mathBlock),
          new NodeRenderingHandler<>(Nodes.Mention.class, Html::mention),
          new NodeRenderingHandler<>(Nodes.HashTag.class, Html::hashTag),
          new NodeRenderingHandler<>(Image.class, Html::image),
          new NodeRenderingHandler<>(ImageRef.class, Html::imageRef));
    }

    private static void inlineSpoiler(
        Nodes.InlineSpoiler node, NodeRendererContext context, HtmlWriter html) {
      html.raw("<span class=\"spoiler\">");
      context.renderChildren(node);
      html.raw("</span>");
    }

    private static void spoilerBlock(
        Nodes.SpoilerBlock node, NodeRendererContext context, HtmlWriter html) {
      html.line().raw("<div class=\"spoiler\">").line();
      context.renderChildren(node);
      html.line().raw("</div>").line();
    }

    private static void inlineMath(
        Nodes.InlineMath node, NodeRendererContext context, HtmlWriter html) {
      html.raw(node.display ? "<span class=\"math-display\">" : "<span class=\"math-inline\">");
      html.text(node.tex.toString());
      html.raw("</span>");
    }

    private static void mathBlock(
        Nodes.MathBlock node, NodeRendererContext context, HtmlWriter html) {
      if (node.tex.isBlank()) {
        return;
      }
      html.line().raw("<div class=\"math-display\">").text(node.tex).raw("</div>").line();
    }

    private static void mention(Nodes.Mention node, NodeRendererContext context, HtmlWriter html) {
      html.raw("<a class=\"mention\" href=\"/u/" + node.handle + "\">");
      html.text(node.getChars().unescape());
      html.raw("</a>");
    }

    private static void hashTag(Nodes.HashTag node, NodeRendererContext context, HtmlWriter html) {
      html.raw("<a class=\"hashtag\" href=\"/tag/" + pathSegment(node.tag) + "\">");
      html.text(node.getChars().unescape());
      html.raw("</a>");
    }

    /**
     * No image is loaded from a third party: an image becomes a link to it, named by its alt text.
     */
    private static void image(Image node, NodeRendererContext context, HtmlWriter html) {
      imageLink(node, node.getUrl().unescape(), context, html);
    }

    private static void imageRef(ImageRef node, NodeRendererContext context, HtmlWriter html) {
      Reference reference = node.isDefined() ? node.getReferenceNode(context.getDocument()) : null;
      if (reference == null) {
        html.text(node.getChars().unescape());
      } else {
        imageLink(node, reference.getUrl().unescape(), context, html);
      }
    }

    private static void imageLink(
        Node image, String url, NodeRendererContext context, HtmlWriter html) {
      String alt = new TextCollectingVisitor().collectAndGetText(image).strip();
      if (image.getAncestorOfType(Link.class, LinkRef.class) != null) {
        html.text(alt); // a link inside a link is not HTML
        return;
      }
      String href = context.resolveLink(LinkType.LINK, url, null).getUrl();
      html.attr("href", href).withAttr().tag("a");
      html.text(alt.isEmpty() ? href : alt);
      html.tag("/a");
    }
  }

  /** Percent-encodes all but unreserved ASCII, so a CJK tag makes a valid URL path segment. */
  static String pathSegment(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '_') {
        out.append(c);
      } else {
        out.append('%')
            .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }
}
