// Binary morphology with a round brush, by the exact distance transform: any radius costs the same.

import { squaredDistanceToSet } from './distance-transform.ts';

/** 1 for every pixel within `radius` of a set pixel. */
export function dilate(mask: Uint8Array, width: number, height: number, radius: number): Uint8Array {
  const d2 = squaredDistanceToSet(mask, width, height);
  const out = new Uint8Array(mask.length);
  for (let i = 0; i < out.length; i++) out[i] = (d2[i] ?? 0) <= radius * radius ? 1 : 0;
  return out;
}

/**
 * The mask opened: eroded, then dilated by `radius`. Parts narrower than the brush (a thin bridge
 * into the background, a stray speck) are gone; wide parts keep their shape. The image's border is
 * not background, so a body cut by the frame's edge is not eaten from there.
 */
export function open(mask: Uint8Array, width: number, height: number, radius: number): Uint8Array {
  const outside = new Uint8Array(mask.length);
  for (let i = 0; i < mask.length; i++) outside[i] = mask[i] ? 0 : 1;
  const d2 = squaredDistanceToSet(outside, width, height);
  const eroded = new Uint8Array(mask.length);
  for (let i = 0; i < mask.length; i++) eroded[i] = (d2[i] ?? 0) > radius * radius ? 1 : 0;
  return dilate(eroded, width, height, radius);
}
