package io.starbridge.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.starbridge.common.ApiException;
import io.starbridge.common.ProblemType;
import io.starbridge.ip.Inquiry;
import io.starbridge.work.Work;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Guardian's "inquiries" section over every kind of actor and state, without a database. */
class GuardianInquiryTest {
  static final long OWNER = 1, COAUTHOR = 2, INVITED = 3, INQUIRER = 4, OTHER = 5, ADMIN = 6;

  static Work work(String visibility) {
    return new Work(
        10,
        "W",
        OWNER,
        List.of(OWNER, COAUTHOR),
        List.of(INVITED),
        visibility,
        null,
        null,
        List.of(),
        null,
        null,
        null,
        null,
        null);
  }

  static Inquiry inquiry(String state) {
    return new Inquiry(20, 10, INQUIRER, "film_tv", "", state);
  }

  static Guardian of(long id) {
    return new Guardian(
        new Actor(
            id,
            "u" + id,
            id == ADMIN ? Role.ADMIN : Role.MEMBER,
            "active",
            1,
            true,
            null,
            Actor.AuthMethod.SESSION));
  }

  static Guardian silenced(long id) {
    return new Guardian(
        new Actor(id, "u" + id, Role.MEMBER, "silenced", 1, true, null, Actor.AuthMethod.SESSION));
  }

  static ProblemType problem(Runnable r) {
    try {
      r.run();
      return null;
    } catch (ApiException e) {
      return e.type();
    }
  }

  @Test
  void onlyInquirerActiveAuthorsAndAdminsSeeIt() {
    Work w = work("public");
    Inquiry i = inquiry("sent");
    for (long reader : List.of(OWNER, COAUTHOR, INQUIRER, ADMIN)) {
      assertThat(of(reader).canSee(i, w)).as("reader %d", reader).isTrue();
    }
    for (long outsider : List.of(INVITED, OTHER)) {
      assertThat(of(outsider).canSee(i, w)).as("outsider %d", outsider).isFalse();
      assertThat(problem(() -> of(outsider).ensureCanSee(i, w))).isEqualTo(ProblemType.NOT_FOUND);
    }
    assertThat(new Guardian(Actor.anonymous()).canSee(i, w)).isFalse();
    // a work the inquirer may no longer read takes the thread with it; its authors keep it
    Work draft = work("draft");
    assertThat(of(INQUIRER).canSee(i, draft)).isFalse();
    assertThat(of(COAUTHOR).canSee(i, draft)).isTrue();
  }

  @Test
  void theStateMachinePerRole() {
    Work w = work("public");
    assertThat(of(OWNER).inquiryTransitions(inquiry("sent"), w))
        .containsExactly("in_discussion", "agreed", "declined");
    assertThat(of(COAUTHOR).inquiryTransitions(inquiry("in_discussion"), w))
        .containsExactly("agreed", "declined");
    assertThat(of(INQUIRER).inquiryTransitions(inquiry("in_discussion"), w))
        .containsExactly("withdrawn");
    assertThat(of(ADMIN).inquiryTransitions(inquiry("sent"), w)).isEmpty();
    assertThat(silenced(OWNER).inquiryTransitions(inquiry("sent"), w)).isEmpty();
    for (String closed : List.of("declined", "agreed", "withdrawn")) {
      for (long who : List.of(OWNER, COAUTHOR, INQUIRER, ADMIN)) {
        assertThat(of(who).inquiryTransitions(inquiry(closed), w)).isEmpty();
        assertThat(of(who).canPostInquiryMessage(inquiry(closed), w)).isFalse();
      }
    }
    // no agreement after a withdrawal: 409; only authors confirm: 403
    assertThat(problem(() -> of(OWNER).ensureCanMoveInquiry(inquiry("withdrawn"), w, "agreed")))
        .isEqualTo(ProblemType.CONFLICT);
    assertThat(problem(() -> of(INQUIRER).ensureCanMoveInquiry(inquiry("sent"), w, "agreed")))
        .isEqualTo(ProblemType.FORBIDDEN);
    assertThat(problem(() -> of(OWNER).ensureCanMoveInquiry(inquiry("sent"), w, "withdrawn")))
        .isEqualTo(ProblemType.FORBIDDEN);
    assertThat(
            problem(
                () -> of(OWNER).ensureCanMoveInquiry(inquiry("in_discussion"), w, "in_discussion")))
        .isEqualTo(ProblemType.CONFLICT);
    assertThat(problem(() -> of(ADMIN).ensureCanMoveInquiry(inquiry("sent"), w, "declined")))
        .isEqualTo(ProblemType.FORBIDDEN);
    assertThat(problem(() -> of(OTHER).ensureCanMoveInquiry(inquiry("sent"), w, "declined")))
        .isEqualTo(ProblemType.NOT_FOUND);
    assertThat(problem(() -> silenced(OWNER).ensureCanMoveInquiry(inquiry("sent"), w, "agreed")))
        .isEqualTo(ProblemType.ACCOUNT_SILENCED);
    assertThat(problem(() -> of(COAUTHOR).ensureCanMoveInquiry(inquiry("sent"), w, "agreed")))
        .isNull();
  }

  @Test
  void messagesFromParticipantsOnly() {
    Work w = work("public");
    Inquiry open = inquiry("in_discussion");
    assertThat(of(INQUIRER).canPostInquiryMessage(open, w)).isTrue();
    assertThat(of(COAUTHOR).canPostInquiryMessage(open, w)).isTrue();
    assertThat(of(ADMIN).canPostInquiryMessage(open, w)).isFalse();
    assertThat(problem(() -> of(ADMIN).ensureCanPostInquiryMessage(open, w)))
        .isEqualTo(ProblemType.FORBIDDEN);
    assertThat(problem(() -> of(OTHER).ensureCanPostInquiryMessage(open, w)))
        .isEqualTo(ProblemType.NOT_FOUND);
  }

  @Test
  void sendingNeedsTheBadgeAReadablePublishedWorkAndNotBeingItsAuthor() {
    Work w = work("signed_in");
    assertThat(of(OTHER).canInquire(w, true)).isTrue();
    assertThat(of(OTHER).canInquire(w, false)).isFalse();
    assertThat(of(OWNER).canInquire(w, true)).isFalse();
    assertThat(of(INVITED).canInquire(w, true)).isFalse();
    assertThat(silenced(OTHER).canInquire(w, true)).isFalse();
    assertThat(new Guardian(Actor.anonymous()).canInquire(w, true)).isFalse();
    assertThat(of(ADMIN).canInquire(work("draft"), true)).isFalse();
    assertThat(problem(() -> of(OTHER).ensureCanInquire(work("draft"), true)))
        .isEqualTo(ProblemType.NOT_FOUND);
    assertThat(problem(() -> of(OTHER).ensureCanInquire(w, false)))
        .isEqualTo(ProblemType.FORBIDDEN);
    assertThatThrownBy(() -> of(COAUTHOR).ensureCanInquire(w, true))
        .isInstanceOf(ApiException.class);
  }
}
