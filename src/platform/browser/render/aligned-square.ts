// The sticker's square of the photo, as RGBA for the AI redraw, and the redrawn square put back
// into the photo where it came from, so every later stage draws from the photo as before.

import { invertSimilarity, toCanvasMatrix, type Similarity } from '../../../core/geometry/similarity.ts';

function context(canvas: OffscreenCanvas): OffscreenCanvasRenderingContext2D {
  const ctx = canvas.getContext('2d');
  if (ctx === null) throw new Error('OffscreenCanvas 2D context unavailable');
  return ctx;
}

export function cropAligned(image: ImageBitmap, transform: Similarity, size: number): Uint8ClampedArray {
  const canvas = new OffscreenCanvas(size, size);
  const ctx = context(canvas);
  // Outside the photo the square is white, like the sticker's background the redraw is asked for.
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, size, size);
  ctx.setTransform(...toCanvasMatrix(transform));
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(image, 0, 0);
  return ctx.getImageData(0, 0, size, size).data;
}

export async function pasteAligned(image: ImageBitmap, rgba: Uint8ClampedArray, size: number, transform: Similarity): Promise<ImageBitmap> {
  const square = new OffscreenCanvas(size, size);
  context(square).putImageData(new ImageData(new Uint8ClampedArray(rgba), size, size), 0, 0);
  const canvas = new OffscreenCanvas(image.width, image.height);
  const ctx = context(canvas);
  ctx.drawImage(image, 0, 0);
  ctx.setTransform(...toCanvasMatrix(invertSimilarity(transform)));
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(square, 0, 0);
  return createImageBitmap(canvas);
}
