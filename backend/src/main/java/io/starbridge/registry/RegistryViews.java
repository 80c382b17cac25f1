package io.starbridge.registry;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.starbridge.account.UserCard;
import java.util.List;

/** The registry's response shapes. Times are strings exactly as in the signed message. */
public final class RegistryViews {
  private RegistryViews() {}

  @Serdeable
  public record KeyInfo(
      String keyId, @Nullable String createdAt, @Nullable String retiredAt, String publicKeyPem) {}

  @Serdeable
  public record KeyView(
      String algorithm,
      String keyId,
      String publicKeyPem,
      @Nullable String createdAt,
      List<KeyInfo> earlierKeys) {}

  /** The chain's latest entry; {@code seq} 0 and the all-zero hash while the chain is empty. */
  @Serdeable
  public record HeadView(long seq, String entryHash, @Nullable String registeredAt) {}

  @Serdeable
  public record DayView(
      String day,
      long seq,
      String entryHash,
      String registeredAt,
      int entries,
      String publishedAt) {}

  /**
   * A registration certificate. {@code signedMessage} is the exact UTF-8 text the Ed25519 {@code
   * signature} (base64) covers; {@code entryHash} is its SHA-256. A draft shows only hashes. {@code
   * workTitle} and {@code chapterTitle} are there only when the caller may read the work (and that
   * chapter); otherwise null, so a registration never reveals what it registered.
   */
  @Serdeable
  public record Certificate(
      long id,
      long seq,
      String kind,
      @Nullable Long workId,
      @Nullable Long chapterId,
      @Nullable Integer chapterNumber,
      @Nullable Integer version,
      @Nullable String workTitle,
      @Nullable String chapterTitle,
      List<UserCard> authors,
      String registeredAt,
      String contentHash,
      int paragraphCount,
      String paragraphsDigest,
      String previousHash,
      String entryHash,
      String algorithm,
      String keyId,
      String signature,
      String signedMessage) {}

  /**
   * One line of a registrations list (the author dashboard, moderation): enough to link the
   * certificate. {@code workTitle} only where the reader may see it.
   */
  @Serdeable
  public record EntrySummary(
      long id,
      String kind,
      @Nullable Long workId,
      @Nullable String workTitle,
      @Nullable Long chapterId,
      @Nullable Integer chapterNumber,
      @Nullable Integer version,
      String registeredAt,
      String contentHash,
      String entryHash) {}

  /**
   * One registry entry in a copyright comparison: which side it belongs to ({@code reported}: the
   * reported content's; {@code claimed}: the claimed original's), and the positions of its
   * paragraphs whose hashes also occur on the other side.
   */
  @Serdeable
  public record EvidenceEntry(
      String side,
      long id,
      String kind,
      @Nullable Long workId,
      @Nullable Long chapterId,
      @Nullable Integer chapterNumber,
      @Nullable Integer version,
      String registeredAt,
      String contentHash,
      String entryHash,
      int paragraphCount,
      List<Integer> matchingParagraphs) {}

  /** A work's registrations: how many, and the latest. */
  @Serdeable
  public record WorkRegistrations(long count, @Nullable EntrySummary latest) {}

  /** One entry matching a verification: the whole text, or some of its paragraphs. */
  @Serdeable
  public record VerifyItem(
      long id,
      long seq,
      String kind,
      @Nullable Long workId,
      @Nullable Long chapterId,
      @Nullable Integer chapterNumber,
      @Nullable Integer version,
      List<UserCard> authors,
      String registeredAt,
      String contentHash,
      String entryHash,
      String keyId,
      String match,
      int matchedParagraphs) {}

  @Serdeable
  public record VerifyResult(List<VerifyItem> items) {}

  @Serdeable
  public record VerifyRequest(
      @Nullable @jakarta.validation.constraints.Size(max = 500_000) String text,
      @Nullable String hash) {}

  @Serdeable
  public record DraftRequest(
      @jakarta.validation.constraints.NotNull @jakarta.validation.constraints.Size(max = 500_000)
          String text) {}
}
