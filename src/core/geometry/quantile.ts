// Order statistics of a sample: robust to a few outliers where a mean is not (a glasses rim across
// a lid, JPEG-tinted pixels around a grey mouth).

/** The value a share `q` (0..1) of the way up the sorted values; 0 for none. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(q * (sorted.length - 1))] ?? 0;
}

/** The middle value (the upper one of two); 0 for none. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1] ?? 0;
}
