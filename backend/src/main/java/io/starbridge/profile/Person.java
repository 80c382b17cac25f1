package io.starbridge.profile;

/**
 * A person as the Guardian judges them: who they are and their privacy settings.
 *
 * @param mentionPolicy {@code everyone}, {@code following} or {@code nobody}
 */
public record Person(
    long id, String role, boolean hideFollowers, boolean hideActivity, String mentionPolicy) {

  public boolean isStaff() {
    return "admin".equals(role) || "moderator".equals(role);
  }
}
