/** One step a size-capped GIF export took to fit: fewer colours, fewer frames, or a smaller side. */
export type GifReduction = { kind: 'colours'; to: number } | { kind: 'frames'; to: number } | { kind: 'size'; to: number };
