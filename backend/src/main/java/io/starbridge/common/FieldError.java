package io.starbridge.common;

import io.micronaut.serde.annotation.Serdeable;

/**
 * One invalid field of a request: {@code field} is the JSON path, {@code message} is for humans.
 */
@Serdeable
public record FieldError(String field, String code, String message) {
  public static FieldError of(String field, String code, String message) {
    return new FieldError(field, code, message);
  }
}
