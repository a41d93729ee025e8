// Words → the English prompt the CLIP text encoder reads. CLIP knows no Chinese, so Chinese words
// arrive through the expression engine's lexicon (the expression's own English description);
// English words the lexicon did not take are passed on as written. Style phrases make the redraw a
// sticker, not a photo.

import type { Expression } from '../expression/action-units.ts';

export const STICKER_STYLE_PHRASE = 'cute cartoon sticker of the same person, thick clean outline, flat bright colors, simple shading, white background';

/** CLIP reads 77 tokens; a long free text would push the style phrase out. */
const MAX_FREE_WORDS = 12;

/** Latin-script words only: anything else (Chinese, emoji) is already said by the lexicon's sentence. */
function englishWords(text: string): string {
  const words = text.match(/[A-Za-z][A-Za-z'-]*/gu) ?? [];
  return words.slice(0, MAX_FREE_WORDS).join(' ').toLowerCase();
}

export function redrawPrompt(expression: Expression | null, typed: string): string {
  const parts: string[] = [];
  if (expression !== null) parts.push(expression.description.replace(/\.$/u, '').toLowerCase());
  const free = englishWords(typed);
  if (free !== '' && !parts.some((p) => p.includes(free))) parts.push(free);
  parts.push(STICKER_STYLE_PHRASE);
  return parts.join(', ');
}
