// Fit a caption into the sticker's caption band: the largest font size at which it wraps into at
// most maxLines lines. Text measurement is passed in, so the same logic runs on any canvas.

import { graphemes } from './graphemes.ts';

export type MeasureText = (text: string, fontSize: number) => number;

export interface CaptionBox {
  maxWidth: number;
  maxHeight: number;
  maxLines: number;
  fontMax: number;
  fontMin: number;
  lineHeight: number;
}

export interface CaptionLayout {
  fontSize: number;
  lines: string[];
}

const CJK = /^[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/u;
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;
const SPACE = /^\s+$/u;
/** Punctuation that must not start a line (kinsoku): it sticks to the token before it. */
const NO_LINE_START = /^[，。！？、；：）」』》〉”’!?,.;:)\]…~～]/u;

function isWide(g: string): boolean {
  return CJK.test(g) || EMOJI.test(g);
}

/** One CJK character or emoji, or a run of other non-space characters with the spaces after it. */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  // What the last token can still take: a word takes letters, then spaces; a CJK character nothing.
  let open: 'letters' | 'spaces' | 'none' = 'none';
  for (const g of graphemes(text)) {
    const space = SPACE.test(g);
    const letter = !space && !isWide(g);
    const grows: boolean = letter && open === 'letters';
    const joins: boolean = tokens.length > 0 && (grows || (space && open !== 'none') || NO_LINE_START.test(g));
    if (joins) tokens[tokens.length - 1] += g;
    else tokens.push(g);
    open = space ? 'spaces' : letter && (grows || !joins) ? 'letters' : 'none';
  }
  return tokens;
}

/** Greedy wrap; a token wider than the line is split between graphemes. */
export function wrap(text: string, fontSize: number, maxWidth: number, measure: MeasureText): string[] {
  const lines: string[] = [];
  let line = '';
  const push = (piece: string) => {
    if (line !== '' && measure((line + piece).trimEnd(), fontSize) > maxWidth) {
      lines.push(line.trimEnd());
      line = piece.trimStart();
    } else line += piece;
  };
  for (const token of tokenize(text.trim())) {
    if (measure(token.trimEnd(), fontSize) <= maxWidth) push(token);
    else for (const g of graphemes(token)) push(g);
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  return lines;
}

function fits(lines: string[], fontSize: number, box: CaptionBox, measure: MeasureText): boolean {
  return lines.length <= box.maxLines && lines.length * fontSize * box.lineHeight <= box.maxHeight && lines.every((l) => measure(l, fontSize) <= box.maxWidth);
}

/** Font sizes to try, largest first, in steps of 2 and always ending with fontMin itself. */
function sizes(box: CaptionBox): number[] {
  const list: number[] = [];
  for (let size = box.fontMax; size > box.fontMin; size -= 2) list.push(size);
  list.push(box.fontMin);
  return list;
}

export function layoutCaption(text: string, box: CaptionBox, measure: MeasureText): CaptionLayout {
  const clean = text.replace(/\s+/gu, ' ').trim();
  if (clean === '') return { fontSize: box.fontMax, lines: [] };
  for (const size of sizes(box)) {
    const lines = wrap(clean, size, box.maxWidth, measure);
    if (fits(lines, size, box, measure)) return { fontSize: size, lines };
  }
  // Too long even at the smallest size: keep the lines that fit the box and say it was cut.
  const size = box.fontMin;
  const linesThatFit = Math.max(1, Math.min(box.maxLines, Math.floor(box.maxHeight / (size * box.lineHeight))));
  const lines = wrap(clean, size, box.maxWidth, measure).slice(0, linesThatFit);
  let last = lines[lines.length - 1] ?? '';
  while (last.length > 0 && measure(`${last}…`, size) > box.maxWidth) last = graphemes(last).slice(0, -1).join('');
  lines[lines.length - 1] = `${last}…`;
  return { fontSize: size, lines };
}
