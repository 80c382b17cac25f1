package io.starbridge.ip;

import java.util.List;

/**
 * What the Guardian needs to judge an adaptation inquiry: whose it is and where it stands. Who
 * wrote the work is the {@link io.starbridge.work.Work}'s business.
 *
 * @param language the translation language, {@code ""} for other media
 * @param state {@code sent}, {@code in_discussion}, {@code declined}, {@code agreed}, {@code
 *     withdrawn}
 */
public record Inquiry(
    long id, long workId, long inquirerId, String medium, String language, String state) {
  public static final List<String> STATES =
      List.of("sent", "in_discussion", "declined", "agreed", "withdrawn");

  /** Declined, agreed and withdrawn inquiries accept no transition and no message. */
  public boolean isOpen() {
    return "sent".equals(state) || "in_discussion".equals(state);
  }
}
