package io.starbridge.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.starbridge.support.ForumTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;

/** An index written with an older document layout is rebuilt at start-up, serving meanwhile. */
@MicronautTest(transactional = false)
class SearchSchemaTest extends ForumTest {
  @Inject SearchIndex index;

  private static Map<String, String> commitData(Path dir) throws Exception {
    try (FSDirectory d = FSDirectory.open(dir);
        DirectoryReader r = DirectoryReader.open(d)) {
      return new HashMap<>(r.getIndexCommit().getUserData());
    }
  }

  @Test
  void anIndexOfAnOlderLayoutIsRebuiltAtStartUp() throws Exception {
    assertThat(index.awaitCaughtUp(Duration.ofSeconds(20))).isTrue();
    String before = SearchRebuild.readCurrent(index.root());
    Path dir = index.root().resolve(before);
    assertThat(commitData(dir)).containsEntry(SearchFields.SCHEMA_KEY, SearchFields.SCHEMA);

    index.stop();
    // As a release before the catalogue's facets left it: no layout in the commit.
    try (FSDirectory d = FSDirectory.open(dir);
        IndexWriter w =
            new IndexWriter(
                d,
                new IndexWriterConfig(SearchAnalysis.indexAnalyzer())
                    .setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
      Map<String, String> data = commitData(dir);
      data.remove(SearchFields.SCHEMA_KEY);
      w.setLiveCommitData(data.entrySet());
      w.commit();
    }
    assertThat(commitData(dir)).doesNotContainKey(SearchFields.SCHEMA_KEY);

    index.start();
    assertThat(index.awaitCaughtUp(Duration.ofSeconds(60))).isTrue();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (index.isRebuilding() && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(index.isRebuilding()).isFalse();
    String after = SearchRebuild.readCurrent(index.root());
    assertThat(after).isNotEqualTo(before);
    assertThat(commitData(index.root().resolve(after)))
        .containsEntry(SearchFields.SCHEMA_KEY, SearchFields.SCHEMA);
  }
}
