package io.starbridge.search;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;

/** One index directory open for writing and searching, with the outbox position it reflects. */
final class Generation implements Closeable {
  final String name;
  final Path path;
  final FSDirectory dir;
  final IndexWriter writer;
  final SearcherManager searchers;
  volatile OutboxCursor cursor;

  /**
   * The document layout it was written with ({@link SearchFields#SCHEMA}); kept in its commits, so
   * an index from an older layout stays recognizable until a rebuild replaces it.
   */
  final String schema;

  private long lastCommit = System.nanoTime();
  private boolean uncommitted;

  private Generation(
      String name, Path path, FSDirectory dir, IndexWriter writer, OutboxCursor c, String schema)
      throws IOException {
    this.name = name;
    this.schema = schema;
    this.path = path;
    this.dir = dir;
    this.writer = writer;
    this.searchers = new SearcherManager(writer, null);
    this.cursor = c;
  }

  /** Opens an existing index; throws when it is missing, corrupt or has no outbox position. */
  static Generation open(String name, Path path) throws IOException {
    FSDirectory dir = FSDirectory.open(path);
    try {
      if (!DirectoryReader.indexExists(dir)) {
        throw new IOException("no index in " + path);
      }
      OutboxCursor c;
      String schema;
      try (DirectoryReader r = DirectoryReader.open(dir)) {
        Map<String, String> data = r.getIndexCommit().getUserData();
        c = OutboxCursor.fromUserData(data);
        schema = data.getOrDefault(SearchFields.SCHEMA_KEY, "1");
        // Reads every segment's header and footer checksum: a damaged file fails here.
        r.leaves().forEach(l -> l.reader().numDocs());
      }
      if (c == null) {
        throw new IOException("index in " + path + " has no outbox position");
      }
      IndexWriterConfig cfg = new IndexWriterConfig(SearchAnalysis.indexAnalyzer());
      cfg.setOpenMode(IndexWriterConfig.OpenMode.APPEND);
      cfg.setRAMBufferSizeMB(32);
      cfg.setCommitOnClose(false);
      return new Generation(name, path, dir, new IndexWriter(dir, cfg), c, schema);
    } catch (IOException | RuntimeException e) {
      dir.close();
      throw e;
    }
  }

  void update(SearchDoc doc) throws IOException {
    writer.updateDocument(new Term(SearchFields.KEY, doc.key()), SearchFields.toDocument(doc));
    uncommitted = true;
  }

  void delete(String key) throws IOException {
    writer.deleteDocuments(new Term(SearchFields.KEY, key));
    uncommitted = true;
  }

  /** Makes changes searchable and records the new position (in memory). */
  void refresh(OutboxCursor next) throws IOException {
    searchers.maybeRefreshBlocking();
    cursor = next;
    uncommitted = true;
  }

  /** Commits when something changed and {@code force} or a second has passed since the last. */
  void maybeCommit(boolean force) throws IOException {
    if (!uncommitted || (!force && System.nanoTime() - lastCommit < 1_000_000_000L)) {
      return;
    }
    Map<String, String> data = cursor.userData();
    data.put(SearchFields.SCHEMA_KEY, schema);
    writer.setLiveCommitData(data.entrySet());
    writer.commit();
    lastCommit = System.nanoTime();
    uncommitted = false;
  }

  @Override
  public void close() throws IOException {
    try {
      searchers.close();
    } finally {
      try {
        writer.close();
      } finally {
        dir.close();
      }
    }
  }

  /** Drops everything not committed (as a crash would) and closes. */
  void abandon() throws IOException {
    try {
      searchers.close();
    } finally {
      try {
        writer.rollback();
      } finally {
        dir.close();
      }
    }
  }
}
