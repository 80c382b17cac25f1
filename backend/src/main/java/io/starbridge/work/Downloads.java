package io.starbridge.work;

import io.starbridge.account.UserCard;
import io.starbridge.security.Actor;
import io.starbridge.security.Guardian;
import io.starbridge.security.Guardians;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;

/**
 * A readable work as one HTML file or a valid EPUB 3, written with java.util.zip: {@code mimetype}
 * first and stored uncompressed, {@code META-INF/container.xml}, a package document with manifest
 * and spine, a navigation document, a title page and one XHTML file per chapter. The cooked HTML is
 * re-serialised by jsoup in XML syntax so it is well-formed XHTML.
 */
@Singleton
public class Downloads {
  private final WorkLookup works;
  private final WorkQueries queries;
  private final Guardians guardians;

  /**
   * A download is built in memory (the whole work, then the file), so at most this many are built
   * at once: a burst of downloads of a long work cannot exhaust the heap.
   */
  private final java.util.concurrent.Semaphore permits;

  private final java.time.Duration wait;

  Downloads(
      WorkLookup works,
      WorkQueries queries,
      Guardians guardians,
      @io.micronaut.context.annotation.Value("${starbridge.downloads.concurrent:2}") int concurrent,
      @io.micronaut.context.annotation.Value("${starbridge.downloads.wait:20s}")
          java.time.Duration wait) {
    this.works = works;
    this.queries = queries;
    this.guardians = guardians;
    this.permits = new java.util.concurrent.Semaphore(Math.max(1, concurrent), true);
    this.wait = wait;
  }

