package io.starbridge.profile;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.starbridge.support.ApiTest.Account;
import io.starbridge.support.ForumTest;
import io.starbridge.support.TestClient;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Avatar and cover uploads: the happy paths and the abuse cases, and how media is served. */
@MicronautTest(transactional = false)
class ProfileImageApiTest extends ForumTest {
  /** A 1×1 lossy WebP (VP8) and a 1×1 lossless one (VP8L). */
  static final String WEBP_LOSSY = "UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA";

  static final String WEBP_LOSSLESS = "UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==";

  // ---- building test files ----------------------------------------------------------------------

  static BufferedImage picture(int w, int h) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.ORANGE);
    g.fillRect(0, 0, w, h);
    g.setColor(Color.BLUE);
    g.fillOval(w / 4, h / 4, w / 2, h / 2);
    g.dispose();
    return img;
  }

  static byte[] encode(BufferedImage img, String format) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(ImageIO.write(img, format, out)).isTrue();
    return out.toByteArray();
  }

  static byte[] chunk(String type, byte[] data) {
    ByteBuffer b = ByteBuffer.allocate(12 + data.length);
    b.putInt(data.length);
    byte[] t = type.getBytes(StandardCharsets.US_ASCII);
    b.put(t).put(data);
    CRC32 crc = new CRC32();
    crc.update(t);
    crc.update(data);
    b.putInt((int) crc.getValue());
    return b.array();
  }

  /** A PNG with a text chunk (metadata) inserted before IEND. */
  static byte[] pngWithText(byte[] png, String keyword, String text) {
    byte[] iend = java.util.Arrays.copyOfRange(png, png.length - 12, png.length);
    byte[] head = java.util.Arrays.copyOfRange(png, 0, png.length - 12);
    byte[] textChunk = chunk("tEXt", (keyword + "\0" + text).getBytes(StandardCharsets.ISO_8859_1));
    return concat(head, textChunk, iend);
  }

  /** A JPEG with an EXIF segment right after SOI. */
  static byte[] jpegWithExif(byte[] jpeg, String secret) {
    byte[] payload = ("Exif\0\0" + secret).getBytes(StandardCharsets.ISO_8859_1);
    ByteBuffer seg = ByteBuffer.allocate(4 + payload.length);
    seg.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (payload.length + 2)).put(payload);
    return concat(
        java.util.Arrays.copyOfRange(jpeg, 0, 2),
        seg.array(),
        java.util.Arrays.copyOfRange(jpeg, 2, jpeg.length));
  }

  /** A tiny PNG that declares 50000×50000 pixels: a decompression bomb by its header. */
  static byte[] bombPng() {
    ByteBuffer ihdr = ByteBuffer.allocate(13);
    ihdr.putInt(50_000).putInt(50_000).put((byte) 1).put((byte) 0).put((byte) 0);
    ihdr.put((byte) 0).put((byte) 0);
    Deflater deflater = new Deflater();
    deflater.setInput(new byte[100_000]);
    deflater.finish();
    byte[] buf = new byte[10_000];
    int n = deflater.deflate(buf);
    return concat(
        new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A},
        chunk("IHDR", ihdr.array()),
        chunk("IDAT", java.util.Arrays.copyOf(buf, n)),
        chunk("IEND", new byte[0]));
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  // ---- HTTP
  // --------------------------------------------------------------------------------------

  static TestClient.Response upload(
      TestClient client, String path, byte[] file, String filename, String contentType) {
    String boundary = "----sbtest" + System.nanoTime();
    byte[] body =
        concat(
            ("--"
                    + boundary
                    + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + filename
                    + "\"\r\nContent-Type: "
                    + contentType
                    + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8),
            file,
            ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return client.send(
        "PUT", path, body, Map.of("Content-Type", "multipart/form-data; boundary=" + boundary));
  }

  HttpResponse<byte[]> fetch(String url, String accept) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(server.getURL().toString()).resolve(url));
    if (accept != null) {
      b.header("Accept", accept);
    }
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String code(TestClient.Response r) {
    return r.string("errors.0.code");
  }

  // ---- happy paths
  // -------------------------------------------------------------------------------

  @Test
  void aPngAvatarIsReencodedInTwoSizesWithoutMetadataAndServedImmutable() throws Exception {
    Account a = fx().member("avatar");
    byte[] uploaded = pngWithText(encode(picture(800, 600), "png"), "Comment", "SECRETTEXT");
    TestClient.Response r =
        upload(a.client(), "/api/v1/me/avatar", uploaded, "me.png", "image/png");
    assertThat(r.status()).as("%s", r).isEqualTo(200);
    String url = r.string("avatarUrl");
    assertThat(url).matches("/media/av-[0-9a-f]{24}-256\\.png");

    HttpResponse<byte[]> served = fetch(url, null);
    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(served.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(served.headers().firstValue("Cache-Control").orElse("")).contains("immutable");
    assertThat(served.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    byte[] bytes = served.body();
    assertThat(bytes).isNotEqualTo(uploaded);
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    assertThat(text).doesNotContain("SECRETTEXT").doesNotContain("tEXt").doesNotContain("eXIf");
    BufferedImage large = ImageIO.read(new ByteArrayInputStream(bytes));
    assertThat(large.getWidth()).isEqualTo(256);
    assertThat(large.getHeight()).isEqualTo(256);
    BufferedImage small =
        ImageIO.read(new ByteArrayInputStream(fetch(url.replace("-256", "-64"), null).body()));
    assertThat(small.getWidth()).isEqualTo(64);

    // Everyone sees it: the profile (large), user cards next to content (small), /me.
    assertThat(anonymous().get("/api/v1/users/" + a.handle()).string("avatarUrl")).isEqualTo(url);
    assertThat(a.client().get("/api/v1/me").string("avatarUrl")).isEqualTo(url);
    long topic = fx().topic(a, fx().board());
    assertThat(anonymous().get("/api/v1/topics/" + topic).string("author.avatarUrl"))
        .isEqualTo(url.replace("-256", "-64"));
    assertThat(fx().eventTypes("user", a.id())).contains("UserAvatarChanged");

    // A new upload replaces the files; deleting removes them.
    TestClient.Response again =
        upload(
            a.client(),
            "/api/v1/me/avatar",
            encode(picture(300, 300), "png"),
            "x.png",
            "image/png");
    assertThat(again.status()).isEqualTo(200);
    assertThat(fetch(url, null).statusCode()).isEqualTo(404);
    assertThat(a.client().delete("/api/v1/me/avatar").status()).isEqualTo(204);
    assertThat(fetch(again.string("avatarUrl"), null).statusCode()).isEqualTo(404);
    assertThat(anonymous().get("/api/v1/users/" + a.handle()).get("avatarUrl")).isNull();
  }

  @Test
  void groupEditorsSetTheGroupAvatarThroughTheSamePipeline() throws Exception {
    Account owner = fx().groupCreator("gav");
    Account member = fx().member("gavm");
    String slug = fx().group(owner, "public");
    assertThat(member.client().post("/api/v1/groups/" + slug + "/join", Map.of()).status())
        .isEqualTo(200);
    byte[] png = encode(picture(400, 300), "png");

    TestClient.Response refused =
        upload(member.client(), "/api/v1/groups/" + slug + "/avatar", png, "g.png", "image/png");
    assertThat(refused.status()).isEqualTo(403);
    TestClient.Response svg =
        upload(
            owner.client(),
            "/api/v1/groups/" + slug + "/avatar",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                .getBytes(StandardCharsets.UTF_8),
            "g.svg",
            "image/svg+xml");
    assertThat(svg.status()).isEqualTo(400);
    assertThat(anonymous().get("/api/v1/groups/" + slug).get("avatarUrl")).isNull();

    TestClient.Response r =
        upload(owner.client(), "/api/v1/groups/" + slug + "/avatar", png, "g.png", "image/png");
    assertThat(r.status()).as("%s", r).isEqualTo(200);
    String url = r.string("avatarUrl");
    assertThat(url).matches("/media/av-[0-9a-f]{24}-256\\.png");
    assertThat(anonymous().get("/api/v1/groups/" + slug).string("avatarUrl")).isEqualTo(url);
    BufferedImage served = ImageIO.read(new ByteArrayInputStream(fetch(url, null).body()));
    assertThat(served.getWidth()).isEqualTo(256);
    assertThat(fx().eventTypes("group", fx().groupId(slug))).contains("GroupAvatarChanged");

    assertThat(owner.client().delete("/api/v1/groups/" + slug + "/avatar").status()).isEqualTo(204);
    assertThat(fetch(url, null).statusCode()).isEqualTo(404);
    assertThat(anonymous().get("/api/v1/groups/" + slug).get("avatarUrl")).isNull();
  }

  @Test
  void aJpegCoverIsCroppedTo1500By500WithoutExif() throws Exception {
    Account a = fx().member("cover");
    byte[] uploaded = jpegWithExif(encode(picture(2000, 1500), "jpeg"), "GPSSECRET");
    TestClient.Response r =
        upload(a.client(), "/api/v1/me/cover", uploaded, "c.jpg", "application/octet-stream");
    assertThat(r.status()).as("%s", r).isEqualTo(200);
    String url = r.string("coverUrl");
    assertThat(url).matches("/media/cv-[0-9a-f]{24}\\.jpg");
    HttpResponse<byte[]> served = fetch(url, null);
    assertThat(served.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    String text = new String(served.body(), StandardCharsets.ISO_8859_1);
    assertThat(text).doesNotContain("GPSSECRET").doesNotContain("Exif");
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(served.body()));
    assertThat(img.getWidth()).isEqualTo(1500);
    assertThat(img.getHeight()).isEqualTo(500);
    assertThat(anonymous().get("/api/v1/users/" + a.handle()).string("coverUrl")).isEqualTo(url);
    assertThat(a.client().delete("/api/v1/me/cover").status()).isEqualTo(204);
    assertThat(anonymous().get("/api/v1/users/" + a.handle()).get("coverUrl")).isNull();
  }

  @Test
  void webpImagesAreReadAndServedAsPng() throws Exception {
    Account a = fx().member("webp");
    for (String webp : new String[] {WEBP_LOSSY, WEBP_LOSSLESS}) {
      byte[] file = Base64.getDecoder().decode(webp);
      TestClient.Response r = upload(a.client(), "/api/v1/me/avatar", file, "a.webp", "image/webp");
      assertThat(r.status()).as("%s", r).isEqualTo(200);
      byte[] served = fetch(r.string("avatarUrl"), null).body();
      assertThat(served).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
      assertThat(ImageIO.read(new ByteArrayInputStream(served)).getWidth()).isEqualTo(256);
    }
  }

  // ---- abuse
  // -------------------------------------------------------------------------------------

  @Test
  void svgWithScriptIsRefused() {
    Account a = fx().member("svg");
    byte[] svg =
        "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
            .getBytes(StandardCharsets.UTF_8);
    TestClient.Response r = upload(a.client(), "/api/v1/me/avatar", svg, "x.svg", "image/svg+xml");
    assertProblem(r, 400, "/problems/validation");
    assertThat(r.string("errors.0.field")).isEqualTo("file");
    assertThat(code(r)).isEqualTo("unsupported-type");
    assertThat(r.string("detail")).contains("SVG");
  }

  @Test
  void aWrongMimeTypeDoesNotHelpANonImage() {
    Account a = fx().member("mime");
    TestClient.Response r =
        upload(
            a.client(),
            "/api/v1/me/avatar",
            "GIF89a not supported".getBytes(StandardCharsets.US_ASCII),
            "x.png",
            "image/png");
    assertProblem(r, 400, "/problems/validation");
    assertThat(code(r)).isEqualTo("unsupported-type");
    assertThat(r.string("detail")).contains("not a PNG, JPEG or WebP");
  }

  @Test
  void polyglotsAreRefused() throws IOException {
    Account a = fx().member("poly");
    byte[] png = encode(picture(64, 64), "png");
    byte[] polyglot =
        concat(png, "<html><script>alert(document.cookie)</script></html>".getBytes());
    TestClient.Response r = upload(a.client(), "/api/v1/me/avatar", polyglot, "p.png", "image/png");
    assertProblem(r, 400, "/problems/validation");
    assertThat(code(r)).isEqualTo("polyglot");
    // Markup first, image after: not an image signature at all.
    TestClient.Response htmlFirst =
        upload(
            a.client(),
            "/api/v1/me/avatar",
            concat("<html><body>".getBytes(), png),
            "p.png",
            "image/png");
    assertProblem(htmlFirst, 400, "/problems/validation");
    assertThat(code(htmlFirst)).isEqualTo("unsupported-type");
    assertThat(a.client().get("/api/v1/me").get("avatarUrl")).isNull();
  }

  @Test
  void aDecompressionBombIsRefusedFromItsHeader() {
    Account a = fx().member("bomb");
    byte[] bomb = bombPng();
    assertThat(bomb.length).isLessThan(1000);
    TestClient.Response r = upload(a.client(), "/api/v1/me/avatar", bomb, "b.png", "image/png");
    assertProblem(r, 400, "/problems/validation");
    assertThat(code(r)).isEqualTo("too-many-pixels");
    assertThat(r.string("detail")).contains("50000×50000");
  }

  @Test
  void truncatedImagesAreRefused() throws IOException {
    Account a = fx().member("trunc");
    byte[] png = encode(picture(64, 64), "png");
    TestClient.Response r =
        upload(
            a.client(), "/api/v1/me/cover", java.util.Arrays.copyOf(png, 40), "t.png", "image/png");
    assertProblem(r, 400, "/problems/validation");
    assertThat(code(r)).isEqualTo("not-an-image");
  }

  @Test
  void oversizedUploadsAre413() {
    Account a = fx().member("big");
    byte[] justOver = new byte[5 * 1024 * 1024 + 100];
    System.arraycopy(
        new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 0, justOver, 0, 8);
    TestClient.Response r = upload(a.client(), "/api/v1/me/avatar", justOver, "b.png", "image/png");
    assertProblem(r, 413, "/problems/payload-too-large");
    assertThat(r.string("errors.0.field")).isEqualTo("file");
    // Far over: refused from the declared length, before the body is read.
    TestClient.Response huge =
        upload(a.client(), "/api/v1/me/avatar", new byte[9 * 1024 * 1024], "h.png", "image/png");
    assertProblem(huge, 413, "/problems/payload-too-large");
    assertThat(huge.string("errors.0.field")).isEqualTo("file");
    // JSON bodies keep their 1 MB limit although uploads may be larger.
    byte[] json = new byte[2 * 1024 * 1024];
    java.util.Arrays.fill(json, (byte) ' ');
    json[0] = '{';
    json[json.length - 1] = '}';
    assertProblem(
        a.client().send("PATCH", "/api/v1/me", json, Map.of("Content-Type", "application/json")),
        413,
        "/problems/payload-too-large");
  }

  @Test
  void uploadsNeedASignedInCaller() throws IOException {
    TestClient anon = anonymous();
    TestClient.Response r =
        upload(anon, "/api/v1/me/avatar", encode(picture(10, 10), "png"), "a.png", "image/png");
    assertProblem(r, 401, "/problems/unauthorized");
  }

  @Test
  void unknownMediaIsA404AndNotTheSpa() throws Exception {
    HttpResponse<byte[]> r = fetch("/media/av-000000000000000000000000-256.png", "text/html");
    assertThat(r.statusCode()).as(r.headers() + new String(r.body())).isEqualTo(404);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).doesNotContain("text/html");
    assertThat(fetch("/media/..%2Fetc%2Fpasswd", null).statusCode()).isEqualTo(404);
    assertThat(fetch("/media/notakey", "text/html").statusCode()).isEqualTo(404);
  }
}
