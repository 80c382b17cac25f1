package io.starbridge.markdown;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.Supplier;

/**
 * Bounds on what one text may cost to render. CommonMark parsers have inputs that nest without end
 * or rescan the rest of a line at every bracket; a forum must render any input quickly and the same
 * way every time, so each bound here is cheap and has a plain-text fallback.
 */
final class Limits {
  private Limits() {}

  /** Block quote and list markers a line may open; deeper markers stay text. */
  static final int MAX_NESTING = 32;

  /** Thrown when a text exceeds its budget; rendering falls back to plain paragraphs. */
  static final class TooComplex extends RuntimeException {
    TooComplex(String why) {
      super(why, null, false, false);
    }
  }

  /**
   * Escapes container markers beyond {@link #MAX_NESTING} at the start of a line ({@code >}, {@code
   * -}, {@code +}, {@code *}, {@code 1.}), so 10,000 nested quotes become one quote level 32 deep
   * holding text. Deep nesting is what overflows the stack in Flexmark's tree walks.
   */
  static String limitNesting(String markdown) {
    StringBuilder out = null;
    int lineStart = 0;
    int length = markdown.length();
    while (lineStart < length) {
      int lineEnd = markdown.indexOf('\n', lineStart);
      if (lineEnd < 0) {
        lineEnd = length;
      }
      int escapeAt = excessMarker(markdown, lineStart, lineEnd);
      if (escapeAt >= 0) {
        if (out == null) {
          out = new StringBuilder(length + 16).append(markdown, 0, lineStart);
        }
        out.append(markdown, lineStart, escapeAt).append('\\').append(markdown, escapeAt, lineEnd);
      } else if (out != null) {
        out.append(markdown, lineStart, lineEnd);
      }
      if (out != null && lineEnd < length) {
        out.append('\n');
      }
      lineStart = lineEnd + 1;
    }
    return out == null ? markdown : out.toString();
  }

  /** Where to put a backslash so the line opens no more than the allowed containers, or -1. */
  private static int excessMarker(String s, int i, int end) {
    int depth = 0;
    while (i < end) {
      while (i < end && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
        i++;
      }
      if (i >= end) {
        return -1;
      }
      char c = s.charAt(i);
      int markerEnd;
      int escapeAt;
      if (c == '>') {
        escapeAt = i;
        markerEnd = i + 1 < end && s.charAt(i + 1) == '!' ? i + 2 : i + 1;
      } else if ((c == '-' || c == '+' || c == '*') && isBlankOrEnd(s, i + 1, end)) {
        escapeAt = i;
        markerEnd = i + 1;
      } else if (Character.isDigit(c)) {
        int j = i;
        while (j < end && j - i < 9 && s.charAt(j) >= '0' && s.charAt(j) <= '9') {
          j++;
        }
        if (j >= end
            || (s.charAt(j) != '.' && s.charAt(j) != ')')
            || !isBlankOrEnd(s, j + 1, end)) {
          return -1;
        }
        escapeAt = j;
        markerEnd = j + 1;
      } else {
        return -1;
      }
      if (++depth > MAX_NESTING) {
        return escapeAt;
      }
      i = markerEnd;
    }
    return -1;
  }

  private static boolean isBlankOrEnd(String s, int i, int end) {
    return i >= end || s.charAt(i) == ' ' || s.charAt(i) == '\t';
  }

  /**
   * The input as Flexmark reads it, with a budget: every character read counts, and past the budget
   * the next read throws {@link TooComplex}. Flexmark's slow cases (a bracket or backtick that
   * rescans the rest of the text, again and again) are all reads, so counting them stops such input
   * deterministically, whatever the load on the machine; ordinary Markdown reads each character 10
   * to 30 times.
   *
   * <p>A budget of the thread's CPU time backs this up for slow work that is not reading. CPU time,
   * not wall-clock time, so that a busy machine does not turn a long post into plain text.
   */
  static final class Budget implements CharSequence {
    /** Reads allowed per input character, beyond a fixed allowance for short texts. */
    static final long READS_PER_CHAR = 200;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean CPU_TIME = THREADS.isCurrentThreadCpuTimeSupported();

    private final String text;
    private final long maxReads;
    private final long maxNanos;
    private final long started;
    private long excluded;
    private long reads;

    Budget(String text, long nanos) {
      this.text = text;
      this.maxReads = 1_000_000 + READS_PER_CHAR * text.length();
      this.maxNanos = nanos;
      this.started = now();
    }

    private static long now() {
      return CPU_TIME ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    /** Runs {@code work} (the handle lookup) without counting its time against the budget. */
    <T> T excluding(Supplier<T> work) {
      long before = now();
      try {
        return work.get();
      } finally {
        excluded += now() - before;
      }
    }

    @Override
    public char charAt(int index) {
      if (++reads > maxReads) {
        throw new TooComplex("too many reads");
      }
      if ((reads & 0x3FFF) == 0 && now() - started - excluded > maxNanos) {
        throw new TooComplex("render time");
      }
      return text.charAt(index);
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return text.substring(start, end);
    }

    @Override
    public String toString() {
      return text;
    }
  }

  /** Collects rendered HTML up to a size; one reference used 10,000 times must not fill memory. */
  static final class BoundedOutput implements Appendable {
    private final StringBuilder out = new StringBuilder();
    private final int max;

    BoundedOutput(int max) {
      this.max = max;
    }

    @Override
    public Appendable append(CharSequence csq) {
      return append(csq, 0, csq.length());
    }

    @Override
    public Appendable append(CharSequence csq, int start, int end) {
      check(end - start);
      out.append(csq, start, end);
      return this;
    }

    @Override
    public Appendable append(char c) {
      check(1);
      out.append(c);
      return this;
    }

    private void check(int more) {
      if (out.length() + more > max) {
        throw new TooComplex("output size");
      }
    }

    @Override
    public String toString() {
      return out.toString();
    }
  }
}
