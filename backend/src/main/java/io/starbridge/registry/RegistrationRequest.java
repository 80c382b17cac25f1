package io.starbridge.registry;

import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * What to register. For {@link Kind#PUBLICATION} and {@link Kind#REVISION} the work, chapter,
 * chapter number and version are required; a {@link Kind#DRAFT} has none of them. {@code text} is
 * only hashed (whole and per paragraph), never stored.
 *
 * @param registeredBy the user who asked (not part of the signed entry), or null
 */
public record RegistrationRequest(
    Kind kind,
    @Nullable Long workId,
    @Nullable Long chapterId,
    @Nullable Integer chapterNumber,
    @Nullable Integer version,
    List<Long> authorIds,
    String text,
    @Nullable Long registeredBy) {

  public enum Kind {
    PUBLICATION,
    REVISION,
    DRAFT;

    public String wire() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public static RegistrationRequest publication(
      long workId,
      long chapterId,
      int chapterNumber,
      int version,
      List<Long> authorIds,
      String text,
      Long registeredBy) {
    return new RegistrationRequest(
        Kind.PUBLICATION, workId, chapterId, chapterNumber, version, authorIds, text, registeredBy);
  }

  public static RegistrationRequest revision(
      long workId,
      long chapterId,
      int chapterNumber,
      int version,
      List<Long> authorIds,
      String text,
      Long registeredBy) {
    return new RegistrationRequest(
        Kind.REVISION, workId, chapterId, chapterNumber, version, authorIds, text, registeredBy);
  }

  public static RegistrationRequest draft(long authorId, String text) {
    return new RegistrationRequest(
        Kind.DRAFT, null, null, null, null, List.of(authorId), text, authorId);
  }
}
