package io.starbridge.search;

import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.starbridge.common.Db;
import io.starbridge.ops.RuntimeSettings;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.apache.lucene.search.IndexSearcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local Lucene index and the outbox consumer that keeps it current.
 *
 * <p>The index lives in {@code STARBRIDGE_DATA_DIR/search/<generation>}; the file {@code current}
 * names the generation in use. One thread tails the outbox: it reads rows in (transaction id, id)
 * order up to the oldest transaction still running (so a row whose id is lower but whose
 * transaction commits later is never skipped — see V30), re-reads the affected rows from
 * PostgreSQL, updates or deletes their documents by key ({@code type:id}), refreshes the searcher
 * after each batch (near-real-time) and commits at most once a second with the position in the
 * commit's user data. After a crash it resumes from the last commit; replays are idempotent.
 */
@Singleton
public class SearchIndex {
  private static final Logger LOG = LoggerFactory.getLogger(SearchIndex.class);
  static final int BATCH = 1_000;

  private final Db db;
  private final SearchSource source;
  private final SearchRebuild rebuild;
  private final Path root;
  private final AtomicBoolean rebuilding = new AtomicBoolean();
  private final Object wake = new Object();
  private volatile Generation live;
  private volatile boolean running;
  private Thread thread;

  public SearchIndex(
      Db db,
      SearchSource source,
      SearchRebuild rebuild,
      @Value("${starbridge.search.dir:}") String configuredDir) {
    this.db = db;
    this.source = source;
    this.rebuild = rebuild;
    this.root = resolveRoot(configuredDir);
  }

