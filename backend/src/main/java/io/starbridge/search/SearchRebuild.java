package io.starbridge.search;

import io.starbridge.common.Db;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;

/**
 * Builds a whole new index generation from PostgreSQL into its own directory, then names it in
 * {@code current}. Whatever serves keeps using the old generation meanwhile; the running indexer
 * notices the new name, catches the new generation up from the outbox position recorded at the
 * start of the build and swaps. Rows are read in id-keyed pages; documents are analyzed on all
 * cores.
 */
@Singleton
public class SearchRebuild {
  private final SearchSource source;
  private final Db db;

  public SearchRebuild(SearchSource source, Db db) {
    this.source = source;
    this.db = db;
  }

  /** Reports progress: documents done, documents expected. */
  public interface Progress {
    void update(String phase, long done, long total);
  }

  static final int PAGE = 2_000;

  /** Builds a generation under {@code root}, makes it current and returns its name. */
  public String build(Path root, Progress progress) throws IOException {
    Files.createDirectories(root);
    // Every transaction older than the oldest one still running is final and its rows are read
    // below; anything later is replayed from the outbox by the indexer (replays are idempotent).
    String xmin =
        db.one("select pg_snapshot_xmin(pg_current_snapshot())::text", rs -> rs.getString(1))
            .orElseThrow();
    long lastId = db.count("select coalesce(max(id), 0) from outbox");
    OutboxCursor start = new OutboxCursor(xmin, 0, lastId);
    String name = "gen-" + System.currentTimeMillis();
    Path path = root.resolve(name);
    long total =
        source.count("topics")
            + source.count("posts")
            + source.count("users")
            + source.count("groups")
            + source.count("works");
    AtomicLong done = new AtomicLong();
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    Semaphore inFlight = new Semaphore(threads * 2);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    try (FSDirectory dir = FSDirectory.open(path)) {
      IndexWriterConfig cfg = new IndexWriterConfig(SearchAnalysis.indexAnalyzer());
      cfg.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
      cfg.setRAMBufferSizeMB(64);
      try (IndexWriter writer = new IndexWriter(dir, cfg)) {
        progress.update("indexing", 0, total);
        for (String table : List.of("topics", "posts", "users", "groups", "works")) {
          BiFunction<Long, Integer, SearchSource.Chunk> page =
              switch (table) {
                case "topics" -> source::topicsAfter;
                case "posts" -> source::postsAfter;
                case "users" -> source::usersAfter;
                case "works" -> source::worksAfter;
                default -> source::groupsAfter;
              };
          long after = 0;
          while (failure.get() == null) {
            SearchSource.Chunk chunk = page.apply(after, PAGE);
            if (chunk.lastId() == null) {
              break;
            }
            after = chunk.lastId();
            List<SearchDoc> docs = chunk.docs();
            if (docs.isEmpty()) {
              continue;
            }
            inFlight.acquireUninterruptibly();
            pool.execute(
                () -> {
                  try {
                    List<Document> batch = docs.stream().map(SearchFields::toDocument).toList();
                    writer.addDocuments(batch);
                    progress.update("indexing", done.addAndGet(batch.size()), total);
                  } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                  } finally {
                    inFlight.release();
                  }
                });
          }
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.DAYS);
        if (failure.get() != null) {
          throw new IOException("rebuild failed", failure.get());
        }
        progress.update("committing", done.get(), total);
        Map<String, String> data = start.userData();
        data.put(SearchFields.SCHEMA_KEY, SearchFields.SCHEMA);
        writer.setLiveCommitData(data.entrySet());
        writer.commit();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("rebuild interrupted", e);
    } finally {
      pool.shutdownNow();
    }
    writeCurrent(root, name);
    progress.update("done", done.get(), total);
    return name;
  }

  static void writeCurrent(Path root, String name) {
    try {
      Path tmp = root.resolve("current.tmp");
      Files.writeString(tmp, name);
      Files.move(
          tmp,
          root.resolve("current"),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String readCurrent(Path root) {
    try {
      Path f = root.resolve("current");
      return Files.exists(f) ? Files.readString(f).trim() : null;
    } catch (IOException e) {
      return null;
    }
  }

  /** A progress bar for the terminal: counts, rate, ETA. */
  public static Progress bar(java.io.PrintStream out) {
    long started = System.nanoTime();
    return new Progress() {
      private long lastPrint;

      @Override
      public synchronized void update(String phase, long done, long total) {
        long now = System.nanoTime();
        boolean end = phase.equals("done") || phase.equals("committing");
        if (!end && now - lastPrint < 200_000_000L) {
          return;
        }
        lastPrint = now;
        double secs = Math.max(0.001, (now - started) / 1e9);
        double rate = done / secs;
        int pct = total == 0 ? 100 : (int) Math.min(100, done * 100 / total);
        int width = 30;
        int filled = pct * width / 100;
        long eta = rate > 0 ? (long) ((total - done) / rate) : 0;
        out.printf(
            "\r[%s%s] %3d%% %,d/%,d docs  %,.0f docs/s  %s %s   ",
            "#".repeat(filled),
            "-".repeat(width - filled),
            pct,
            done,
            total,
            rate,
            phase.equals("indexing") ? "ETA" : phase,
            phase.equals("indexing") ? String.format("%d:%02d", eta / 60, eta % 60) : "");
        if (phase.equals("done")) {
          out.printf("%n%,d documents in %.1f s (%,.0f docs/s)%n", done, secs, rate);
        }
        out.flush();
      }
    };
  }
}
