// The finished sticker made to each chat platform's published rules (docs/product-facts.md):
// sizes, formats, looping and byte caps. Every file is measured against its cap, and what had to
// give to fit is reported, never hidden.

import type { Platform } from '../platform.ts';
import type { HdFile, PlatformExports } from '../protocol.ts';
import { FRAME_MS } from '../animation/motion-frames.ts';
import { toArrayBuffer } from '../encode/array-buffer.ts';
import { fitGif } from '../encode/fit-gif.ts';
import type { RenderedFrame } from './animate.ts';

const KB = 1024;
export const WECHAT = { size: 240, maxBytes: 500 * KB } as const;
export const WHATSAPP = { size: 512, maxStillBytes: 100 * KB, maxAnimatedBytes: 500 * KB } as const;
export const TELEGRAM = { size: 512, maxBytes: 512 * KB } as const;
/** HD WebP is for keeping: near-lossless quality, since no platform cap applies. */
const HD_WEBP_QUALITY = 0.92;
/** WebP qualities tried, best first, until a still fits WhatsApp's cap. */
const WEBP_QUALITIES = [0.85, 0.75, 0.6, 0.45, 0.3] as const;

export interface ExportInput<Surface> {
  /** The still sticker as composed, and its PNG. */
  surface: Surface;
  png: ArrayBuffer;
  stickerSize: number;
  /** The same sticker composed at twice the size, for the HD files. */
  large: () => Promise<{ surface: Surface; size: number }>;
  /** Milliseconds from a monotonic clock, to time each export. */
  now: () => number;
  /** The animation's frames (RGBA at the WeChat size), its GIF and animated WebP, when one was made. */
  animation: { frames: readonly RenderedFrame[]; gif: ArrayBuffer; webp: ArrayBuffer; gifSize: number } | null;
}

async function whatsappStill<Img, Surface>(platform: Platform<Img, Surface>, surface: Surface): Promise<PlatformExports['whatsapp']> {
  let webp = new ArrayBuffer(0);
  let quality: number = WEBP_QUALITIES[0];
  for (quality of WEBP_QUALITIES) {
    webp = await platform.encodeWebp(surface, WHATSAPP.size, quality);
    if (webp.byteLength <= WHATSAPP.maxStillBytes) break;
  }
  const bytes = webp.byteLength;
  return { webp, bytes, maxBytes: WHATSAPP.maxStillBytes, animated: false, quality, fits: bytes <= WHATSAPP.maxStillBytes };
}

async function wechatGif<Img, Surface>(platform: Platform<Img, Surface>, input: ExportInput<Surface>): Promise<PlatformExports['wechat']> {
  const animation = input.animation !== null && input.animation.gifSize === WECHAT.size ? input.animation : null;
  // The animation's own GIF is already the full-quality try: use it when it fits.
  if (animation !== null && animation.gif.byteLength <= WECHAT.maxBytes) {
    const { gif } = animation;
    return {
      gif,
      bytes: gif.byteLength,
      maxBytes: WECHAT.maxBytes,
      size: WECHAT.size,
      frames: animation.frames.length,
      colours: 256,
      reductions: [],
      fits: true,
    };
  }
  const frames =
    animation !== null
      ? animation.frames.map((f) => ({ rgba: f.rgba, width: WECHAT.size, height: WECHAT.size, delayMs: FRAME_MS }))
      : [{ rgba: await platform.rgba(input.surface, WECHAT.size), width: WECHAT.size, height: WECHAT.size, delayMs: 0 }];
  const fitted = fitGif(frames, WECHAT.maxBytes);
  return {
    gif: toArrayBuffer(fitted.bytes),
    bytes: fitted.bytes.byteLength,
    maxBytes: WECHAT.maxBytes,
    size: fitted.size,
    frames: fitted.frames,
    colours: fitted.colours,
    reductions: fitted.reductions,
    fits: fitted.fits,
  };
}

export async function exportPresetsStage<Img, Surface>(platform: Platform<Img, Surface>, input: ExportInput<Surface>): Promise<PlatformExports> {
  const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
    const start = input.now();
    const value = await work();
    return [value, input.now() - start];
  };
  const [wechat, wechatMs] = await timed(() => wechatGif(platform, input));
  const [whatsapp, whatsappMs] = await timed(() => whatsappFile(platform, input));
  const [telegram, telegramMs] = await timed(() => telegramFile(platform, input));
  const [hd, hdMs] = await timed(() => hdFiles(platform, input));
  return { wechat, whatsapp, telegram, hd, ms: { wechat: wechatMs, whatsapp: whatsappMs, telegram: telegramMs, hd: hdMs } };
}

async function whatsappFile<Img, Surface>(platform: Platform<Img, Surface>, input: ExportInput<Surface>): Promise<PlatformExports['whatsapp']> {
  if (input.animation === null) return whatsappStill(platform, input.surface);
  const { webp } = input.animation;
  return {
    webp,
    bytes: webp.byteLength,
    maxBytes: WHATSAPP.maxAnimatedBytes,
    animated: true,
    quality: null,
    fits: webp.byteLength <= WHATSAPP.maxAnimatedBytes,
  };
}

async function telegramFile<Img, Surface>(platform: Platform<Img, Surface>, input: ExportInput<Surface>): Promise<PlatformExports['telegram']> {
  const pngFits = input.png.byteLength <= TELEGRAM.maxBytes && input.stickerSize === TELEGRAM.size;
  const file = pngFits ? input.png : await platform.encodeWebp(input.surface, TELEGRAM.size, WEBP_QUALITIES[0]);
  return {
    file,
    type: pngFits ? 'image/png' : 'image/webp',
    bytes: file.byteLength,
    maxBytes: TELEGRAM.maxBytes,
    fits: file.byteLength <= TELEGRAM.maxBytes,
  };
}

async function hdFiles<Img, Surface>(platform: Platform<Img, Surface>, input: ExportInput<Surface>): Promise<HdFile[]> {
  const large = await input.large();
  const files: [number, HdFile['type'], ArrayBuffer][] = [
    [input.stickerSize, 'image/png', input.png],
    [input.stickerSize, 'image/webp', await platform.encodeWebp(input.surface, input.stickerSize, HD_WEBP_QUALITY)],
    [large.size, 'image/png', await platform.encodePng(large.surface)],
    [large.size, 'image/webp', await platform.encodeWebp(large.surface, large.size, HD_WEBP_QUALITY)],
  ];
  return files.map(([size, type, file]) => ({ size, type, file, bytes: file.byteLength }));
}
