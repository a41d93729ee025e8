/** Largest photo side the pipeline works on: more pixels add time and memory, not landmark accuracy. */
export const MAX_WORKING_SIDE = 2048;

export interface Size {
  width: number;
  height: number;
}

/** Scale (width, height) down, never up, so that neither side exceeds maxSide; keeps the aspect ratio. */
export function fitWithin(size: Size, maxSide: number): Size {
  if (!(size.width > 0 && size.height > 0)) throw new RangeError(`bad image size ${size.width}×${size.height}`);
  const scale = Math.min(1, maxSide / Math.max(size.width, size.height));
  return {
    width: Math.max(1, Math.round(size.width * scale)),
    height: Math.max(1, Math.round(size.height * scale)),
  };
}