  /**
   * Runs {@code build} holding one of the build permits, waiting for one up to {@code
   * starbridge.downloads.wait}; when none frees up, 503 {@code /problems/unavailable} with
   * Retry-After.
   */
  public <T> T withPermit(java.util.function.Supplier<T> build) {
    boolean got;
    try {
      got = permits.tryAcquire(wait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      got = false;
    }
    if (!got) {
      throw io.starbridge.common.ApiException.unavailable(
          "Many downloads are being prepared right now. Try again in a minute.",
          java.time.Duration.ofSeconds(30));
    }
    try {
      return build.get();
    } finally {
      permits.release();
    }
  }

  /** The permits (tests hold them all to see a download refused). */
  java.util.concurrent.Semaphore permits() {
    return permits;
  }

  public record Book(WorkView.Full work, List<WorkView.Chapter> chapters) {
    String fileName(String ext) {
      return "work-" + work.id() + "." + ext;
    }
  }

  public Book book(Actor actor, long id) {
    Guardian guardian = guardians.of(actor);
    Work work = works.require(id);
    guardian.ensureCanSee(work);
    // Downloads show what readers see: published chapters only, even to the authors.
    List<WorkView.Chapter> chapters =
        queries.chapters(guardian, work).stream().filter(c -> c.publishedAt() != null).toList();
    return new Book(queries.view(guardian, work), chapters);
  }

  // ---- HTML -----------------------------------------------------------------------------------

  public String html(Book b) {
    WorkView.Full w = b.work();
    StringBuilder sb = new StringBuilder();
    sb.append("<!DOCTYPE html>\n<html lang=\"")
        .append(esc(w.language()))
        .append("\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>")
        .append(esc(w.title()))
        .append(
            "</title>\n<style>body{max-width:40em;margin:2em auto;padding:0 1em;line-height:1.7;"
                + "font-family:serif}.meta{color:#555}</style>\n</head>\n<body>\n");
    sb.append(titlePageBody(w));
    for (WorkView.Chapter c : b.chapters()) {
      sb.append("<section id=\"chapter-").append(c.position()).append("\">\n");
      sb.append(chapterBody(c, true));
      sb.append("</section>\n");
    }
    sb.append("</body>\n</html>\n");
    return sb.toString();
  }

  // ---- EPUB -----------------------------------------------------------------------------------

  public byte[] epub(Book b) {
    WorkView.Full w = b.work();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
      byte[] mimetype = "application/epub+zip".getBytes(StandardCharsets.US_ASCII);
      ZipEntry m = new ZipEntry("mimetype");
      m.setMethod(ZipEntry.STORED);
      m.setSize(mimetype.length);
      m.setCompressedSize(mimetype.length);
      CRC32 crc = new CRC32();
      crc.update(mimetype);
      m.setCrc(crc.getValue());
      zip.putNextEntry(m);
      zip.write(mimetype);
      zip.closeEntry();

      put(
          zip,
          "META-INF/container.xml",
          """
          <?xml version="1.0" encoding="UTF-8"?>
          <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
            <rootfiles>
              <rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
            </rootfiles>
          </container>
          """);
      put(zip, "OEBPS/content.opf", packageDocument(b));
      put(zip, "OEBPS/nav.xhtml", nav(b));
      put(zip, "OEBPS/title.xhtml", xhtml(w.language(), w.title(), titlePageBody(w)));
      for (WorkView.Chapter c : b.chapters()) {
        put(
            zip,
            "OEBPS/chapter-" + c.position() + ".xhtml",
            xhtml(w.language(), chapterTitle(c), chapterBody(c, false)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void put(ZipOutputStream zip, String name, String text) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(text.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }

  private static String packageDocument(Book b) {
    WorkView.Full w = b.work();
    String modified =
        DateTimeFormatter.ISO_INSTANT.format(
            (w.updatedAt() == null ? Instant.now() : w.updatedAt())
                .truncatedTo(ChronoUnit.SECONDS));
    StringBuilder manifest = new StringBuilder();
    StringBuilder spine = new StringBuilder();
    manifest.append(
        "    <item id=\"nav\" href=\"nav.xhtml\" media-type=\"application/xhtml+xml\" properties=\"nav\"/>\n");
    manifest.append(
        "    <item id=\"title\" href=\"title.xhtml\" media-type=\"application/xhtml+xml\"/>\n");
    spine.append("    <itemref idref=\"title\"/>\n");
    for (WorkView.Chapter c : b.chapters()) {
      String id = "chapter-" + c.position();
      manifest
          .append("    <item id=\"")
          .append(id)
          .append("\" href=\"")
          .append(id)
          .append(".xhtml\" media-type=\"application/xhtml+xml\"/>\n");
      spine.append("    <itemref idref=\"").append(id).append("\"/>\n");
    }
    String creators =
        w.authors().stream()
            .map(a -> "    <dc:creator>" + esc(name(a)) + "</dc:creator>\n")
            .collect(Collectors.joining());
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" unique-identifier=\"uid\" xml:lang=\""
        + esc(w.language())
        + "\">\n"
        + "  <metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
        + "    <dc:identifier id=\"uid\">urn:starbridge:work:"
        + w.id()
        + "</dc:identifier>\n"
        + "    <dc:title>"
        + esc(w.title())
        + "</dc:title>\n"
        + "    <dc:language>"
        + esc(w.language())
        + "</dc:language>\n"
        + creators
        + "    <meta property=\"dcterms:modified\">"
        + modified
        + "</meta>\n"
        + "  </metadata>\n"
        + "  <manifest>\n"
        + manifest
        + "  </manifest>\n"
        + "  <spine>\n"
        + spine
        + "  </spine>\n"
        + "</package>\n";
  }

  private static String nav(Book b) {
    StringBuilder items = new StringBuilder();
    items
        .append("      <li><a href=\"title.xhtml\">")
        .append(esc(b.work().title()))
        .append("</a></li>\n");
    for (WorkView.Chapter c : b.chapters()) {
      items
          .append("      <li><a href=\"chapter-")
          .append(c.position())
          .append(".xhtml\">")
          .append(esc(chapterTitle(c)))
          .append("</a></li>\n");
    }
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n"
        + "<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\" lang=\""
        + esc(b.work().language())
        + "\" xml:lang=\""
        + esc(b.work().language())
        + "\">\n<head><title>"
        + esc(b.work().title())
        + "</title></head>\n<body>\n  <nav epub:type=\"toc\" id=\"toc\">\n    <ol>\n"
        + items
        + "    </ol>\n  </nav>\n</body>\n</html>\n";
  }

  private static String xhtml(String lang, String title, String body) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n"
        + "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\""
        + esc(lang)
        + "\" xml:lang=\""
        + esc(lang)
        + "\">\n<head><title>"
        + esc(title)
        + "</title></head>\n<body>\n"
        + body
        + "</body>\n</html>\n";
  }

  private static String titlePageBody(WorkView.Full w) {
    StringBuilder sb = new StringBuilder();
    sb.append("<h1>").append(esc(w.title())).append("</h1>\n");
    sb.append("<p class=\"meta\">")
        .append(esc(w.authors().stream().map(Downloads::name).collect(Collectors.joining(", "))))
        .append("</p>\n");
    sb.append("<p class=\"meta\">")
        .append(esc(w.rating()))
        .append(" · ")
        .append(esc(String.join(", ", w.warnings())))
        .append(" · ")
        .append(esc(String.join(", ", w.genres())))
        .append(w.tags().isEmpty() ? "" : " · " + esc(String.join(", ", w.tags())))
        .append(" · ")
        .append(w.wordCount())
        .append(" words</p>\n");
    sb.append("<div class=\"summary\">").append(xml(w.summaryHtml())).append("</div>\n");
    return sb.toString();
  }

  private static String chapterBody(WorkView.Chapter c, boolean html) {
    StringBuilder sb = new StringBuilder();
    sb.append("<h2>").append(esc(chapterTitle(c))).append("</h2>\n");
    if (c.notesBeforeHtml() != null) {
      sb.append("<aside class=\"notes\">").append(xml(c.notesBeforeHtml())).append("</aside>\n");
    }
    sb.append("<div class=\"chapter\">").append(xml(c.bodyHtml())).append("</div>\n");
    if (c.notesAfterHtml() != null) {
      sb.append("<aside class=\"notes\">").append(xml(c.notesAfterHtml())).append("</aside>\n");
    }
    return sb.toString();
  }

  private static String chapterTitle(WorkView.Chapter c) {
    return c.title() == null || c.title().isBlank() ? "Chapter " + c.position() : c.title();
  }

  private static String name(UserCard u) {
    return u.displayName() == null || u.displayName().isBlank() ? u.handle() : u.displayName();
  }

  /** Sanitized HTML re-serialised as well-formed XML (void elements closed, entities escaped). */
  static String xml(String html) {
    if (html == null || html.isEmpty()) {
      return "";
    }
    Document doc = Jsoup.parseBodyFragment(html);
    doc.outputSettings()
        .syntax(Document.OutputSettings.Syntax.xml)
        .escapeMode(Entities.EscapeMode.xhtml)
        .charset(StandardCharsets.UTF_8)
        .prettyPrint(false);
    return doc.body().html();
  }

  static String esc(String s) {
    if (s == null) {
      return "";
    }
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
