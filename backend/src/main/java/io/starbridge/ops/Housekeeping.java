package io.starbridge.ops;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import io.starbridge.account.Accounts;
import io.starbridge.security.SessionStore;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Start-up tasks and periodic clean-up. */
@Singleton
class Housekeeping {
  private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);
  private final Accounts accounts;
  private final SessionStore sessions;

  Housekeeping(Accounts accounts, SessionStore sessions) {
    this.accounts = accounts;
    this.sessions = sessions;
  }

  @EventListener
  void onStartup(StartupEvent event) {
    accounts.promoteConfiguredAdminAtStartup();
  }

  @Scheduled(fixedDelay = "1h", initialDelay = "5m")
  void purgeExpiredTokens() {
    int n = sessions.purgeExpired();
    if (n > 0) {
      LOG.info("Purged {} expired session rows", n);
    }
  }
}
