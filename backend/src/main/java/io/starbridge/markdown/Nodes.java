package io.starbridge.markdown;

import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/** The syntax tree nodes Starbridge adds to CommonMark's. Each renders to one allow-listed tag. */
final class Nodes {
  private Nodes() {}

  /** {@code >!hidden!<} inside a line; its children are ordinary inline nodes. */
  static final class InlineSpoiler extends Node {
    InlineSpoiler(BasedSequence chars) {
      super(chars);
    }

    @Override
    public BasedSequence[] getSegments() {
      return EMPTY_SEGMENTS;
    }
  }

  /** Lines starting with {@code >!}: a block quote whose content is hidden until clicked. */
  static final class SpoilerBlock extends Block {
    /**
     * The first line also closes with {@code !<}: the writer meant an inline spoiler at the start
     * of a paragraph, and {@link Enricher} turns the block back into that paragraph.
     */
    boolean closesOnFirstLine;

    BasedSequence openingMarker = BasedSequence.NULL;

    @Override
    public BasedSequence[] getSegments() {
      return new BasedSequence[] {openingMarker};
    }
  }

  /** {@code $tex$}, or {@code $$tex$$} within a line ({@code display}). */
  static final class InlineMath extends Node {
    final BasedSequence tex;
    final boolean display;

    InlineMath(BasedSequence chars, BasedSequence tex, boolean display) {
      super(chars);
      this.tex = tex;
      this.display = display;
    }

    @Override
    public BasedSequence[] getSegments() {
      return new BasedSequence[] {tex};
    }
  }

  /** Display math: {@code $$} fenced lines, or a paragraph holding nothing but {@code $$tex$$}. */
  static final class MathBlock extends Block {
    String tex = "";

    @Override
    public BasedSequence[] getSegments() {
      return EMPTY_SEGMENTS;
    }
  }

  /** {@code @handle} of a user who exists. */
  static final class Mention extends Node {
    final String handle;

    Mention(BasedSequence chars, String handle) {
      super(chars);
      this.handle = handle;
    }

    @Override
    public BasedSequence[] getSegments() {
      return EMPTY_SEGMENTS;
    }
  }

  /** {@code #tag}. */
  static final class HashTag extends Node {
    final String tag;

    HashTag(BasedSequence chars, String tag) {
      super(chars);
      this.tag = tag;
    }

    @Override
    public BasedSequence[] getSegments() {
      return EMPTY_SEGMENTS;
    }
  }
}
