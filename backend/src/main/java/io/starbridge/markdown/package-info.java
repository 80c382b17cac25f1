/**
 * User text: Markdown in, sanitized HTML out. {@link io.starbridge.markdown.MarkdownRenderer} is
 * the only way user text becomes HTML; {@link io.starbridge.markdown.FlexmarkRenderer} implements
 * it and {@code POST /api/v1/markdown/preview} shows its output before posting.
 *
 * <h2>Syntax</h2>
 *
 * CommonMark with GFM tables, strikethrough, task lists and autolinks, plus:
 *
 * <ul>
 *   <li>{@code @handle}: a mention, when a user with that handle exists (else plain text).
 *   <li>{@code #tag}: 2–30 letters (any script), digits, {@code -} or {@code _}, at least one
 *       letter; not inside a word, a URL, code or a heading.
 *   <li>{@code >!hidden!<} inline; a block whose lines start with {@code >!} (like a quote).
 *   <li>{@code $tex$} inline (non-space inside both dollars, no digit after the closing one, so "$5
 *       and $10" stays text); {@code $$tex$$} display, in a line or fenced by lines of {@code $$}.
 *   <li>Raw HTML is shown as text. Images become links ({@code ![alt](url)} → a link to the url
 *       named alt). Headings move one level down (no {@code h1}). A line break is a line break.
 * </ul>
 *
 * None of the additions applies inside code spans or code blocks.
 *
 * <h2>HTML contract (what the SPA styles and scripts)</h2>
 *
 * <ul>
 *   <li>{@code <span class="spoiler">} inline, {@code <div class="spoiler">} block: blur until
 *       clicked.
 *   <li>{@code <span class="math-inline">}, {@code <span class="math-display">} (display math
 *       within a line), {@code <div class="math-display">}: escaped TeX source as text, for KaTeX
 *       (display mode for {@code math-display}).
 *   <li>{@code <a class="mention" href="/u/{handle}">@Handle</a>}, {@code <a class="hashtag"
 *       href="/tag/{percent-encoded tag}">#Tag</a>}.
 *   <li>{@code <li class="task-list-item"><input type="checkbox" disabled [checked]>}.
 *   <li>{@code <code class="language-xxx">} in fenced code; {@code align} on {@code th}/{@code td};
 *       {@code start} on {@code ol}.
 *   <li>Every link has {@code rel="nofollow ugc noopener"}; hrefs are http(s), mailto or a path on
 *       this site. No other element, attribute or class survives the sanitizer.
 * </ul>
 */
package io.starbridge.markdown;
