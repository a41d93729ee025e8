import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { captionRuns, cellSource, cellTarget, emojiAtlas, emojiKey, placeRuns, type CaptionRun } from '../../../src/core/emoji-atlas.ts';
import { layoutCaption } from '../../../src/core/caption-layout.ts';
import { graphemes } from '../../../src/core/graphemes.ts';
import index from '../../../src/assets/emoji/caption-emoji.json';
import { measure } from '../support/measure.ts';

const atlas = emojiAtlas(index);
const cell = (sequence: string): number => index.sequences.indexOf(sequence);
const text = (t: string): CaptionRun => ({ kind: 'text', text: t });
const emoji = (sequence: string): CaptionRun => ({ kind: 'emoji', cell: cell(sequence) });

describe('the emoji atlas index', () => {
  it('holds every sequence of caption-emoji.txt once, each one grapheme', () => {
    const listed = readFileSync(new URL('../../../scripts/fonts/caption-emoji.txt', import.meta.url), 'utf8')
      .split('\n')
      .filter((line) => !line.startsWith('#'))
      .flatMap((line) => line.split(/\s+/u))
      .filter((s) => s !== '');
    expect(index.sequences).toEqual(listed);
    expect(atlas.cells.size).toBe(listed.length);
    for (const s of listed) expect(graphemes(s)).toEqual([s]);
  });

  it('matches the PNG: its rows of cells, under 1 MB', () => {
    const png = readFileSync(new URL('../../../src/assets/emoji/caption-emoji.png', import.meta.url));
    // IHDR: width and height, big-endian, at bytes 16 and 20.
    expect(png.readUInt32BE(16)).toBe(index.columns * index.cell.width);
    expect(png.readUInt32BE(20)).toBe(Math.ceil(index.sequences.length / index.columns) * index.cell.height);
    expect(png.byteLength).toBeLessThan(1024 * 1024);
  });
});

describe('captionRuns', () => {
  it('draws atlas emoji from bitmaps and joins the rest into text runs', () => {
    expect(captionRuns('开心😂👍🏽❤️🔥ok', atlas)).toEqual([text('开心'), emoji('😂'), emoji('👍🏽'), emoji('❤️'), emoji('🔥'), text('ok')]);
    expect(captionRuns('😂 😂', atlas)).toEqual([emoji('😂'), text(' '), emoji('😂')]);
  });

  it('keeps ZWJ sequences and skin tones whole, with or without VS16', () => {
    expect(captionRuns('🤦‍♂️🤦‍♂❤️‍🔥', atlas)).toEqual([emoji('🤦‍♂️'), emoji('🤦‍♂️'), emoji('❤️‍🔥')]);
    expect(captionRuns('❤', atlas)).toEqual([emoji('❤️')]);
    expect(emojiKey('🤦‍♂️')).toBe('🤦‍♂');
  });

  it('leaves emoji not in the atlas, and parts of atlas sequences, to the text', () => {
    // 🦄 is not bundled; 🤦🏻 is a skin tone the atlas lacks, so the whole cluster stays text.
    expect(captionRuns('好🦄🤦🏻', atlas)).toEqual([text('好🦄🤦🏻')]);
  });

  it('is one text run without an atlas, none for an empty line', () => {
    expect(captionRuns('开心😂', null)).toEqual([text('开心😂')]);
    expect(captionRuns('', atlas)).toEqual([]);
  });
});

describe('placeRuns', () => {
  it('puts each run after the ones before it, emoji at their advance', () => {
    const fontSize = 40;
    const emojiWidth = index.advance * fontSize;
    const measureText = (t: string) => measure(t, fontSize);
    const { runs, width } = placeRuns(captionRuns('开心😂ok👍', atlas), emojiWidth, measureText);
    expect(runs.map((r) => r.x)).toEqual([0, 80, 80 + emojiWidth, 80 + emojiWidth + 44]);
    expect(width).toBeCloseTo(80 + 2 * emojiWidth + 44);
  });

  it('measures what the layout wraps: lines fit, and no emoji is split between them', () => {
    const measureRuns = (line: string, fontSize: number) => placeRuns(captionRuns(line, atlas), index.advance * fontSize, (t) => measure(t, fontSize)).width;
    const box = { maxWidth: 460.8, maxHeight: 107.52, maxLines: 2, fontMax: 72, fontMin: 28, lineHeight: 1.15 };
    const caption = '今天也要开心😂👍🏽🤦‍♂️❤️‍🔥打工人加油💪🏻🙏🏿🎉🎉';
    const layout = layoutCaption(caption, box, measureRuns);
    expect(layout.lines.length).toBeGreaterThan(1);
    expect(layout.lines.join('')).toBe(caption);
    for (const line of layout.lines) {
      expect(measureRuns(line, layout.fontSize)).toBeLessThanOrEqual(box.maxWidth);
      expect(captionRuns(line, atlas).flatMap((r) => (r.kind === 'text' ? graphemes(r.text) : [index.sequences[r.cell]]))).toEqual(graphemes(line));
    }
  });
});

describe('cells', () => {
  it('finds a cell by its row and column', () => {
    expect(cellSource(index, index.columns + 1)).toEqual({ x: index.cell.width, y: index.cell.height, width: index.cell.width, height: index.cell.height });
  });

  it('scales a cell to the font size with its pen on the pen and its baseline on the baseline', () => {
    const half = cellTarget(index, 100, 200, index.fontSize / 2);
    expect(half.width).toBeCloseTo(index.cell.width / 2);
    expect(half.height).toBeCloseTo(index.cell.height / 2);
    expect(half.x + index.origin.x / 2).toBeCloseTo(100);
    expect(half.y + index.origin.y / 2).toBeCloseTo(200);
  });
});
