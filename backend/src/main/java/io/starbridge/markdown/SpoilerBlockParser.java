package io.starbridge.markdown;

import com.vladsch.flexmark.ast.util.Parsing;
import com.vladsch.flexmark.parser.block.AbstractBlockParser;
import com.vladsch.flexmark.parser.block.AbstractBlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockContinue;
import com.vladsch.flexmark.parser.block.BlockParser;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.parser.core.BlockQuoteParser;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.Set;

/**
 * A spoiler block: every line starts with {@code >!} (a block quote with a {@code !}). Its content
 * is any Markdown, as in a block quote; a paragraph in it continues lazily as in a block quote.
 */
final class SpoilerBlockParser extends AbstractBlockParser {
  private final Nodes.SpoilerBlock block = new Nodes.SpoilerBlock();

  private SpoilerBlockParser(BasedSequence marker, boolean closesOnFirstLine) {
    block.openingMarker = marker;
    block.closesOnFirstLine = closesOnFirstLine;
  }

  @Override
  public Block getBlock() {
    return block;
  }

  @Override
  public boolean isContainer() {
    return true;
  }

  @Override
  public boolean canContain(ParserState state, BlockParser blockParser, Block block) {
    return true;
  }

  @Override
  public boolean isPropagatingLastBlankLine(BlockParser lastMatchedBlockParser) {
    return false;
  }

  @Override
  public BlockContinue tryContinue(ParserState state) {
    int marker = state.getNextNonSpaceIndex();
    if (!state.isBlank() && isMarker(state, marker)) {
      return BlockContinue.atColumn(columnAfter(state, marker));
    }
    return BlockContinue.none();
  }

  @Override
  public void closeBlock(ParserState state) {
    block.setCharsFromContent();
  }

  private static boolean isMarker(ParserState state, int index) {
    BasedSequence line = state.getLine();
    return state.getIndent() < 4
        && index + 1 < line.length()
        && line.charAt(index) == '>'
        && line.charAt(index + 1) == '!';
  }

  /** After {@code >!} and one optional space, as a block quote skips {@code >} and one space. */
  private static int columnAfter(ParserState state, int marker) {
    int column = state.getColumn() + state.getIndent() + 2;
    return Parsing.isSpaceOrTab(state.getLine(), marker + 2) ? column + 1 : column;
  }

  static final class Factory implements CustomBlockParserFactory {
    @Override
    public Set<Class<?>> getAfterDependents() {
      return null;
    }

    /** Must be asked before the block quote parser, which would take the {@code >}. */
    @Override
    public Set<Class<?>> getBeforeDependents() {
      return Set.of(BlockQuoteParser.Factory.class);
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
          int marker = state.getNextNonSpaceIndex();
          if (!isMarker(state, marker)) {
            return BlockStart.none();
          }
          BasedSequence line = state.getLine();
          boolean closes = line.subSequence(marker + 2).indexOf("!<") >= 0;
          return BlockStart.of(new SpoilerBlockParser(line.subSequence(marker, marker + 2), closes))
              .atColumn(columnAfter(state, marker));
        }
      };
    }
  }
}
