package io.starbridge.security;

import com.password4j.Argon2Function;
import com.password4j.Hash;
import com.password4j.Password;
import com.password4j.types.Argon2;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/**
 * Argon2id password hashes in PHC string form. Parameters (documented in CONTRIBUTING) follow
 * OWASP's minimum of m=19 MiB, t=2, p=1; each hash records its own parameters, so raising them
 * later still verifies old hashes, and {@link #needsRehash} upgrades them at the next sign-in.
 */
@Singleton
public class PasswordHasher {
  private final Argon2Function function;
  private final String dummyHash;

  public PasswordHasher(
      @Value("${starbridge.argon2.memory-kib:19456}") int memoryKib,
      @Value("${starbridge.argon2.iterations:2}") int iterations,
      @Value("${starbridge.argon2.parallelism:1}") int parallelism) {
    this.function = Argon2Function.getInstance(memoryKib, iterations, parallelism, 32, Argon2.ID);
    this.dummyHash = hash("starbridge-dummy-password-for-timing");
  }

  public String hash(String password) {
    Hash hash = Password.hash(password).addRandomSalt(16).with(function);
    return hash.getResult();
  }

  public boolean verify(String password, String stored) {
    if (stored == null) {
      // Spend the same time as a real check so unknown accounts are not revealed by timing.
      Password.check(password, dummyHash).with(function);
      return false;
    }
    return Password.check(password, stored).with(Argon2Function.getInstanceFromHash(stored));
  }

  public boolean needsRehash(String stored) {
    return !Argon2Function.getInstanceFromHash(stored).equals(function);
  }
}
