package io.starbridge.mail;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/** One outgoing message; {@code links} are the actionable URLs in it (verification, reset). */
@Serdeable
public record Mail(String to, String subject, String text, List<String> links, Instant sentAt) {}
