// Connected regions of a binary mask (4-neighbour), by flood fill with an explicit stack: a photo's
// person mask has millions of pixels, too deep for recursion.

export interface Regions {
  /** Region number per pixel, from 1; 0 outside the mask. */
  labels: Int32Array;
  /** Pixel count per region; index 0 unused. */
  sizes: number[];
}

export function connectedRegions(mask: ArrayLike<number>, width: number, height: number): Regions {
  const labels = new Int32Array(width * height);
  const sizes = [0];
  const stack = new Int32Array(width * height);
  for (let start = 0; start < labels.length; start++) {
    if (!mask[start] || labels[start] !== 0) continue;
    const label = sizes.length;
    let size = 0;
    let top = 0;
    stack[top++] = start;
    labels[start] = label;
    // The four neighbours inline: a closure per pixel cost more than the fill itself.
    while (top > 0) {
      const i = stack[--top] ?? 0;
      size++;
      const x = i % width;
      if (x > 0 && mask[i - 1] && labels[i - 1] === 0) {
        labels[i - 1] = label;
        stack[top++] = i - 1;
      }
      if (x < width - 1 && mask[i + 1] && labels[i + 1] === 0) {
        labels[i + 1] = label;
        stack[top++] = i + 1;
      }
      if (i >= width && mask[i - width] && labels[i - width] === 0) {
        labels[i - width] = label;
        stack[top++] = i - width;
      }
      if (i + width < labels.length && mask[i + width] && labels[i + width] === 0) {
        labels[i + width] = label;
        stack[top++] = i + width;
      }
    }
    sizes.push(size);
  }
  return { labels, sizes };
}
