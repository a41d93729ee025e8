import { describe, expect, it } from 'vitest';
import { parseUnicodeRange, slicesNeeded } from '../../../src/core/font-slices.ts';
import index from '../../../src/assets/fonts/caption-cjk-slices.json' with { type: 'json' };

describe('font slices', () => {
  it('reads a CSS unicode-range', () => {
    expect(parseUnicodeRange('U+20-7E, U+4E00, u+3000-303F')).toEqual([
      [0x20, 0x7e],
      [0x4e00, 0x4e00],
      [0x3000, 0x303f],
    ]);
  });

  it('names the slices a text needs, whitespace and characters in no slice aside', () => {
    const slices = [parseUnicodeRange('U+20-7E, U+4E00-4E0F'), parseUnicodeRange('U+4E10-4E1F')];
    expect(slicesNeeded('a 一', slices)).toEqual([0]);
    expect(slicesNeeded('丐 x', slices)).toEqual([0, 1]);
    expect(slicesNeeded('\u4e10', slices)).toEqual([1]);
    expect(slicesNeeded('😂 ', slices)).toEqual([]);
  });

  it('the bundled caption font: everyday captions need its first slice only, and the slices do not overlap', () => {
    const slices = index.slices.map((s) => parseUnicodeRange(s.unicodeRange));
    for (const caption of ['今天也要开心', '我太难了', '开心大笑', '加油', '收到！', 'OK 好的']) expect(slicesNeeded(caption, slices), caption).toEqual([0]);
    const seen = new Set<number>();
    for (const ranges of slices) {
      for (const [first, last] of ranges) {
        for (let p = first; p <= last; p++) {
          expect(seen.has(p)).toBe(false);
          seen.add(p);
        }
      }
    }
    // GB2312 level 1 (3,755 hanzi) and the punctuation and forms around them.
    expect([...seen].filter((p) => p >= 0x4e00 && p <= 0x9fff)).toHaveLength(3755);
  });
});
