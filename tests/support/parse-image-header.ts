// Format and pixel size from a PNG's or WebP's header, read from the bytes (not the encoder's word).

export interface ImageHeader {
  format: 'png' | 'webp';
  width: number;
  height: number;
  /** WebP only: an animation (VP8X with the animation flag). */
  animated: boolean;
}

export function parseImageHeader(bytes: Uint8Array): ImageHeader {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes[0] === 0x89 && ascii(1, 4) === 'PNG') {
    return { format: 'png', width: view.getUint32(16), height: view.getUint32(20), animated: false };
  }
  if (ascii(0, 4) !== 'RIFF' || ascii(8, 12) !== 'WEBP') throw new Error('neither PNG nor WebP');
  const chunk = ascii(12, 16);
  const u24 = (at: number) => (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8) | ((bytes[at + 2] ?? 0) << 16);
  if (chunk === 'VP8X') return { format: 'webp', width: u24(24) + 1, height: u24(27) + 1, animated: ((bytes[20] ?? 0) & 0x02) !== 0 };
  if (chunk === 'VP8L') {
    const bits = view.getUint32(21, true);
    return { format: 'webp', width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1, animated: false };
  }
  if (chunk === 'VP8 ') return { format: 'webp', width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff, animated: false };
  throw new Error(`unknown WebP chunk ${chunk}`);
}
