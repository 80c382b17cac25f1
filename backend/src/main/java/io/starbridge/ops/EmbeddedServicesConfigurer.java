package io.starbridge.ops;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.annotation.ContextConfigurer;

/**
 * Points every application context (the server, commands and each test context) at the embedded
 * PostgreSQL and Redis unless {@code DATASOURCES_DEFAULT_URL} / {@code REDIS_URI} name external
 * servers.
 */
@ContextConfigurer
public final class EmbeddedServicesConfigurer implements ApplicationContextConfigurer {
  @Override
  public void configure(ApplicationContextBuilder builder) {
    builder.properties(EmbeddedServices.ensureStarted());
  }
}
