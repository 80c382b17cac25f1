package io.starbridge.markdown;

import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.InlineParserExtension;
import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.LightInlineParser;
import com.vladsch.flexmark.parser.block.AbstractBlockParser;
import com.vladsch.flexmark.parser.block.AbstractBlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockContinue;
import com.vladsch.flexmark.parser.block.BlockParser;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.Set;

/**
 * TeX math, kept as source for the SPA's KaTeX. Inline {@code $…$} follows Pandoc's rule so prices
 * stay prices: a non-space right after the opening {@code $} and right before the closing one, and
 * no digit right after the closing one ("$5 and $10" is text). {@code $$…$$} is display math, in a
 * line or as a block fenced by lines holding only {@code $$}.
 */
final class MathParsers {
  private MathParsers() {}

  /** Parses math where the inline parser meets a {@code $}, before emphasis can see its content. */
  static final class Inline implements InlineParserExtension {
    @Override
    public boolean parse(LightInlineParser parser) {
      BasedSequence input = parser.getInput();
      int open = parser.getIndex();
      int length = input.length();
      int run = 0;
      while (open + run < length && input.charAt(open + run) == '$') {
        run++;
      }
      int end = run <= 2 ? closing(input, open + run, run == 2) : -1;
      if (end < 0) {
        // The whole run is text: leaving its second '$' to the next call would open math there.
        parser.appendText(input.subSequence(open, open + run));
        parser.setIndex(open + run);
        return true;
      }
      parser.flushTextNode();
      BasedSequence tex = input.subSequence(open + run, end);
      parser
          .getBlock()
          .appendChild(new Nodes.InlineMath(input.subSequence(open, end + run), tex, run == 2));
      parser.setIndex(end + run);
      return true;
    }

    /**
     * Where the content that starts at {@code start} ends: the next unescaped {@code $}, when it is
     * a valid closer; otherwise -1. Looking no further than the next {@code $} keeps a text full of
     * dollars linear.
     */
    private static int closing(BasedSequence input, int start, boolean display) {
      int length = input.length();
      if (start >= length || (!display && Character.isWhitespace(input.charAt(start)))) {
        return -1;
      }
      int i = start;
      while (i < length && input.charAt(i) != '$') {
        i += input.charAt(i) == '\\' ? 2 : 1;
      }
      if (i >= length || i == start) {
        return -1;
      }
      int after = i + 1;
      if (display) {
        if (after >= length
            || input.charAt(after) != '$'
            || input.subSequence(start, i).isBlank()) {
          return -1;
        }
        after++;
      } else if (Character.isWhitespace(input.charAt(i - 1))) {
        return -1;
      }
      if (after < length
          && (Character.isDigit(input.charAt(after)) || input.charAt(after) == '$')) {
        return -1;
      }
      return i;
    }

    @Override
    public void finalizeDocument(InlineParser inlineParser) {}

    @Override
    public void finalizeBlock(InlineParser inlineParser) {}

    static final class Factory implements InlineParserExtensionFactory {
      @Override
      public CharSequence getCharacters() {
        return "$";
      }

      @Override
      public InlineParserExtension apply(LightInlineParser parser) {
        return new Inline();
      }

      @Override
      public Set<Class<?>> getAfterDependents() {
        return null;
      }

      @Override
      public Set<Class<?>> getBeforeDependents() {
        return null;
      }

      @Override
      public boolean affectsGlobalScope() {
        return false;
      }
    }
  }

  /** Lines between two lines that hold only {@code $$}; like a code fence, no Markdown inside. */
  static final class Fenced extends AbstractBlockParser {
    private final Nodes.MathBlock block = new Nodes.MathBlock();
    private final StringBuilder tex = new StringBuilder();
    private final int fenceIndent;
    private boolean openingLine = true;

    private Fenced(int fenceIndent) {
      this.fenceIndent = fenceIndent;
    }

    @Override
    public Block getBlock() {
      return block;
    }

    @Override
    public BlockContinue tryContinue(ParserState state) {
      if (isFence(state)) {
        return BlockContinue.finished();
      }
      BasedSequence line = state.getLine();
      int index = state.getIndex();
      for (int skip = fenceIndent;
          skip > 0 && index < line.length() && line.charAt(index) == ' ';
          skip--) {
        index++;
      }
      return BlockContinue.atIndex(index);
    }

    @Override
    public void addLine(ParserState state, BasedSequence line) {
      if (openingLine) {
        openingLine = false; // the rest of the opening "$$" line, which is blank
        return;
      }
      tex.append(line.trimEOL()).append('\n');
    }

    @Override
    public boolean isPropagatingLastBlankLine(BlockParser lastMatchedBlockParser) {
      return false;
    }

    @Override
    public void closeBlock(ParserState state) {
      block.tex = tex.toString().strip();
    }

    private static boolean isFence(ParserState state) {
      BasedSequence line = state.getLine();
      return state.getIndent() < 4
          && line.subSequence(state.getNextNonSpaceIndex()).trim().equals("$$");
    }

    static final class Factory implements CustomBlockParserFactory {
      @Override
      public Set<Class<?>> getAfterDependents() {
        return null;
      }

      @Override
      public Set<Class<?>> getBeforeDependents() {
        return null;
      }

      @Override
      public boolean affectsGlobalScope() {
        return false;
      }

      @Override
      public BlockParserFactory apply(DataHolder options) {
        return new AbstractBlockParserFactory(options) {
          @Override
          public BlockStart tryStart(ParserState state, MatchedBlockParser matched) {
            if (!isFence(state)) {
              return BlockStart.none();
            }
            return BlockStart.of(new Fenced(state.getIndent()))
                .atIndex(state.getNextNonSpaceIndex() + 2);
          }
        };
      }
    }
  }
}
