package io.starbridge.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The relevance set ({@code resources/search/relevance}): a fixed bilingual science-fiction corpus
 * (simplified, traditional, English and mixed) and queries with the documents they should find.
 * Computes recall@10 and MRR for our analysis chain and query builder and for a plain
 * StandardAnalyzer index queried through the classic query parser, prints both and keeps ours above
 * a floor and ahead of the baseline.
 */
class RelevanceTest {
  record Doc(String id, String title, String body) {}

  record Q(String query, List<String> expected) {}

  record Score(double recall, double mrr, List<String> misses) {}

  static List<Doc> corpus;
  static List<Q> queries;

  @BeforeAll
  static void load() throws IOException {
    corpus = new ArrayList<>();
    for (String[] f : rows("corpus.tsv")) {
      corpus.add(new Doc(f[0], f[1], f[2]));
    }
    queries = new ArrayList<>();
    for (String[] f : rows("queries.tsv")) {
      queries.add(new Q(f[0], List.of(f[1].split(","))));
    }
  }

  private static List<String[]> rows(String name) throws IOException {
    List<String[]> out = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                RelevanceTest.class.getResourceAsStream("/search/relevance/" + name),
                StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        out.add(line.split("\t"));
      }
    }
    return out;
  }

  /** Runs every query; {@code search} answers the ids of the top ten. */
  static Score evaluate(Function<String, List<String>> search) {
    double recall = 0;
    double mrr = 0;
    List<String> misses = new ArrayList<>();
    for (Q q : queries) {
      List<String> top = search.apply(q.query());
      long found = q.expected().stream().filter(top::contains).count();
      recall += (double) found / q.expected().size();
      double rr = 0;
      for (int i = 0; i < top.size(); i++) {
        if (q.expected().contains(top.get(i))) {
          rr = 1.0 / (i + 1);
          break;
        }
      }
      mrr += rr;
      if (found < q.expected().size()) {
        misses.add(q.query() + " → " + top);
      }
    }
    return new Score(recall / queries.size(), mrr / queries.size(), misses);
  }

  static IndexSearcher index(Analyzer analyzer, Function<Doc, Document> toDoc) throws IOException {
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
      for (Doc d : corpus) {
        w.addDocument(toDoc.apply(d));
      }
    }
    return new IndexSearcher(DirectoryReader.open(dir));
  }

  static List<String> top(IndexSearcher s, Query q) {
    List<String> out = new ArrayList<>();
    if (q == null) {
      return out;
    }
    try {
      for (ScoreDoc sd : s.search(q, 10).scoreDocs) {
        out.add(s.storedFields().document(sd.doc).get("rid"));
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out;
  }

  static Score ours() throws IOException {
    IndexSearcher s =
        index(
            SearchAnalysis.indexAnalyzer(),
            d -> {
              Document doc =
                  SearchFields.toDocument(
                      new SearchDoc(
                          "topic",
                          Long.parseLong(d.id().substring(1)),
                          d.title(),
                          d.body(),
                          List.of(),
                          1L,
                          "b",
                          null,
                          null,
                          1L,
                          "a",
                          1L,
                          "t",
                          null,
                          null,
                          Instant.EPOCH,
                          Set.of("public")));
              doc.add(new StringField("rid", d.id(), Field.Store.YES));
              return doc;
            });
    QueryFactory f = new QueryFactory(SearchAnalysis.queryAnalyzer());
    return evaluate(q -> top(s, f.text(ParsedQuery.parse(q))));
  }

  static Score baseline() throws IOException {
    StandardAnalyzer analyzer = new StandardAnalyzer();
    IndexSearcher s =
        index(
            analyzer,
            d -> {
              Document doc = new Document();
              doc.add(new StringField("rid", d.id(), Field.Store.YES));
              doc.add(new TextField("title", d.title(), Field.Store.NO));
              doc.add(new TextField("body", d.body(), Field.Store.NO));
              return doc;
            });
    MultiFieldQueryParser parser =
        new MultiFieldQueryParser(
            new String[] {"title", "body"}, analyzer, Map.of("title", 3f, "body", 1f));
    return evaluate(
        q -> {
          try {
            return top(s, parser.parse(QueryParser.escape(q)));
          } catch (Exception e) {
            return List.of();
          }
        });
  }

  @Test
  void ourChainBeatsThePlainStandardAnalyzerAndStaysAboveTheFloor() throws IOException {
    Score ours = ours();
    Score base = baseline();
    System.out.printf(
        "relevance set: %d documents, %d queries%n"
            + "  ours (smartcn + CJK bigrams + ICU T2S + NFKC + stemming): recall@10 %.3f  MRR %.3f%n"
            + "  baseline (StandardAnalyzer, classic parser):             recall@10 %.3f  MRR %.3f%n",
        corpus.size(), queries.size(), ours.recall(), ours.mrr(), base.recall(), base.mrr());
    ours.misses().forEach(m -> System.out.println("  ours missed: " + m));
    assertThat(corpus).hasSizeGreaterThanOrEqualTo(60);
    assertThat(queries).hasSizeGreaterThanOrEqualTo(40);
    assertThat(ours.recall()).isGreaterThan(base.recall()).isGreaterThanOrEqualTo(0.90);
    assertThat(ours.mrr()).isGreaterThan(base.mrr()).isGreaterThanOrEqualTo(0.85);
  }
}
