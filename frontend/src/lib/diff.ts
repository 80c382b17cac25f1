import { diffLines, diffWords } from 'diff';

export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** Above this many characters a word diff gets slow in the browser; lines are enough there. */
const WORD_DIFF_LIMIT = 12_000;

let segmenter: Intl.Segmenter | null | undefined;

/** A word segmenter that knows Chinese words (今天 | 去了); null where Intl.Segmenter is missing. */
function wordSegmenter(): Intl.Segmenter | null {
  if (segmenter === undefined) {
    segmenter =
      typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;
  }
  return segmenter;
}

/**
 * What changed from `before` to `after` (two raw Markdown revisions): by word (Chinese words
 * included), or by line for long texts. Adjacent parts of the same kind are merged.
 */
export function diffText(
  before: string,
  after: string,
  mode: 'auto' | 'words' | 'lines' = 'auto',
): DiffPart[] {
  const byLine = mode === 'lines' || (mode === 'auto' && before.length + after.length > WORD_DIFF_LIMIT);
  const seg = wordSegmenter();
  const changes = byLine
    ? diffLines(before, after)
    : diffWords(before, after, seg ? { intlSegmenter: seg } : undefined);
  const parts: DiffPart[] = [];
  for (const c of changes) {
    const kind = c.added ? 'added' : c.removed ? 'removed' : 'same';
    const last = parts[parts.length - 1];
    if (last && last.kind === kind) last.text += c.value;
    else if (c.value !== '') parts.push({ kind, text: c.value });
  }
  return parts;
}

/** How much changed: characters added and removed. */
export function diffStats(parts: DiffPart[]): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const p of parts) {
    if (p.kind === 'added') added += [...p.text].length;
    if (p.kind === 'removed') removed += [...p.text].length;
  }
  return { added, removed };
}
