package io.starbridge.mail;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.starbridge.common.ApiException;
import io.starbridge.security.ClientIp;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.List;

/** {@code /dev/mailbox}: only without SMTP, only to loopback; otherwise it does not exist. */
@Controller("/dev/mailbox")
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
class DevMailboxController {
  private final Mailer mailer;

  DevMailboxController(Mailer mailer) {
    this.mailer = mailer;
  }

  @Serdeable
  record Mailbox(List<Mail> items) {}

  @Get
  Mailbox list(HttpRequest<?> request) {
    if (mailer.smtpConfigured()
        || !ClientIp.isLoopback(request)
        || request.getHeaders().contains("X-Forwarded-For")) {
      throw ApiException.notFound("Resource");
    }
    return new Mailbox(mailer.devMailbox());
  }
}
