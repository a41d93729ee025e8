// Browser platform: a canvas as a WebP file. Safari's canvas cannot encode WebP: asked for
// image/webp it quietly returns a PNG. So the first answer is checked, and where it is not WebP,
// libwebp compiled to wasm (@jsquash/webp, Squoosh's build; 0.35 MB, fetched only then) encodes
// the canvas's pixels with the same quality scale.

/** Which encoder made the WebP files: unknown until the first one is made. */
export type WebpEncoder = 'offscreen-canvas-webp' | 'libwebp-wasm';

let encoder: WebpEncoder | undefined;

export function webpEncoder(): WebpEncoder | undefined {
  return encoder;
}

async function encodeInWasm(canvas: OffscreenCanvas, quality: number): Promise<ArrayBuffer> {
  const ctx = canvas.getContext('2d');
  if (ctx === null) throw new Error('OffscreenCanvas 2D context unavailable');
  const { default: encode } = await import('@jsquash/webp/encode.js');
  return encode(ctx.getImageData(0, 0, canvas.width, canvas.height), { quality: Math.round(quality * 100) });
}

/** `quality` 0–1, as canvas encoders take it. */
export async function encodeWebp(canvas: OffscreenCanvas, quality: number): Promise<ArrayBuffer> {
  if (encoder !== 'libwebp-wasm') {
    const blob = await canvas.convertToBlob({ type: 'image/webp', quality });
    if (blob.type === 'image/webp') {
      encoder = 'offscreen-canvas-webp';
      return blob.arrayBuffer();
    }
    encoder = 'libwebp-wasm';
  }
  return encodeInWasm(canvas, quality);
}
