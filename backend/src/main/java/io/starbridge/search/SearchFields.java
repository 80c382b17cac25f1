package io.starbridge.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;

/** Field names of the index and how a {@link SearchDoc} becomes a Lucene document. */
public final class SearchFields {
  private SearchFields() {}

  /**
   * The document layout's version, in each commit's user data under {@link #SCHEMA_KEY}: an index
   * written with another layout is rebuilt at start-up (2: the catalogue's facet fields; 3: a
   * secret group's about page carries {@code group-about:{id}}).
   */
  static final String SCHEMA = "3";

  static final String SCHEMA_KEY = "index.schema";

  public static final String KEY = "key";
  public static final String TYPE = "type";
  public static final String ID = "id";
  public static final String ACCESS = "access";
  public static final String BOARD = "board";
  public static final String BOARD_ID = "board_id";
  public static final String GROUP = "group";
  public static final String GROUP_ID = "group_id";
  public static final String AUTHOR = "author";
  public static final String AUTHOR_ID = "author_id";
  public static final String TAG = "tag";
  public static final String HANDLE = "handle";
  public static final String TITLE = "title";
  public static final String BODY = "body";
  public static final String TITLE_CJK = "title_cjk";
  public static final String BODY_CJK = "body_cjk";
  public static final String TITLE_EDGE = "title_edge";
  public static final String HANDLE_EDGE = "handle_edge";
  public static final String CREATED = "created";
  public static final String TOPIC_ID = "topic_id";
  public static final String TOPIC_SLUG = "topic_slug";
  public static final String POST_NUMBER = "post_number";

  /** "1" on works with at least one right available: the IP catalogue's set. */
  public static final String IP_OPEN = "ip_open";

  /** A work's popularity score (doc values): the catalogue's "popular" sort. */
  public static final String POPULARITY = "popularity";

  /** The catalogue's facet dimensions, filed as sorted-set doc values (one field for all). */
  static final List<String> FACET_DIMS =
      List.of("medium", "type", "genre", "language", "length", "rating", "status", "popularity");

  static final FacetsConfig FACETS = facetsConfig();

  private static FacetsConfig facetsConfig() {
    FacetsConfig config = new FacetsConfig();
    for (String dim : FACET_DIMS) {
      config.setMultiValued(dim, true);
    }
    return config;
  }

  static final List<String> BIGRAM_FIELDS = List.of(TITLE_CJK, BODY_CJK);
  static final List<String> EDGE_FIELDS = List.of(TITLE_EDGE, HANDLE_EDGE);

  /** Bodies are indexed and stored up to this many characters. */
  static final int MAX_BODY = 20_000;

  /**
   * A work's text (all its published chapters) is indexed up to this many characters; only the
   * first {@link #MAX_BODY} are stored for snippets.
   */
  static final int MAX_WORK_BODY = 2_000_000;

  static String lower(String s) {
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }

  public static Document toDocument(SearchDoc d) {
    Document doc = new Document();
    doc.add(new StringField(KEY, d.key(), Field.Store.YES));
    doc.add(new StringField(TYPE, d.type(), Field.Store.YES));
    doc.add(new StoredField(ID, d.id()));
    for (String token : d.access()) {
      doc.add(new StringField(ACCESS, token, Field.Store.NO));
    }
    if (d.boardSlug() != null) {
      doc.add(new StringField(BOARD, d.boardSlug(), Field.Store.YES));
      doc.add(new StoredField(BOARD_ID, d.boardId()));
    }
    if (d.groupSlug() != null) {
      doc.add(new StringField(GROUP, d.groupSlug(), Field.Store.YES));
      doc.add(new StoredField(GROUP_ID, d.groupId()));
    }
    if (d.authorHandle() != null) {
      doc.add(new StringField(AUTHOR, lower(d.authorHandle()), Field.Store.NO));
      doc.add(new StoredField(AUTHOR_ID, d.authorId()));
    }
    for (String tag : d.tags() == null ? List.<String>of() : d.tags()) {
      doc.add(new StringField(TAG, lower(tag), Field.Store.YES));
    }
    if (d.handle() != null) {
      doc.add(new StringField(HANDLE, lower(d.handle()), Field.Store.YES));
      doc.add(new TextField(HANDLE_EDGE, d.handle(), Field.Store.NO));
    }
    String title = d.title() == null ? "" : d.title();
    doc.add(new TextField(TITLE, title, Field.Store.YES));
    doc.add(new TextField(TITLE_CJK, title, Field.Store.NO));
    if (!d.type().equals("post")) {
      doc.add(new TextField(TITLE_EDGE, title, Field.Store.NO));
    }
    String body = d.body() == null ? "" : d.body();
    if (d.type().equals("work") && body.length() > MAX_BODY) {
      String indexed = body.length() > MAX_WORK_BODY ? body.substring(0, MAX_WORK_BODY) : body;
      doc.add(new TextField(BODY, indexed, Field.Store.NO));
      doc.add(new StoredField(BODY, body.substring(0, MAX_BODY)));
      doc.add(new TextField(BODY_CJK, indexed, Field.Store.NO));
    } else {
      if (body.length() > MAX_BODY) {
        body = body.substring(0, MAX_BODY);
      }
      doc.add(new TextField(BODY, body, Field.Store.YES));
      doc.add(new TextField(BODY_CJK, body, Field.Store.NO));
    }
    long created = d.createdAt() == null ? 0 : d.createdAt().toEpochMilli();
    doc.add(new LongPoint(CREATED, created));
    doc.add(new NumericDocValuesField(CREATED, created));
    doc.add(new StoredField(CREATED, created));
    if (d.topicId() != null) {
      doc.add(new StoredField(TOPIC_ID, d.topicId()));
      doc.add(new StoredField(TOPIC_SLUG, d.topicSlug() == null ? "" : d.topicSlug()));
    }
    if (d.postNumber() != null) {
      doc.add(new StoredField(POST_NUMBER, d.postNumber()));
    }
    if (d.catalogue() != null) {
      return withFacets(doc, d.catalogue());
    }
    return doc;
  }

  private static Document withFacets(Document doc, WorkFacets facets) {
    if (facets.open()) {
      doc.add(new StringField(IP_OPEN, "1", Field.Store.NO));
    }
    doc.add(new NumericDocValuesField(POPULARITY, facets.popularity()));
    for (var dim : facets.dims().entrySet()) {
      for (String value : dim.getValue()) {
        if (value != null && !value.isEmpty()) {
          doc.add(new SortedSetDocValuesFacetField(dim.getKey(), value));
        }
      }
    }
    try {
      return FACETS.build(doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