  /** The index root: configured, else a fresh directory per test context, else the data dir's. */
  public static Path resolveRoot(String configured) {
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured).toAbsolutePath();
    }
    if (Boolean.getBoolean("starbridge.test")) {
      try {
        Path base = RuntimeSettings.dataDir();
        Files.createDirectories(base);
        return Files.createTempDirectory(base, "search-");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return defaultRoot();
  }

  public static Path defaultRoot() {
    return RuntimeSettings.dataDir().resolve("search");
  }

  public Path root() {
    return root;
  }

  @EventListener
  void onServerStartup(ServerStartupEvent event) {
    start();
  }

  synchronized void start() {
    if (running) {
      return;
    }
    try {
      Files.createDirectories(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String name = SearchRebuild.readCurrent(root);
    if (name != null) {
      try {
        live = Generation.open(name, root.resolve(name));
      } catch (IOException | RuntimeException e) {
        LOG.warn("Search index {} cannot be opened ({}); rebuilding it", name, e.toString());
      }
    }
    if (live == null) {
      rebuildAsync();
    } else if (!SearchFields.SCHEMA.equals(live.schema)) {
      // Written with an older document layout: it keeps serving until the rebuild swaps in.
      LOG.info(
          "Search index {} has layout {}, not {}; rebuilding it",
          name,
          live.schema,
          SearchFields.SCHEMA);
      rebuildAsync();
    }
    running = true;
    thread = new Thread(this::loop, "search-indexer");
    thread.setDaemon(true);
    thread.start();
  }

  @PreDestroy
  synchronized void stop() {
    running = false;
    if (thread != null) {
      // Never interrupt: an interrupt during Lucene I/O closes its file channels.
      poke();
      try {
        thread.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      thread = null;
    }
    Generation g = live;
    live = null;
    if (g != null) {
      try {
        g.maybeCommit(true);
        g.close();
      } catch (IOException | RuntimeException e) {
        LOG.warn("Closing the search index failed", e);
      }
    }
  }

  public boolean isRebuilding() {
    return rebuilding.get() || live == null;
  }

  /** Runs {@code fn} on a current searcher; empty while no index exists yet (first rebuild). */
  public <T> Optional<T> withSearcher(Function<IndexSearcher, T> fn) {
    Generation g = live;
    if (g == null) {
      return Optional.empty();
    }
    IndexSearcher s;
    try {
      s = g.searchers.acquire();
    } catch (org.apache.lucene.store.AlreadyClosedException e) {
      return withSearcherRetry(fn);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      return Optional.ofNullable(fn.apply(s));
    } finally {
      try {
        g.searchers.release(s);
      } catch (IOException e) {
        LOG.debug("release failed", e);
      }
    }
  }

  private <T> Optional<T> withSearcherRetry(Function<IndexSearcher, T> fn) {
    // The generation was swapped between reading it and acquiring: use the new one.
    Generation g = live;
    if (g == null) {
      return Optional.empty();
    }
    return withSearcher(fn);
  }

  /** Starts a rebuild in the background unless one runs; the indexer swaps when it is done. */
  public CompletableFuture<String> rebuildAsync() {
    if (!rebuilding.compareAndSet(false, true)) {
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<String> done = new CompletableFuture<>();
    Thread t =
        new Thread(
            () -> {
              try {
                long started = System.nanoTime();
                String name =
                    rebuild.build(
                        root,
                        (phase, n, total) -> {
                          if (phase.equals("done")) {
                            LOG.info(
                                "Search index rebuilt: {} documents in {} ms",
                                n,
                                (System.nanoTime() - started) / 1_000_000);
                          }
                        });
                synchronized (wake) {
                  wake.notifyAll();
                }
                done.complete(name);
              } catch (Throwable e) {
                LOG.error("Search index rebuild failed", e);
                rebuilding.set(false);
                done.completeExceptionally(e);
              }
            },
            "search-rebuild");
    t.setDaemon(true);
    t.start();
    return done;
  }

  /** Wakes the indexer now (after a write, instead of waiting for the next poll). */
  public void poke() {
    synchronized (wake) {
      wake.notifyAll();
    }
  }

  /**
   * Waits until every outbox row committed so far is applied and searchable; false on timeout. For
   * tests and tools: no sleeps needed after a write.
   */
  public boolean awaitCaughtUp(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long target = db.count("select coalesce(max(id), 0) from outbox");
    while (System.nanoTime() < deadline) {
      Generation g = live;
      if (g != null && !rebuilding.get() && caughtUp(g.cursor, target)) {
        return true;
      }
      poke();
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }

  private boolean caughtUp(OutboxCursor c, long targetId) {
    // Nothing at or after the cursor among rows up to the target id.
    return db.count(
            "select count(*) from outbox where id <= ? and (xid, id) >= (?::xid8, ?)",
            targetId,
            c.xid(),
            c.id())
        == 0;
  }

  /** The position of the serving generation (for tests and diagnostics). */
  public OutboxCursor position() {
    Generation g = live;
    return g == null ? null : g.cursor;
  }

  // ---- the consumer -----------------------------------------------------------------------

  private void loop() {
    while (running) {
      try {
        swapIfRebuilt();
        Generation g = live;
        int applied = g == null ? 0 : step(g);
        if (applied == 0) {
          if (g != null) {
            g.maybeCommit(true);
          }
          synchronized (wake) {
            wake.wait(250);
          }
        }
      } catch (InterruptedException e) {
        if (!running) {
          return;
        }
      } catch (Throwable e) {
        if (!running) {
          return;
        }
        LOG.warn("Search indexer step failed; retrying", e);
        try {
          Thread.sleep(1000);
        } catch (InterruptedException ie) {
          // loop re-checks running
        }
      }
    }
  }

  record Row(long id, String xid, String type, String aggregate, long aggregateId) {}

  /** Applies one batch to {@code g}; returns how many outbox rows it consumed. */
  int step(Generation g) throws IOException {
    OutboxCursor c = g.cursor;
    List<Row> rows =
        db.list(
            "select id, xid::text, event_type, aggregate, aggregate_id from outbox"
                + " where (xid, id) >= (?::xid8, ?) and xid < pg_snapshot_xmin(pg_current_snapshot())"
                + " order by xid, id limit ?",
            rs ->
                new Row(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getLong(5)),
            c.xid(),
            c.id(),
            BATCH);
    if (rows.isEmpty()) {
      return 0;
    }
    apply(g, rows);
    Row last = rows.get(rows.size() - 1);
    g.refresh(new OutboxCursor(last.xid(), last.id() + 1, last.id()));
    g.maybeCommit(false);
    return rows.size();
  }

  private static final Set<String> TOPIC_EVENTS_FOR_POSTS =
      Set.of(
          "TopicMoved",
          "TopicDeleted",
          "TopicRestored",
          "TopicEdited",
          "TopicHidden",
          "TopicUnhidden");

  /** Work events that change what a work's document holds or who may read it. */
  private static final Set<String> WORK_EVENTS =
      Set.of(
          "WorkCreated",
          "WorkPublished",
          "WorkUpdated",
          "WorkDeleted",
          "TranslationPermissionGranted",
          "TranslationPermissionDeclined",
          "TranslationPermissionRequested",
          // the catalogue's facets: rights, and what the popularity bucket and sort read
          "WorkRightsUpdated",
          "KudosGiven",
          "KudosWithdrawn",
          "WorkBookmarked",
          "WorkUnbookmarked",
          "WorkPopularityChanged");

  private static final Set<String> IGNORED =
      Set.of("ReactionAdded", "ReactionRemoved", "BoardFollowed", "BoardUnfollowed");

  /** Re-reads what the rows touch and writes or deletes their documents. */
  void apply(Generation g, List<Row> rows) throws IOException {
    Set<Long> topics = new LinkedHashSet<>();
    Set<Long> posts = new LinkedHashSet<>();
    Set<Long> users = new LinkedHashSet<>();
    Set<Long> topicsWithPosts = new LinkedHashSet<>();
    Set<Long> boards = new LinkedHashSet<>();
    Set<Long> groups = new LinkedHashSet<>();
    Set<Long> groupsWithTopics = new LinkedHashSet<>();
    Set<Long> works = new LinkedHashSet<>();
    Set<Long> chapters = new LinkedHashSet<>();
    for (Row r : rows) {
      if (IGNORED.contains(r.type())) {
        continue;
      }
      switch (r.aggregate()) {
        case "post" -> posts.add(r.aggregateId());
        case "topic" -> {
          topics.add(r.aggregateId());
          if (TOPIC_EVENTS_FOR_POSTS.contains(r.type())) {
            topicsWithPosts.add(r.aggregateId());
          }
        }
        case "board" -> {
          if (r.type().equals("BoardUpdated")) {
            boards.add(r.aggregateId());
          }
        }
        case "user" -> users.add(r.aggregateId());
        case "group" -> {
          // Membership events change no document: a caller's group tokens are read per request.
          // A group's name, description and visibility live in its own document; visibility and
          // deletion also decide who reads its discussions.
          if (r.type().equals("GroupCreated")
              || r.type().equals("GroupUpdated")
              || r.type().equals("GroupDeleted")) {
            groups.add(r.aggregateId());
          }
          if (r.type().equals("GroupUpdated") || r.type().equals("GroupDeleted")) {
            groupsWithTopics.add(r.aggregateId());
          }
        }
        case "work" -> {
          if (WORK_EVENTS.contains(r.type())) {
            works.add(r.aggregateId());
          }
        }
        // ChapterPublished, ChapterEdited, ChapterDeleted: the work's text changed.
        case "chapter" -> chapters.add(r.aggregateId());
        default -> {
          // other aggregates do not touch the index
        }
      }
    }
    if (!chapters.isEmpty()) {
      works.addAll(source.worksOfChapters(chapters));
    }
    write(g, "work", new ArrayList<>(works), source::works);
    if (!posts.isEmpty()) {
      topics.addAll(source.topicsOfFirstPosts(posts));
    }
    if (!topicsWithPosts.isEmpty()) {
      posts.addAll(source.postIdsOfTopics(topicsWithPosts));
    }
    writeTopics(g, topics);
    writePosts(g, posts);
    writeUsers(g, users);
    write(g, "group", new ArrayList<>(groups), source::groups);
    for (long group : groupsWithTopics) {
      long after = 0;
      while (true) {
        List<Long> ids = source.topicIdsOfGroup(group, after, 500);
        if (ids.isEmpty()) {
          break;
        }
        after = ids.get(ids.size() - 1);
        writeTopics(g, ids);
        writePosts(g, source.postIdsOfTopics(ids));
      }
    }
    for (long board : boards) {
      long after = 0;
      while (true) {
        List<Long> ids = source.topicIdsOfBoard(board, after, 500);
        if (ids.isEmpty()) {
          break;
        }
        after = ids.get(ids.size() - 1);
        writeTopics(g, ids);
        writePosts(g, source.postIdsOfTopics(ids));
      }
    }
  }

  private void writeTopics(Generation g, Set<Long> ids) throws IOException {
    writeTopics(g, new ArrayList<>(ids));
  }

  private void writeTopics(Generation g, List<Long> ids) throws IOException {
    write(g, "topic", ids, source::topics);
  }

  private void writePosts(Generation g, Set<Long> ids) throws IOException {
    writePosts(g, new ArrayList<>(ids));
  }

  private void writePosts(Generation g, List<Long> ids) throws IOException {
    write(g, "post", ids, source::posts);
  }

  private void writeUsers(Generation g, Set<Long> ids) throws IOException {
    write(g, "user", new ArrayList<>(ids), source::users);
  }

  private static void write(
      Generation g, String type, List<Long> ids, Function<List<Long>, List<SearchDoc>> load)
      throws IOException {
    for (int i = 0; i < ids.size(); i += 500) {
      List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + 500));
      Map<Long, SearchDoc> found = new HashMap<>();
      for (SearchDoc d : load.apply(chunk)) {
        found.put(d.id(), d);
      }
      for (long id : chunk) {
        SearchDoc d = found.get(id);
        if (d == null) {
          g.delete(SearchDoc.key(type, id));
        } else {
          g.update(d);
        }
      }
    }
  }

  /** When a rebuild named a new generation: catch it up from its position, then serve it. */
  private void swapIfRebuilt() throws IOException {
    String name = SearchRebuild.readCurrent(root);
    Generation old = live;
    if (name == null || (old != null && name.equals(old.name))) {
      return;
    }
    Generation next = Generation.open(name, root.resolve(name));
    try {
      while (running && step(next) > 0) {
        // catching up
      }
      next.maybeCommit(true);
    } catch (IOException | RuntimeException e) {
      next.close();
      throw e;
    }
    live = next;
    LOG.info("Search now serves index generation {}", name);
    if (old != null) {
      try {
        old.close();
      } catch (IOException e) {
        LOG.warn("Closing the previous search generation failed", e);
      }
    }
    deleteOtherGenerations(name);
    rebuilding.set(false);
  }

  private void deleteOtherGenerations(String keep) {
    try (var dirs = Files.list(root)) {
      for (Path p : dirs.filter(Files::isDirectory).toList()) {
        String n = p.getFileName().toString();
        if (!n.startsWith("gen-") || n.equals(keep) || n.compareTo(keep) > 0) {
          continue; // a newer one may be a rebuild in progress
        }
        try (var walk = Files.walk(p)) {
          walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
      }
    } catch (IOException e) {
      LOG.warn("Removing old search generations failed", e);
    }
  }

  // ---- test hooks -------------------------------------------------------------------------

  /** Simulates a crash: drops everything not committed and reopens from the last commit. */
  synchronized void crashAndReopen() throws IOException {
    running = false;
    poke();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Generation g = live;
    live = null;
    g.abandon();
    thread = null;
    start();
  }

  /** Applies the given rows again (to show that replays change nothing). */
  void replay(long fromOutboxId) throws IOException {
    Generation g = live;
    List<Row> rows =
        db.list(
            "select id, xid::text, event_type, aggregate, aggregate_id from outbox where id >= ? order by id",
            rs ->
                new Row(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getLong(5)),
            fromOutboxId);
    synchronized (this) {
      apply(g, rows);
      g.searchers.maybeRefreshBlocking();
    }
  }

  Set<String> generations() {
    Set<String> out = new HashSet<>();
    try (var dirs = Files.list(root)) {
      dirs.filter(Files::isDirectory).forEach(p -> out.add(p.getFileName().toString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
