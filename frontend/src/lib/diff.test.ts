import { describe, expect, it } from 'vitest';
import { diffStats, diffText } from './diff';

const join = (parts: { kind: string; text: string }[], keep: string) =>
  parts
    .filter((p) => p.kind === 'same' || p.kind === keep)
    .map((p) => p.text)
    .join('');

describe('diffText', () => {
  it('marks the words that changed in Latin text', () => {
    const parts = diffText('The ship left orbit at dawn.', 'The ship left orbit at dusk.');
    expect(parts).toContainEqual({ kind: 'removed', text: 'dawn' });
    expect(parts).toContainEqual({ kind: 'added', text: 'dusk' });
    expect(parts[0]).toEqual({ kind: 'same', text: 'The ship left orbit at ' });
  });

  it('diffs Chinese by word, not by whole sentence', () => {
    const parts = diffText('我今天去了北京看长城。', '我昨天去了北京看长城。');
    expect(parts.filter((p) => p.kind === 'removed').map((p) => p.text)).toEqual(['今天']);
    expect(parts.filter((p) => p.kind === 'added').map((p) => p.text)).toEqual(['昨天']);
  });

  it('rebuilds both texts exactly from its parts', () => {
    const before = 'line one\nline two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n';
    const after = 'line one\nline 2\n\n| a | b |\n|---|---|\n| 1 | 3 |\nnew line\n';
    for (const mode of ['words', 'lines'] as const) {
      const parts = diffText(before, after, mode);
      expect(join(parts, 'removed')).toBe(before);
      expect(join(parts, 'added')).toBe(after);
    }
  });

  it('diffs long texts by line', () => {
    const before = `${'a'.repeat(7000)}\nold\n${'b'.repeat(7000)}\n`;
    const after = `${'a'.repeat(7000)}\nnew\n${'b'.repeat(7000)}\n`;
    const parts = diffText(before, after);
    expect(parts.map((p) => p.kind)).toEqual(['same', 'removed', 'added', 'same']);
    expect(parts[1]!.text).toBe('old\n');
  });

  it('reports no change for equal texts', () => {
    expect(diffText('same 一样', 'same 一样')).toEqual([{ kind: 'same', text: 'same 一样' }]);
    expect(diffStats(diffText('same', 'same'))).toEqual({ added: 0, removed: 0 });
  });

  it('counts added and removed characters', () => {
    expect(diffStats(diffText('red fox', 'red 狐狸'))).toEqual({ added: 2, removed: 3 });
  });
});
