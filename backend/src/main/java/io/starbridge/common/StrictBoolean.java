package io.starbridge.common;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * A JSON boolean and nothing else. The default decoding reads any string that is not "true" as
 * false, so {@code "private": "yes"} would quietly mean public; a field that guards privacy uses
 * this instead ({@code @Serdeable.Deserializable(using = StrictBoolean.class)}) and answers a field
 * error for anything but true, false or null.
 */
@Singleton
public class StrictBoolean implements Deserializer<Boolean> {
  @Override
  public Boolean deserialize(
      Decoder decoder, DecoderContext context, Argument<? super Boolean> type) throws IOException {
    Object value = decoder.decodeArbitrary();
    if (value instanceof Boolean b) {
      return b;
    }
    throw decoder.createDeserializationException("must be true or false", value);
  }
}
