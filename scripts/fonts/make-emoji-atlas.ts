// Rasterises the caption emoji (scripts/fonts/caption-emoji.txt) into one PNG atlas and its index
// (src/assets/emoji), drawn by Debian's Chromium with Noto Color Emoji. The worker draws caption
// emoji from these bitmaps, since only Chromium draws the font's CBDT colour bitmaps: Firefox
// rejects the table and WebKit draws nothing. Build time only, run by hand, output committed:
//   apt-get install -y fonts-noto-color-emoji zopfli
//   npx tsx scripts/fonts/make-emoji-atlas.ts [--font path/to/NotoColorEmoji.ttf or a woff2 subset of it]
// zopflipng recompresses the PNG losslessly: about 6 % smaller than zlib's best.

import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { encode } from 'fast-png';
import { launchChromium } from '../../tests/browser/support/chromium.ts';
import type { EmojiAtlasIndex } from '../../src/core/emoji-atlas.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outDir = path.join(root, 'src/assets/emoji');
const { values } = parseArgs({ options: { font: { type: 'string', default: '/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf' } } });
const fontFile = values.font;

/** The font size the cells are drawn at: the caption's largest on a 512-px sticker. */
const FONT_SIZE = 72;
const COLUMNS = 16;
/** Transparent pixels around each glyph, so scaled draws never pick up a neighbour's edge. */
const GAP = 2;

const sequences = readFileSync(path.join(root, 'scripts/fonts/caption-emoji.txt'), 'utf8')
  .split('\n')
  .filter((line) => !line.startsWith('#'))
  .flatMap((line) => line.split(/\s+/u))
  .filter((s) => s !== '');
if (new Set(sequences).size !== sequences.length) throw new Error('caption-emoji.txt lists a sequence twice');

interface Drawn {
  width: number;
  height: number;
  rgba: number[];
  cell: { width: number; height: number };
  origin: { x: number; y: number };
  advance: number;
  /** Sequences the font does not draw as one coloured glyph. */
  bad: string[];
}

const browser = await launchChromium();
const page = await browser.newPage();
const drawn = await page.evaluate(
  async ({ font, sequences, fontSize, columns, gap }): Promise<Drawn> => {
    const bytes = Uint8Array.from(atob(font), (c) => c.charCodeAt(0));
    document.fonts.add(await new FontFace('Atlas Emoji', bytes.buffer).load());
    const canvas = new OffscreenCanvas(1, 1);
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (ctx === null) throw new Error('no 2D context');
    // (No named functions in here: tsx would wrap them in a helper the page does not have.)
    ctx.font = `${fontSize}px "Atlas Emoji"`;
    const metrics = sequences.map((s) => ctx.measureText(s));
    const advance = metrics[0]?.width ?? 0;
    // One box for all: the font's bitmaps share one size, which a joined sequence keeps too.
    const box = { left: 0, right: 0, ascent: 0, descent: 0 };
    for (const m of metrics) {
      box.left = Math.max(box.left, Math.ceil(m.actualBoundingBoxLeft));
      box.right = Math.max(box.right, Math.ceil(m.actualBoundingBoxRight));
      box.ascent = Math.max(box.ascent, Math.ceil(m.actualBoundingBoxAscent));
      box.descent = Math.max(box.descent, Math.ceil(m.actualBoundingBoxDescent));
    }
    const left = box.left + gap;
    const ascent = box.ascent + gap;
    const width = left + box.right + gap;
    const height = ascent + box.descent + gap;
    canvas.width = columns * width;
    canvas.height = Math.ceil(sequences.length / columns) * height;
    ctx.font = `${fontSize}px "Atlas Emoji"`;
    ctx.textBaseline = 'alphabetic';
    // Bitmap glyphs ignore the fill; an outline glyph (.notdef, another font) shows it.
    ctx.fillStyle = '#ff00ff';
    const bad: string[] = [];
    sequences.forEach((s, i) => {
      const x = (i % columns) * width;
      const y = Math.floor(i / columns) * height;
      ctx.fillText(s, x + left, y + ascent);
      // Not one glyph (a ZWJ sequence the font does not join is wider), nothing drawn, or an outline glyph.
      const cell = ctx.getImageData(x, y, width, height).data;
      let ink = 0;
      let fill = 0;
      for (let p = 0; p < cell.length; p += 4) {
        const [r = 0, g = 0, b = 0, a = 0] = cell.subarray(p, p + 4);
        if (a > 128) ink++;
        if (r > 240 && g < 16 && b > 240) fill++;
      }
      const area = width * height;
      if (Math.abs((metrics[i]?.width ?? 0) - advance) > 0.01 || ink < 0.1 * area || fill > 0.01 * area) bad.push(s);
    });
    const rgba = Array.from(ctx.getImageData(0, 0, canvas.width, canvas.height).data);
    return { width: canvas.width, height: canvas.height, rgba, cell: { width, height }, origin: { x: left, y: ascent }, advance: advance / fontSize, bad };
  },
  { font: readFileSync(fontFile).toString('base64'), sequences, fontSize: FONT_SIZE, columns: COLUMNS, gap: GAP },
);
await browser.close();
if (drawn.bad.length > 0) throw new Error(`${fontFile} does not draw these as one colour glyph: ${drawn.bad.join(' ')}`);

const png = encode({ width: drawn.width, height: drawn.height, data: Uint8Array.from(drawn.rgba), channels: 4, depth: 8 }, { zlib: { level: 9 } });
const index: EmojiAtlasIndex = {
  font: path.basename(fontFile),
  fontSize: FONT_SIZE,
  columns: COLUMNS,
  cell: drawn.cell,
  origin: drawn.origin,
  advance: Math.round(drawn.advance * 1e4) / 1e4,
  sequences,
};
mkdirSync(outDir, { recursive: true });
const pngFile = path.join(outDir, 'caption-emoji.png');
writeFileSync(pngFile, png);
execFileSync('zopflipng', ['-y', '-m', pngFile, pngFile], { stdio: 'ignore' });
writeFileSync(path.join(outDir, 'caption-emoji.json'), `${JSON.stringify(index, null, 1)}\n`);
console.log(`src/assets/emoji/caption-emoji.png: ${sequences.length} emoji, ${drawn.width}×${drawn.height}, ${statSync(pngFile).size} bytes`);
