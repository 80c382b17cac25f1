package io.starbridge.group;

import io.micronaut.serde.annotation.Serdeable;

/** A group as topic lists, topic views and follow lists name it. */
@Serdeable
public record GroupRef(long id, String slug, String name, String visibility) {}
