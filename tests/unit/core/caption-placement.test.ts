import { describe, expect, it } from 'vitest';
import { layoutCaption, wrap } from '../../../src/core/caption-layout.ts';
import { captionBox, freeCentre, inkHeight, inkWidth, placeCaption } from '../../../src/core/caption-placement.ts';
import { isCaptionPlacement } from '../../../src/core/sticker-options.ts';
import { parseCommand } from '../../../src/core/protocol.ts';
import { CAPTION_BAND, CAPTION_INK_ABOVE, CAPTION_INK_BELOW, CAPTION_LINE_HEIGHT, CAPTION_TOP_BAND, STICKER_SIZE } from '../../../src/core/sticker-layout.ts';
import { measure } from '../support/measure.ts';

const size = STICKER_SIZE;
const box = captionBox(size);
const layout = (text: string) => layoutCaption(text, box, measure);

/** The ink's top and bottom for a placed caption. */
function inkSpan(text: string, placement: Parameters<typeof placeCaption>[1]) {
  const placed = placeCaption(layout(text), placement, size, measure);
  const first = placed.baselineY[0]!;
  const last = placed.baselineY[placed.baselineY.length - 1]!;
  return { placed, top: first - CAPTION_INK_ABOVE * placed.fontSize, bottom: last + CAPTION_INK_BELOW * placed.fontSize };
}

describe('captionBox', () => {
  it('allows three lines in the band height, the sticker less its margins wide', () => {
    expect(box.maxLines).toBe(3);
    expect(box.maxWidth).toBeCloseTo(size * (1 - 2 * CAPTION_BAND.margin), 9);
    expect(box.maxHeight).toBeCloseTo((CAPTION_BAND.bottom - CAPTION_BAND.top) * size, 9);
  });

  it('a caption too long for two lines at any size takes three, at least fontMin', () => {
    const text = '今天也是元气满满的一天，打工人打工魂，打工都是人上人，明天继续加油吧';
    const { lines, fontSize } = layout(text);
    expect(lines).toHaveLength(3);
    expect(fontSize).toBeGreaterThanOrEqual(box.fontMin);
    expect(lines.length * fontSize * CAPTION_LINE_HEIGHT).toBeLessThanOrEqual(box.maxHeight);
    expect(lines.join('')).toBe(text);
  });

  it('never more than three lines, however long', () => {
    expect(layout('我'.repeat(200)).lines.length).toBeLessThanOrEqual(3);
  });
});

describe('placeCaption', () => {
  it('bottom: the last line sits on the bottom band’s edge, centred', () => {
    for (const text of ['我太难了', '今天也是元气满满的一天', '今天也是元气满满的一天，打工人打工魂，打工都是人上人']) {
      const { placed, top, bottom } = inkSpan(text, { kind: 'bottom' });
      expect(placed.centerX).toBe(size / 2);
      expect(bottom).toBeCloseTo(CAPTION_BAND.bottom * size, 9);
      expect(top).toBeGreaterThanOrEqual(CAPTION_BAND.top * size - placed.fontSize * 0.1);
    }
  });

  it('top: the first line hangs from the top band’s edge, lines one line-height apart', () => {
    for (const text of ['我太难了', '今天也是元气满满的一天', '今天也是元气满满的一天，打工人打工魂，打工都是人上人']) {
      const { placed, top, bottom } = inkSpan(text, { kind: 'top' });
      expect(top).toBeCloseTo(CAPTION_TOP_BAND.top * size, 9);
      expect(bottom).toBeLessThanOrEqual(CAPTION_TOP_BAND.bottom * size + placed.fontSize * 0.1);
      placed.baselineY.slice(1).forEach((y, i) => expect(y - placed.baselineY[i]!).toBeCloseTo(placed.fontSize * CAPTION_LINE_HEIGHT, 9));
    }
  });

  it('free: the ink is centred on the chosen point when it fits there', () => {
    const { placed, top, bottom } = inkSpan('开心', { kind: 'free', x: 0.4, y: 0.5 });
    expect(placed.centerX).toBeCloseTo(0.4 * size, 9);
    expect((top + bottom) / 2).toBeCloseTo(0.5 * size, 9);
  });

  it('free: a point near an edge or corner is pulled in until all the ink (stroke too) is on the sticker', () => {
    const side = CAPTION_BAND.margin * size;
    const end = (1 - CAPTION_BAND.bottom) * size;
    for (const [x, y] of [
      [0, 0],
      [1, 1],
      [0, 1],
      [1, 0],
      [0.5, 0],
      [0.02, 0.5],
    ] as const) {
      for (const text of ['开心大笑', '今天也是元气满满的一天，打工人打工魂']) {
        const l = layout(text);
        const { placed, top, bottom } = inkSpan(text, { kind: 'free', x, y });
        const half = inkWidth(l, measure) / 2;
        // Within the margins when the ink is narrower than the room between them, else centred.
        const room = Math.max(0, (size - 2 * side - 2 * half) / 2);
        expect(Math.abs(placed.centerX - size / 2)).toBeLessThanOrEqual(room + 1e-9);
        expect(placed.centerX - half).toBeGreaterThanOrEqual(0);
        expect(placed.centerX + half).toBeLessThanOrEqual(size);
        expect(top).toBeGreaterThanOrEqual(end - 1e-9);
        expect(bottom).toBeLessThanOrEqual(size - end + 1e-9);
      }
    }
  });

  it('free: clamping moves the point no further than needed', () => {
    const l = layout('开心大笑');
    const c = freeCentre(l, { x: 1, y: 1 }, size, measure);
    expect(c.x).toBeCloseTo(size - CAPTION_BAND.margin * size - inkWidth(l, measure) / 2, 9);
    expect(c.y).toBeCloseTo(size - (1 - CAPTION_BAND.bottom) * size - inkHeight(l) / 2, 9);
  });

  it('no caption: no baselines, whatever the placement', () => {
    for (const p of [{ kind: 'top' }, { kind: 'bottom' }, { kind: 'free', x: 0.9, y: 0.1 }] as const) {
      expect(placeCaption(layout(''), p, size, measure).baselineY).toEqual([]);
    }
  });
});

