// The pack-level images the WeChat platform asks for, drawn from the finished stickers: a
// thumbnail per sticker, the cover, the chat icon and the banner. Canvas work on a handful of
// small PNGs, quick enough for the page itself.

import type { PackFile } from '../../core/pack/wechat-pack.ts';

export interface DrawnFile {
  file: PackFile;
  bytes: Uint8Array;
}

async function png(canvas: OffscreenCanvas, name: string): Promise<DrawnFile> {
  const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer());
  return { file: { name, format: 'png', width: canvas.width, height: canvas.height, bytes: bytes.byteLength }, bytes };
}

function canvas2d(width: number, height: number): [OffscreenCanvas, OffscreenCanvasRenderingContext2D] {
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d');
  if (ctx === null) throw new Error('OffscreenCanvas 2D context unavailable');
  ctx.imageSmoothingQuality = 'high';
  return [canvas, ctx];
}

/** A sticker scaled to size×size, transparent background kept. */
export async function scaledPng(sticker: ImageBitmap, size: number, name: string): Promise<DrawnFile> {
  const [canvas, ctx] = canvas2d(size, size);
  ctx.drawImage(sticker, 0, 0, size, size);
  return png(canvas, name);
}

/** 750×400: the first stickers in a row on a warm ground, with the pack's title under them. */
export async function banner(stickers: readonly ImageBitmap[], title: string, name: string): Promise<DrawnFile> {
  const [canvas, ctx] = canvas2d(750, 400);
  const ground = ctx.createLinearGradient(0, 0, 750, 400);
  ground.addColorStop(0, '#fff3bf');
  ground.addColorStop(1, '#ffd8a8');
  ctx.fillStyle = ground;
  ctx.fillRect(0, 0, 750, 400);
  const shown = stickers.slice(0, 4);
  const side = 170;
  const gap = (750 - shown.length * side) / (shown.length + 1);
  shown.forEach((s, i) => ctx.drawImage(s, gap + i * (side + gap), 60, side, side));
  ctx.font = '900 48px "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';
  ctx.textAlign = 'center';
  ctx.fillStyle = '#212529';
  ctx.fillText(title, 375, 320);
  return png(canvas, name);
}
