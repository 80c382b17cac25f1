package io.starbridge.registry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The canonical form of a text, whose SHA-256 is what the registry stores. Two texts that differ
 * only in ways editors and operating systems change silently hash the same:
 *
 * <ol>
 *   <li>a leading byte-order mark (U+FEFF) is removed;
 *   <li>line endings CRLF and lone CR become LF;
 *   <li>the text is normalized to Unicode NFC ({@link java.text.Normalizer.Form#NFC});
 *   <li>trailing whitespace (characters with the Unicode {@code White_Space} property, e.g. space,
 *       tab, U+00A0, U+3000) is removed from every line; leading whitespace is kept;
 *   <li>blank lines at the start and at the end are removed;
 *   <li>lines are joined with LF, without a final LF, and encoded as UTF-8.
 * </ol>
 *
 * <p>The content hash is the lowercase hex SHA-256 of those bytes.
 *
 * <p>Paragraphs are the runs of non-blank lines of the canonical text separated by one or more
 * blank lines. A paragraph is hashed (UTF-8, SHA-256, lowercase hex) in a looser form, so that a
 * paragraph copied from the reading page of a browser matches what the writer typed:
 *
 * <ol>
 *   <li>each line's leading whitespace is removed too (Chinese prose indents paragraphs with
 *       U+3000, which a reader's copy may or may not keep);
 *   <li>every run of whitespace inside a line (space, tab, U+00A0, U+3000, …: {@code White_Space})
 *       becomes one space U+0020 (browsers collapse runs of spaces and copy U+00A0 as a space, or a
 *       space as U+00A0);
 *   <li>the lines of the paragraph are joined with one space (a copy keeps a paragraph's line
 *       breaks, or shows them as spaces where a page renders them so).
 * </ol>
 *
 * <p>Nothing else changes: quotes, dashes, full-width punctuation and letter case stay as they are.
 * Only paragraphs of at least {@link #MIN_PARAGRAPH} Unicode code points are indexed, so that short
 * lines ("Chapter 1") match nothing.
 */
public final class CanonicalText {
  public static final int MIN_PARAGRAPH = 12;
  private static final Pattern TRAILING_WS = Pattern.compile("\\p{IsWhite_Space}+$");
  private static final Pattern LEADING_WS = Pattern.compile("^\\p{IsWhite_Space}+");
  private static final Pattern INNER_WS = Pattern.compile("\\p{IsWhite_Space}+");

  private CanonicalText() {}

  /** The canonical form of {@code text} (possibly empty). */
  public static String canonical(String text) {
    String s = text;
    if (s.startsWith("\uFEFF")) {
      s = s.substring(1);
    }
    s = s.replace("\r\n", "\n").replace('\r', '\n');
    s = Normalizer.normalize(s, Normalizer.Form.NFC);
    String[] lines = s.split("\n", -1);
    List<String> out = new ArrayList<>(lines.length);
    for (String line : lines) {
      out.add(TRAILING_WS.matcher(line).replaceFirst(""));
    }
    int start = 0;
    int end = out.size();
    while (start < end && out.get(start).isEmpty()) {
      start++;
    }
    while (end > start && out.get(end - 1).isEmpty()) {
      end--;
    }
    return String.join("\n", out.subList(start, end));
  }

  /** The lowercase hex SHA-256 of the canonical form. */
  public static String hash(String text) {
    return sha256Hex(canonical(text));
  }

  /** The paragraphs of {@code text} in their hashed form, long enough to be indexed, in order. */
  public static List<String> paragraphs(String text) {
    List<String> paragraphs = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String canonicalLine : canonical(text).split("\n", -1)) {
      String line =
          INNER_WS.matcher(LEADING_WS.matcher(canonicalLine).replaceFirst("")).replaceAll(" ");
      if (line.isEmpty()) {
        flush(current, paragraphs);
      } else {
        if (current.length() > 0) {
          current.append(' ');
        }
        current.append(line);
      }
    }
    flush(current, paragraphs);
    return paragraphs;
  }

  /** The hashes of {@link #paragraphs}, in order (duplicates kept). */
  public static List<String> paragraphHashes(String text) {
    return paragraphs(text).stream().map(CanonicalText::sha256Hex).toList();
  }

  private static void flush(StringBuilder current, List<String> paragraphs) {
    if (current.length() > 0) {
      String p = current.toString();
      if (p.codePointCount(0, p.length()) >= MIN_PARAGRAPH) {
        paragraphs.add(p);
      }
      current.setLength(0);
    }
  }

  public static String sha256Hex(String s) {
    return sha256Hex(s.getBytes(StandardCharsets.UTF_8));
  }

  public static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The digest that binds an entry's paragraph hashes into its signed message: SHA-256 of each
   * paragraph hash (64 hex digits) followed by LF, concatenated in order.
   */
  public static String paragraphsDigest(List<String> paragraphHashes) {
    StringBuilder sb = new StringBuilder();
    for (String h : paragraphHashes) {
      sb.append(h).append('\n');
    }
    return sha256Hex(sb.toString());
  }
}
