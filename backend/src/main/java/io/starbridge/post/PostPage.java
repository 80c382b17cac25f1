package io.starbridge.post;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** A page of a topic's posts: {@code prevCursor} loads the posts before the first one shown. */
@Serdeable
public record PostPage(
    List<PostView> items, @Nullable String nextCursor, @Nullable String prevCursor) {}
