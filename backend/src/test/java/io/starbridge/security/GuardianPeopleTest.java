package io.starbridge.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.starbridge.profile.Person;
import io.starbridge.support.ApiTest.Account;
import io.starbridge.support.ForumTest;
import org.junit.jupiter.api.Test;

/** The people rules of the Guardian that no endpoint exercises yet: who may mention whom. */
@MicronautTest(transactional = false)
class GuardianPeopleTest extends ForumTest {
  @jakarta.inject.Inject Guardians guardians;

  private Guardian guardianOf(Account a) {
    return guardians.of(
        new Actor(
            a.id(), a.handle(), Role.MEMBER, "active", 0, true, null, Actor.AuthMethod.SESSION));
  }

  private static Person person(Account a, String policy) {
    return new Person(a.id(), "member", false, false, policy);
  }

  @Test
  void mentionsFollowThePolicyAndBlocks() {
    Account author = fx().member("writer");
    Account target = fx().member("target");
    assertThat(guardianOf(author).canMention(person(target, "everyone"))).isTrue();
    assertThat(guardianOf(author).canMention(person(target, "nobody"))).isFalse();
    assertThat(guardianOf(author).canMention(person(target, "following"))).isFalse();
    assertThat(guardians.of(Actor.anonymous()).canMention(person(target, "everyone"))).isFalse();

    db.update(
        "insert into user_follows (follower_id, followee_id) values (?, ?)",
        target.id(),
        author.id());
    assertThat(guardianOf(author).canMention(person(target, "following"))).isTrue();

    db.update(
        "insert into user_ignores (user_id, target_id, kind) values (?, ?, 'block')",
        target.id(),
        author.id());
    assertThat(guardianOf(author).canMention(person(target, "everyone"))).isFalse();
    assertThat(guardianOf(author).canMention(person(target, "following"))).isFalse();
    // A mute does not stop mentions: the muter just does not see them.
    Account muter = fx().member("muter");
    db.update(
        "insert into user_ignores (user_id, target_id, kind) values (?, ?, 'mute')",
        muter.id(),
        author.id());
    assertThat(guardianOf(author).canMention(person(muter, "everyone"))).isTrue();
  }

  @Test
  void blocksHoldMembersBackButNotStaff() {
    Account blocker = fx().member("blk");
    Account member = fx().member("mem");
    db.update(
        "insert into user_ignores (user_id, target_id, kind) values (?, ?, 'block')",
        blocker.id(),
        member.id());
    assertThat(guardianOf(member).isBlockedBy(blocker.id())).isTrue();
    assertThat(guardianOf(member).canFollow(person(blocker, "everyone"))).isFalse();
    Guardian staff =
        guardians.of(
            new Actor(
                member.id(),
                member.handle(),
                Role.MODERATOR,
                "active",
                0,
                true,
                null,
                Actor.AuthMethod.SESSION));
    assertThat(staff.isBlockedBy(blocker.id())).isFalse();
    assertThat(staff.canSeeActivity(new Person(blocker.id(), "member", false, true, "everyone")))
        .isTrue();
  }
}
