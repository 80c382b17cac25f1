/**
 * Server-made highlight HTML: escaped text whose only markup is <mark>…</mark>. Rendered as
 * HTML only after checking that nothing else is in it; anything unexpected is shown as text.
 */
const ONLY_MARKS = /^(?:[^<>]|<mark>|<\/mark>)*$/;

export function Highlighted({ html, className }: { html: string; className?: string }) {
  if (!ONLY_MARKS.test(html)) {
    return <span className={className}>{html}</span>;
  }
  return <span className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}
