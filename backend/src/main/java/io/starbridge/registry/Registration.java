package io.starbridge.registry;

import io.micronaut.serde.annotation.Serdeable;

/**
 * The result of {@link Registry#register}: where the entry sits in the chain. {@code registeredAt}
 * is written as in the signed message (UTC, six fractional digits).
 */
@Serdeable
public record Registration(
    long id, long seq, String contentHash, String entryHash, String registeredAt) {}
