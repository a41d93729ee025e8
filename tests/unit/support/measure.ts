// A deterministic stand-in for canvas measureText: CJK and other wide characters are one em,
// everything else 0.55 em. Counts graphemes, so an emoji (ZWJ sequences and skin tones too) is one character.

import type { MeasureText } from '../../../src/core/caption-layout.ts';

const WIDE = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]|\p{Extended_Pictographic}/u;

export function charWidth(ch: string): number {
  return WIDE.test(ch) ? 1 : 0.55;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export const measure: MeasureText = (text, fontSize) => {
  let em = 0;
  for (const { segment } of graphemes.segment(text)) em += charWidth(segment);
  return em * fontSize;
};