describe('grapheme-safe wrap', () => {
  it('never splits an emoji sequence across lines, even when each is wider than the line', () => {
    const family = '👨\u200d👩\u200d👧';
    const text = `${family}👍🏽❤️🇨🇳🤦\u200d♂️`;
    const expected = [family, '👍🏽', '❤️', '🇨🇳', '🤦\u200d♂️'];
    // One emoji per line (40 px line, 36 px emoji), and a line narrower than any emoji.
    expect(wrap(text, 36, 40, measure)).toEqual(expected);
    expect(wrap(text, 36, 10, measure)).toEqual(expected);
  });

  it('cuts a too-long caption between graphemes, never inside one', () => {
    const { lines } = layoutCaption('👍🏽'.repeat(80), box, measure);
    const last = lines[lines.length - 1]!;
    expect(last.endsWith('👍🏽…')).toBe(true);
    for (const line of lines) expect(line.replace(/👍🏽|…/gu, '')).toBe('');
  });
});

describe('caption placement in the protocol', () => {
  const request = { prompt: '', expression: null, caption: '哈', style: 'photo', animate: false };
  const command = (captionPlacement: unknown) =>
    parseCommand({ type: 'generate', jobId: 'j', photo: new ArrayBuffer(1), request: { ...request, captionPlacement } });

  it('accepts top, bottom, free with fractions, and no placement at all', () => {
    for (const p of [{ kind: 'top' }, { kind: 'bottom' }, { kind: 'free', x: 0, y: 1 }, { kind: 'free', x: 0.25, y: 0.5 }]) {
      expect(isCaptionPlacement(p)).toBe(true);
      expect(command(p)).not.toBeNull();
    }
    expect(parseCommand({ type: 'generate', jobId: 'j', photo: new ArrayBuffer(1), request })).not.toBeNull();
  });

  it('refuses anything else', () => {
    for (const p of [
      null,
      'top',
      { kind: 'middle' },
      { kind: 'free' },
      { kind: 'free', x: 1.2, y: 0.5 },
      { kind: 'free', x: -0.1, y: 0.5 },
      { kind: 'free', x: 0.5, y: Number.NaN },
      { kind: 'free', x: '0.5', y: 0.5 },
    ]) {
      expect(isCaptionPlacement(p)).toBe(false);
      expect(command(p)).toBeNull();
    }
  });

  it('caption fonts in init: bundled, system or absent; nothing else', () => {
    const init = (captionFonts?: unknown) =>
      parseCommand({ type: 'init', options: { faceDelegate: 'auto', warpBackend: 'auto', assetBase: '/', captionFonts } });
    expect(init()).not.toBeNull();
    expect(init('system')).toEqual({ type: 'init', options: { faceDelegate: 'auto', warpBackend: 'auto', assetBase: '/', captionFonts: 'system' } });
    expect(init('comic-sans')).toBeNull();
  });
});
