import type { StickerResult } from '../protocol.ts';
import { FRAME_MS } from '../animation/motion-frames.ts';
import { encodeGif } from '../encode/gif.ts';
import { encodeAnimatedWebp } from '../encode/webp-animation.ts';
import type { RenderedFrame } from './animate.ts';
import { toArrayBuffer } from '../encode/array-buffer.ts';

/** Frames → a looping GIF (gifSize) and a looping animated WebP (stickerSize). */
export function encodeAnimationStage(frames: readonly RenderedFrame[], gifSize: number, stickerSize: number): NonNullable<StickerResult['animation']> {
  const gif = encodeGif(frames.map((f) => ({ rgba: f.rgba, width: gifSize, height: gifSize, delayMs: FRAME_MS })));
  const webp = encodeAnimatedWebp(
    frames.map((f) => ({ webp: new Uint8Array(f.webp), durationMs: FRAME_MS })),
    stickerSize,
    stickerSize,
  );
  return { gif: toArrayBuffer(gif), webp: toArrayBuffer(webp), frames: frames.length, frameMs: FRAME_MS, gifSize, webpSize: stickerSize };
}
