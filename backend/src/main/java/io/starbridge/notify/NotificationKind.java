package io.starbridge.notify;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a notification is about. {@code priority} decides which kind a notification keeps when two
 * events concern the same subject (a reply that also mentions me is a mention); {@code grouped}
 * kinds collect several actors while unread ("Ada and 3 others"); {@code emailable} kinds may be
 * mailed in the digest.
 */
public enum NotificationKind {
  MENTION(90, false, true, true),
  QUOTE(95, false, true, true),
  REPLY(70, false, true, true),
  WATCHING(40, false, true, false),
  FOLLOWED_TOPIC(35, false, true, false),
  REACTION(30, true, false, false),
  FOLLOW(20, true, false, false),
  GROUP_INVITATION(60, false, true, true),
  GROUP_JOIN_REQUEST(50, true, true, false),
  GROUP_APPROVED(50, false, true, true),
  // A group moderator's announcement reaches every member; important, so mailed by default.
  GROUP_ANNOUNCEMENT(65, false, true, true),
  VERIFICATION(60, false, true, true),
  MODERATION(60, false, true, true),
  WORK(40, false, true, false),
  COAUTHOR_INVITATION(60, false, true, true),
  TRANSLATION_REQUEST(60, false, true, true),
  TRANSLATION_DECISION(60, false, true, true),
  KUDOS(30, true, false, false),
  INQUIRY_RECEIVED(60, false, true, true),
  INQUIRY_STATE(55, false, true, true),
  INQUIRY_MESSAGE(50, false, true, false);

  final int priority;
  final boolean grouped;
  final boolean emailable;
  final boolean emailByDefault;

  NotificationKind(int priority, boolean grouped, boolean emailable, boolean emailByDefault) {
    this.priority = priority;
    this.grouped = grouped;
    this.emailable = emailable;
    this.emailByDefault = emailByDefault;
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<NotificationKind> parse(String wire) {
    return Arrays.stream(values()).filter(k -> k.wire().equals(wire)).findFirst();
  }
}
