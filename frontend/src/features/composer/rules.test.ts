import { describe, expect, it } from 'vitest';
import { composerErrors, normalizeTag } from './rules';

const codes = (errors: { field: string; code: string }[]) => errors.map((e) => `${e.field}:${e.code}`);

describe('composerErrors', () => {
  it('wants a title of 6 to 200 characters, counted in code points after cleaning', () => {
    const body = 'text';
    expect(codes(composerErrors({ title: '', tags: [], body }))).toEqual(['title:required']);
    expect(codes(composerErrors({ title: '  short  ', tags: [], body }))).toEqual(['title:length']);
    expect(composerErrors({ title: '六个汉字标题', tags: [], body })).toEqual([]);
    // Five characters, one of them outside the BMP: still five, too short.
    expect(codes(composerErrors({ title: '𠀋星桥之光', tags: [], body }))).toEqual(['title:length']);
    expect(composerErrors({ title: 'a'.repeat(200), tags: [], body })).toEqual([]);
    expect(codes(composerErrors({ title: 'a'.repeat(201), tags: [], body }))).toEqual(['title:length']);
    // Runs of spaces count once, as the server stores them.
    expect(codes(composerErrors({ title: 'ab      cd', tags: [], body }))).toEqual(['title:length']);
  });

  it('allows at most five tags', () => {
    const ok = { title: 'A fine title', body: 'x' };
    expect(composerErrors({ ...ok, tags: ['a1', 'b2', 'c3', 'd4', 'e5'] })).toEqual([]);
    expect(codes(composerErrors({ ...ok, tags: ['a1', 'b2', 'c3', 'd4', 'e5', 'f6'] }))).toEqual([
      'tags:size',
    ]);
  });

  it('wants a body of at most 32,000 characters', () => {
    expect(codes(composerErrors({ title: null, tags: null, body: '  \n ' }))).toEqual(['body:required']);
    expect(composerErrors({ title: null, tags: null, body: '字'.repeat(32_000) })).toEqual([]);
    expect(codes(composerErrors({ title: null, tags: null, body: '字'.repeat(32_001) }))).toEqual([
      'body:length',
    ]);
    expect(composerErrors({ title: null, tags: null, body: '😀'.repeat(32_000) })).toEqual([]);
  });
});

describe('normalizeTag', () => {
  it('lower-cases, drops a leading # and accepts letters of any script', () => {
    expect(normalizeTag(' #Hard-SF ')).toBe('hard-sf');
    expect(normalizeTag('世界观')).toBe('世界观');
    expect(normalizeTag('x')).toBeNull();
    expect(normalizeTag('two words')).toBeNull();
    expect(normalizeTag('a'.repeat(31))).toBeNull();
  });
});
