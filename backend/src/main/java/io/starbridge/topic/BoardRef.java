package io.starbridge.topic;

import io.micronaut.serde.annotation.Serdeable;

/** The board of a topic, as topic lists and views show it. */
@Serdeable
public record BoardRef(long id, String slug, String nameZh, String nameEn, String color) {}
