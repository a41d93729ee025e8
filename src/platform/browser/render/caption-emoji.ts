// Caption emoji from the bundled atlas (src/assets/emoji, made by scripts/fonts/make-emoji-atlas.ts)
// rather than a colour font: only Chromium draws Noto Color Emoji's CBDT bitmaps (Firefox rejects
// the table, WebKit draws nothing), so bitmaps are what draws alike in every engine. Loaded once
// per worker from the app's own origin; until then, or if it fails, captions keep fillText's emoji.

import { cellSource, cellTarget, emojiAtlas, emojiKey, type EmojiAtlas } from '../../../core/emoji-atlas.ts';
import { graphemes } from '../../../core/graphemes.ts';
import index from '../../../assets/emoji/caption-emoji.json';

const ATLAS_URL = new URL('../../../assets/emoji/caption-emoji.png', import.meta.url);

interface LoadedAtlas extends EmojiAtlas {
  image: ImageBitmap;
  /** The atlas in white, alpha kept: each emoji's outline. */
  silhouette: OffscreenCanvas;
}

let atlas: LoadedAtlas | null = null;
const cells = emojiAtlas(index).cells;

/** Whether the caption has an emoji the atlas draws (so the atlas is worth fetching). */
export function captionHasAtlasEmoji(caption: string): boolean {
  return graphemes(caption).some((g) => cells.has(emojiKey(g)));
}

function whiteSilhouette(image: ImageBitmap): OffscreenCanvas {
  const canvas = new OffscreenCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  if (ctx === null) throw new Error('OffscreenCanvas 2D context unavailable');
  ctx.drawImage(image, 0, 0);
  ctx.globalCompositeOperation = 'source-in';
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  return canvas;
}

export async function loadEmojiAtlas(): Promise<void> {
  const response = await fetch(ATLAS_URL);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const image = await createImageBitmap(await response.blob());
  atlas = { index, cells, image, silhouette: whiteSilhouette(image) };
}

/** The loaded atlas, or null: emoji then go to fillText with the rest of the text. */
export function captionEmoji(): EmojiAtlas | null {
  return atlas;
}

function drawCell(ctx: OffscreenCanvasRenderingContext2D, source: CanvasImageSource, cell: number, x: number, baseline: number, fontSize: number): void {
  const from = cellSource(index, cell);
  const to = cellTarget(index, x, baseline, fontSize);
  ctx.drawImage(source, from.x, from.y, from.width, from.height, to.x, to.y, to.width, to.height);
}

export function fillEmoji(ctx: OffscreenCanvasRenderingContext2D, cell: number, x: number, baseline: number, fontSize: number): void {
  if (atlas !== null) drawCell(ctx, atlas.image, cell, x, baseline, fontSize);
}

/** A white outline as wide as strokeText's (half of `lineWidth` outside the ink): the silhouette
 *  drawn on two rings of offsets about 2 px apart, the inner one for details finer than the ring. */
export function outlineEmoji(ctx: OffscreenCanvasRenderingContext2D, cell: number, x: number, baseline: number, fontSize: number, lineWidth: number): void {
  if (atlas === null) return;
  for (const radius of [lineWidth / 2, lineWidth / 4]) {
    const steps = Math.max(8, Math.ceil((2 * Math.PI * radius) / 2));
    for (let i = 0; i < steps; i++) {
      const angle = (2 * Math.PI * i) / steps;
      drawCell(ctx, atlas.silhouette, cell, x + radius * Math.cos(angle), baseline + radius * Math.sin(angle), fontSize);
    }
  }
}
