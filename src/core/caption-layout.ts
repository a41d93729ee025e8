// Fit a caption into the sticker's caption band: the largest font size at which it wraps into at
// most maxLines lines. Text measurement is passed in, so the same logic runs on any canvas.

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

const CJK = '\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u3000-\\u303f';
/** One CJK character, or a run of other non-space characters with the spaces after it. */
const TOKEN = new RegExp(`[${CJK}]|[^\\s${CJK}]+\\s*|\\s+`, 'gu');
/** Punctuation that must not start a line (kinsoku): it sticks to the token before it. */
const NO_LINE_START = /^[，。！？、；：）」』》〉”’!?,.;:)\]…~～]/u;

export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const token = match[0];
    const last = tokens.length - 1;
    if (last >= 0 && NO_LINE_START.test(token)) tokens[last] += token;
    else tokens.push(token);
  }
  return tokens;
}

/** Greedy wrap; a token wider than the line is split by characters. */
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
    else for (const ch of token) push(ch);
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  return lines;
}

function fits(lines: string[], fontSize: number, box: CaptionBox, measure: MeasureText): boolean {
  return (
    lines.length <= box.maxLines &&
    lines.length * fontSize * box.lineHeight <= box.maxHeight &&
    lines.every((l) => measure(l, fontSize) <= box.maxWidth)
  );
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
  while (last.length > 0 && measure(`${last}…`, size) > box.maxWidth) last = Array.from(last).slice(0, -1).join('');
  lines[lines.length - 1] = `${last}…`;
  return { fontSize: size, lines };
}
