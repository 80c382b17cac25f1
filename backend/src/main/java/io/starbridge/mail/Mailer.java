package io.starbridge.mail;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends mail by SMTP when {@code STARBRIDGE_SMTP_HOST} is set. Without it, mail is written to the
 * log and kept in the dev mailbox (newest first, last 200) so a person running locally can click
 * the links and tests can read them.
 */
@Singleton
public class Mailer {
  private static final Logger LOG = LoggerFactory.getLogger(Mailer.class);
  private static final int MAILBOX_SIZE = 200;

  private final String smtpHost;
  private final int smtpPort;
  private final String smtpUser;
  private final String smtpPassword;
  private final boolean smtpStartTls;
  private final String from;
  private final Deque<Mail> mailbox = new ArrayDeque<>();

  public Mailer(
      @Nullable @Value("${starbridge.smtp.host:}") String smtpHost,
      @Value("${starbridge.smtp.port:587}") int smtpPort,
      @Nullable @Value("${starbridge.smtp.username:}") String smtpUser,
      @Nullable @Value("${starbridge.smtp.password:}") String smtpPassword,
      @Value("${starbridge.smtp.starttls:true}") boolean smtpStartTls,
      @Value("${starbridge.mail.from:Starbridge <no-reply@starbridge.local>}") String from) {
    this.smtpHost = smtpHost == null ? "" : smtpHost.trim();
    this.smtpPort = smtpPort;
    this.smtpUser = smtpUser;
    this.smtpPassword = smtpPassword;
    this.smtpStartTls = smtpStartTls;
    this.from = from;
  }

  public boolean smtpConfigured() {
    return !smtpHost.isEmpty();
  }

  public void send(String to, String subject, String text, List<String> links) {
    Mail mail = new Mail(to, subject, text, List.copyOf(links), Instant.now());
    if (smtpConfigured()) {
      sendSmtp(mail);
      return;
    }
    LOG.info("Mail (no SMTP configured) to {}: {}\n{}", to, subject, text);
    synchronized (mailbox) {
      mailbox.addFirst(mail);
      while (mailbox.size() > MAILBOX_SIZE) {
        mailbox.removeLast();
      }
    }
  }

  /** The dev mailbox, newest first. Empty when SMTP is configured. */
  public List<Mail> devMailbox() {
    synchronized (mailbox) {
      return List.copyOf(mailbox);
    }
  }

  private void sendSmtp(Mail mail) {
    Properties props = new Properties();
    props.put("mail.smtp.host", smtpHost);
    props.put("mail.smtp.port", Integer.toString(smtpPort));
    props.put("mail.smtp.starttls.enable", Boolean.toString(smtpStartTls));
    props.put("mail.smtp.connectiontimeout", "10000");
    props.put("mail.smtp.timeout", "10000");
    boolean auth = smtpUser != null && !smtpUser.isBlank();
    props.put("mail.smtp.auth", Boolean.toString(auth));
    Session session = Session.getInstance(props);
    try {
      MimeMessage message = new MimeMessage(session);
      message.setFrom(new InternetAddress(from));
      message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(mail.to()));
      message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
      message.setText(mail.text(), StandardCharsets.UTF_8.name());
      if (auth) {
        Transport.send(message, smtpUser, smtpPassword);
      } else {
        Transport.send(message);
      }
    } catch (MessagingException e) {
      // The action that sent it (e.g. registration) still succeeds; the user can ask again.
      LOG.error("Sending mail to {} failed: {}", mail.to(), e.toString());
    }
  }
}
