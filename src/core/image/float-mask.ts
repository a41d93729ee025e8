/** A single-channel image of values in 0..1, row by row: a segmenter's confidence, an alpha. */
export interface FloatMask {
  width: number;
  height: number;
  data: Float32Array;
  /** For a mask over a photo at a lower resolution: photo pixels per mask pixel (1 when absent). */
  scale?: number;
}
