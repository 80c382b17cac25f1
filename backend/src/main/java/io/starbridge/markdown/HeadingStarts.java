package io.starbridge.markdown;

import com.vladsch.flexmark.parser.block.BlockParser;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.core.HeadingParser;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.List;
import java.util.Set;

/**
 * Flexmark's heading parser, minus a quadratic cost: on every line starting with {@code #} it
 * copies the whole open paragraph, only to test whether there is one. A paragraph of 10,000 {@code
 * #word} lines took seconds. This factory hands it a view whose paragraph content is a cheap
 * stand-in; the lines themselves, which a setext heading does use, are the real ones. Registered in
 * place of the core factory ({@code Parser.HEADING_PARSER} off).
 */
final class HeadingStarts implements CustomBlockParserFactory {
  private final HeadingParser.Factory core = new HeadingParser.Factory();

  @Override
  public Set<Class<?>> getAfterDependents() {
    return core.getAfterDependents();
  }

  @Override
  public Set<Class<?>> getBeforeDependents() {
    return core.getBeforeDependents();
  }

  @Override
  public boolean affectsGlobalScope() {
    return core.affectsGlobalScope();
  }

  @Override
  public BlockParserFactory apply(DataHolder options) {
    BlockParserFactory headings = core.apply(options);
    return (state, matched) -> headings.tryStart(state, new ParagraphPresence(matched));
  }

  private record ParagraphPresence(MatchedBlockParser matched) implements MatchedBlockParser {
    @Override
    public BlockParser getBlockParser() {
      return matched.getBlockParser();
    }

    /** Non-null exactly when the real one is; the heading parser only tests it for null. */
    @Override
    public BasedSequence getParagraphContent() {
      return matched.getBlockParser().isParagraphParser() ? BasedSequence.EMPTY : null;
    }

    @Override
    public List<BasedSequence> getParagraphLines() {
      return matched.getParagraphLines();
    }

    @Override
    public List<Integer> getParagraphEolLengths() {
      return matched.getParagraphEolLengths();
    }

    @Override
    public MutableDataHolder getParagraphDataHolder() {
      return matched.getParagraphDataHolder();
    }
  }
}
