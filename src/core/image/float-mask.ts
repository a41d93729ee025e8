/** A single-channel image of values in 0..1, row by row: a segmenter's confidence, an alpha. */
export interface FloatMask {
  width: number;
  height: number;
  data: Float32Array;
}
