package io.starbridge.common;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** RFC 9457 problem details, the body of every error response. */
@Serdeable
public record Problem(
    String type,
    String title,
    int status,
    @Nullable String detail,
    List<FieldError> errors,
    @Nullable Long retryAfterSeconds) {}
