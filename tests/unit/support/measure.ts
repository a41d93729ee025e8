// A deterministic stand-in for canvas measureText: CJK and other wide characters are one em,
// everything else 0.55 em. Counts code points, so an emoji is one character.

import type { MeasureText } from '../../../src/core/caption-layout.ts';

const WIDE = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]|\p{Extended_Pictographic}/u;

export function charWidth(ch: string): number {
  return WIDE.test(ch) ? 1 : 0.55;
}

export const measure: MeasureText = (text, fontSize) => {
  let em = 0;
  for (const ch of text) em += charWidth(ch);
  return em * fontSize;
};
