package io.starbridge.work;

import java.util.List;

/**
 * The catalogue's derived facets of a work. Length follows the SFWA / Hugo categories by word count
 * (for Chinese text a word is a CJK character, as {@link WordCount} counts): short story under
 * 7,500; novelette 7,500–17,499; novella 17,500–39,999; novel 40,000–99,999; long novel 100,000 and
 * more. Popularity scores a work {@code hits + 10 × kudos + 20 × bookmarks} and buckets the score:
 * quiet under 100, noticed under 1,000, popular under 10,000, hit from 10,000.
 */
public final class WorkBuckets {
  private WorkBuckets() {}

  public static final List<String> LENGTHS =
      List.of("short_story", "novelette", "novella", "novel", "long_novel");
  public static final List<String> POPULARITY = List.of("quiet", "noticed", "popular", "hit");

  public static String length(long words) {
    if (words < 7_500) {
      return "short_story";
    }
    if (words < 17_500) {
      return "novelette";
    }
    if (words < 40_000) {
      return "novella";
    }
    return words < 100_000 ? "novel" : "long_novel";
  }

  public static long popularityScore(long hits, long kudos, long bookmarks) {
    return hits + 10 * kudos + 20 * bookmarks;
  }

  public static String popularity(long score) {
    if (score < 100) {
      return "quiet";
    }
    if (score < 1_000) {
      return "noticed";
    }
    return score < 10_000 ? "popular" : "hit";
  }

  /** {@link #length} as SQL over the works row aliased {@code w}. */
  public static final String LENGTH_SQL =
      "(case when w.word_count < 7500 then 'short_story' when w.word_count < 17500 then"
          + " 'novelette' when w.word_count < 40000 then 'novella' when w.word_count < 100000"
          + " then 'novel' else 'long_novel' end)";

  /** {@link #popularity} as SQL over the works row aliased {@code w}. */
  public static final String POPULARITY_SQL =
      "(case when w.hits + 10 * w.kudos_count + 20 * w.bookmark_count < 100 then 'quiet'"
          + " when w.hits + 10 * w.kudos_count + 20 * w.bookmark_count < 1000 then 'noticed'"
          + " when w.hits + 10 * w.kudos_count + 20 * w.bookmark_count < 10000 then 'popular'"
          + " else 'hit' end)";
}
