package io.starbridge.markdown;

import java.util.List;

/**
 * User Markdown rendered once at write time: sanitized HTML to serve, plain text for search and
 * snippets, and what it refers to, so no other feature has to parse it again.
 *
 * @param html sanitized HTML, safe to insert into a page as is
 * @param plainText the text without markup (spoilers included; callers decide how to show them)
 * @param mentions lower-case handles of {@code @handle} mentions that resolved to users
 * @param tags lower-case {@code #tag} names
 * @param links absolute http(s) URLs linked from the text
 * @param version the renderer version that produced it (re-cook when it changes)
 */
public record Cooked(
    String html,
    String plainText,
    List<String> mentions,
    List<String> tags,
    List<String> links,
    int version) {}
