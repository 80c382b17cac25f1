package io.starbridge.media;

import io.starbridge.common.ApiException;
import io.starbridge.common.FieldError;
import io.starbridge.common.ProblemType;
import jakarta.inject.Singleton;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Turns an uploaded image into images we made ourselves: uploaded bytes are never stored or served.
 *
 * <ol>
 *   <li>size: at most {@value #MAX_BYTES} bytes (413 beyond);
 *   <li>signature: the bytes must start like PNG, JPEG or WebP, whatever the declared MIME type
 *       (SVG, HTML and anything else are refused);
 *   <li>polyglots: an image that also carries markup or script ({@code <script}, {@code <html},
 *       {@code <svg}, …) is refused, although re-encoding would drop it anyway;
 *   <li>decompression bombs: the pixel count is read from the header <em>before</em> decoding and
 *       refused above {@value #MAX_PIXELS};
 *   <li>decoding: the first frame only, subsampled when it is far larger than needed, with at most
 *       two decodes at a time;
 *   <li>re-encoding: centre-cropped to the target shape, resized, written as PNG or JPEG without
 *       any metadata.
 * </ol>
 *
 * Errors are 400 {@code /problems/validation} on the field {@code file} (413 for size), with a
 * message that says what was wrong. Group avatars reuse {@link #avatar}.
 */
@Singleton
public class ImagePipeline {
  public static final long MAX_BYTES = 5L * 1024 * 1024;
  public static final long MAX_PIXELS = 40_000_000L;
  public static final int AVATAR_LARGE = 256;
  public static final int AVATAR_SMALL = 64;
  public static final int COVER_WIDTH = 1500;
  public static final int COVER_HEIGHT = 500;

  static {
    System.setProperty("java.awt.headless", "true");
    // Work in memory: no temporary files per upload.
    ImageIO.setUseCache(false);
    ImageIO.scanForPlugins();
  }

  private static final List<String> MARKUP =
      List.of("<script", "<html", "<svg", "<?php", "<iframe", "<body", "<!doctype", "<object");

  /** Decoding holds a large raster: bound how many run at once. */
  private final Semaphore decoding = new Semaphore(2);

  public enum Format {
    PNG("png"),
    JPEG("jpeg"),
    WEBP("webp");

    final String readerName;

    Format(String readerName) {
      this.readerName = readerName;
    }
  }

  /** An avatar in its two sizes, both PNG. */
  public record Avatar(byte[] large, byte[] small) {}

  /** Square avatars, {@value #AVATAR_LARGE} and {@value #AVATAR_SMALL} px, centre-cropped. */
  public Avatar avatar(byte[] upload) {
    BufferedImage image = decode(upload, AVATAR_LARGE, AVATAR_LARGE);
    BufferedImage large = cropAndScale(image, AVATAR_LARGE, AVATAR_LARGE, true);
    BufferedImage small = cropAndScale(large, AVATAR_SMALL, AVATAR_SMALL, true);
    return new Avatar(png(large), png(small));
  }

  /** A {@value #COVER_WIDTH}×{@value #COVER_HEIGHT} JPEG, centre-cropped to 3:1. */
  public byte[] cover(byte[] upload) {
    BufferedImage image = decode(upload, COVER_WIDTH, COVER_HEIGHT);
    return jpeg(cropAndScale(image, COVER_WIDTH, COVER_HEIGHT, false), 0.85f);
  }

  // ---- checks ---------------------------------------------------------------------------------

  /** What the first bytes say the file is; refuses everything else. */
  public static Format sniff(byte[] b) {
    if (b.length == 0) {
      throw invalid("empty", "The file is empty");
    }
    if (startsWith(b, 0, new int[] {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})) {
      return Format.PNG;
    }
    if (startsWith(b, 0, new int[] {0xFF, 0xD8, 0xFF})) {
      return Format.JPEG;
    }
    if (startsWith(b, 0, new int[] {'R', 'I', 'F', 'F'})
        && startsWith(b, 8, new int[] {'W', 'E', 'B', 'P'})) {
      return Format.WEBP;
    }
    if (looksLikeText(b)) {
      throw invalid(
          "unsupported-type",
          "SVG, HTML and other text formats are not accepted: upload a PNG, JPEG or WebP image");
    }
    throw invalid("unsupported-type", "The file is not a PNG, JPEG or WebP image");
  }

  /** Markup hidden in an image is the mark of a polyglot (an image that is also a page). */
  static void refusePolyglot(byte[] b) {
    String text = new String(b, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
    for (String marker : MARKUP) {
      if (text.contains(marker)) {
        throw invalid(
            "polyglot",
            "The file contains markup or script besides the image; upload a plain image");
      }
    }
  }

  private static boolean looksLikeText(byte[] b) {
    int i = 0;
    if (startsWith(b, 0, new int[] {0xEF, 0xBB, 0xBF})) {
      i = 3;
    }
    while (i < b.length && Character.isWhitespace(b[i])) {
      i++;
    }
    return i < b.length && b[i] == '<';
  }

  private static boolean startsWith(byte[] b, int offset, int[] sig) {
    if (b.length < offset + sig.length) {
      return false;
    }
    for (int i = 0; i < sig.length; i++) {
      if ((b[offset + i] & 0xFF) != sig[i]) {
        return false;
      }
    }
    return true;
  }

  static ApiException invalid(String code, String message) {
    return new ApiException(
        ProblemType.VALIDATION, message, List.of(FieldError.of("file", code, message)), null);
  }

  /** The 413 answer for an upload over {@value #MAX_BYTES} bytes. */
  public static ApiException tooLargeError() {
    return tooLarge();
  }

  static ApiException tooLarge() {
    String message = "The image is larger than 5 MB";
    return new ApiException(
        ProblemType.PAYLOAD_TOO_LARGE,
        message,
        List.of(FieldError.of("file", "too-large", message)),
        null);
  }

  // ---- decoding -------------------------------------------------------------------------------

  /**
   * Checks and decodes the first frame, subsampled so that it stays at least twice the target size
   * where the source allows.
   */
  public BufferedImage decode(byte[] upload, int targetWidth, int targetHeight) {
    if (upload.length > MAX_BYTES) {
      throw tooLarge();
    }
    Format format = sniff(upload);
    refusePolyglot(upload);
    decoding.acquireUninterruptibly();
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(upload))) {
      Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.readerName);
      if (!readers.hasNext()) {
        throw invalid("unsupported-type", "This server cannot read " + format + " images");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        long width = reader.getWidth(0);
        long height = reader.getHeight(0);
        if (width <= 0 || height <= 0) {
          throw notAnImage();
        }
        if (width * height > MAX_PIXELS) {
          throw invalid(
              "too-many-pixels",
              "The image is "
                  + width
                  + "×"
                  + height
                  + " pixels; at most 40 megapixels are accepted");
        }
        ImageReadParam param = reader.getDefaultReadParam();
        int factor =
            (int) Math.max(1, Math.min(width / (2L * targetWidth), height / (2L * targetHeight)));
        if (factor > 1) {
          param.setSourceSubsampling(factor, factor, 0, 0);
        }
        BufferedImage image = reader.read(0, param);
        if (image == null || image.getWidth() < 1 || image.getHeight() < 1) {
          throw notAnImage();
        }
        return image;
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof ApiException api) {
        throw api;
      }
      throw notAnImage();
    } finally {
      decoding.release();
    }
  }

  private static ApiException notAnImage() {
    return invalid("not-an-image", "The file could not be read as an image (damaged or truncated)");
  }

  // ---- resizing and encoding ------------------------------------------------------------------

  /** Centre-crops {@code src} to the target's shape and resizes it (halving first for quality). */
  public static BufferedImage cropAndScale(
      BufferedImage src, int width, int height, boolean alpha) {
    double target = (double) width / height;
    int w = src.getWidth();
    int h = src.getHeight();
    int cw = w;
    int ch = h;
    if ((double) w / h > target) {
      cw = Math.max(1, (int) Math.round(h * target));
    } else {
      ch = Math.max(1, (int) Math.round(w / target));
    }
    BufferedImage current =
        draw(src.getSubimage((w - cw) / 2, (h - ch) / 2, cw, ch), cw, ch, alpha);
    while (current.getWidth() >= width * 2 && current.getHeight() >= height * 2) {
      current = draw(current, current.getWidth() / 2, current.getHeight() / 2, alpha);
    }
    return draw(current, width, height, alpha);
  }

  private static BufferedImage draw(BufferedImage src, int width, int height, boolean alpha) {
    BufferedImage out =
        new BufferedImage(
            width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      if (!alpha) {
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
      }
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.drawImage(src, 0, 0, width, height, null);
    } finally {
      g.dispose();
    }
    return out;
  }

  /** PNG without ancillary chunks (no text, no EXIF, no time). */
  public static byte[] png(BufferedImage image) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, "png", out)) {
        throw new IllegalStateException("no PNG writer");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Baseline JPEG with a plain JFIF header and no EXIF. */
  public static byte[] jpeg(BufferedImage image, float quality) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(quality);
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }
}
