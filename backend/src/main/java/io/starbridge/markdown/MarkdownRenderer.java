package io.starbridge.markdown;

/** The only way user text becomes HTML. */
public interface MarkdownRenderer {
  /** The version of the rendering rules; stored with each cooked text. */
  int version();

  /** Renders and sanitizes {@code markdown}. Never returns unsafe HTML, whatever the input. */
  Cooked cook(String markdown);
}
