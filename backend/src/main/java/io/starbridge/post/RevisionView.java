package io.starbridge.post;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.starbridge.account.UserCard;
import java.time.Instant;

/**
 * One version of a post's text: version 1 is the original, the highest is the current text.
 *
 * @param editor who wrote this version (the author for version 1)
 * @param reason the reason given with the edit that produced it
 * @param createdAt when this version came to be
 */
@Serdeable
public record RevisionView(
    int version,
    String body,
    String bodyHtml,
    UserCard editor,
    @Nullable String reason,
    Instant createdAt,
    boolean current) {}
