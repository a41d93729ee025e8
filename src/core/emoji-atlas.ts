// The caption emoji atlas (src/assets/emoji, made by scripts/fonts/make-emoji-atlas.ts): where each
// emoji's bitmap sits, and how a caption line splits into text runs and emoji drawn from it.

import { graphemes } from './graphemes.ts';

/** caption-emoji.json: cells of `cell` px in rows of `columns`, in the order of `sequences`. */
export interface EmojiAtlasIndex {
  /** The font file the cells were drawn with. */
  font: string;
  /** The font size, px, the cells were drawn at. */
  fontSize: number;
  columns: number;
  cell: { width: number; height: number };
  /** The glyph's pen position on its baseline, px from the cell's top left. */
  origin: { x: number; y: number };
  /** How far the pen moves past one emoji, in ems. */
  advance: number;
  sequences: string[];
}

export interface EmojiAtlas {
  index: EmojiAtlasIndex;
  /** Cell number by emojiKey. */
  cells: ReadonlyMap<string, number>;
}

/** An emoji typed with or without VS16 (U+FE0F) draws the same: the font drew both in colour. */
export function emojiKey(cluster: string): string {
  return cluster.replaceAll('\uFE0F', '');
}

export function emojiAtlas(index: EmojiAtlasIndex): EmojiAtlas {
  return { index, cells: new Map(index.sequences.map((s, i) => [emojiKey(s), i])) };
}

export type CaptionRun = { kind: 'text'; text: string } | { kind: 'emoji'; cell: number };

/** The line's graphemes, those in the atlas as emoji runs, the others joined into text runs. */
export function captionRuns(line: string, atlas: EmojiAtlas | null): CaptionRun[] {
  if (atlas === null) return line === '' ? [] : [{ kind: 'text', text: line }];
  const runs: CaptionRun[] = [];
  for (const g of graphemes(line)) {
    const cell = atlas.cells.get(emojiKey(g));
    const last = runs[runs.length - 1];
    if (cell !== undefined) runs.push({ kind: 'emoji', cell });
    else if (last?.kind === 'text') last.text += g;
    else runs.push({ kind: 'text', text: g });
  }
  return runs;
}

/** Each run with the x its pen starts at (from 0), and the width of the whole line. `emojiWidth`:
 *  one emoji's advance in px at the line's font size. */
export function placeRuns(
  runs: readonly CaptionRun[],
  emojiWidth: number,
  measureText: (text: string) => number,
): { runs: { run: CaptionRun; x: number }[]; width: number } {
  let x = 0;
  const placed = runs.map((run) => {
    const at = { run, x };
    x += run.kind === 'text' ? measureText(run.text) : emojiWidth;
    return at;
  });
  return { runs: placed, width: x };
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The cell's rectangle in the atlas image. */
export function cellSource(index: EmojiAtlasIndex, cell: number): Rect {
  const { width, height } = index.cell;
  return { x: (cell % index.columns) * width, y: Math.floor(cell / index.columns) * height, width, height };
}

/** Where a cell goes for a pen at (x, baseline) and this font size: as the font would have drawn it. */
export function cellTarget(index: EmojiAtlasIndex, x: number, baseline: number, fontSize: number): Rect {
  const scale = fontSize / index.fontSize;
  return { x: x - index.origin.x * scale, y: baseline - index.origin.y * scale, width: index.cell.width * scale, height: index.cell.height * scale };
}
