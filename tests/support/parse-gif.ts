// Reads a GIF's structure without decoding pixels: the checks that a file is what a platform
// accepts (size, frame count, loop forever) must not trust the encoder that wrote it.

export interface GifInfo {
  version: string;
  width: number;
  height: number;
  frames: number;
  /** NETSCAPE2.0 loop count: 0 = forever; null when the extension is absent (plays once). */
  loopCount: number | null;
  delaysMs: number[];
}

export function parseGif(bytes: Uint8Array): GifInfo {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = String.fromCharCode(...bytes.subarray(0, 6));
  if (version !== 'GIF89a' && version !== 'GIF87a') throw new Error(`not a GIF: ${version}`);
  const width = view.getUint16(6, true);
  const height = view.getUint16(8, true);
  const flags = bytes[10] ?? 0;
  let at = 13 + (flags & 0x80 ? 3 * 2 ** ((flags & 7) + 1) : 0);
  const skipSubBlocks = () => {
    for (let size = bytes[at] ?? 0; size !== 0; size = bytes[at] ?? 0) at += size + 1;
    at += 1;
  };
  let frames = 0;
  let loopCount: number | null = null;
  const delaysMs: number[] = [];
  for (;;) {
    const block = bytes[at];
    if (block === undefined) throw new Error('GIF ends without a trailer');
    if (block === 0x3b) break;
    if (block === 0x21) {
      const label = bytes[at + 1];
      if (label === 0xf9) delaysMs.push(view.getUint16(at + 4, true) * 10);
      if (label === 0xff && String.fromCharCode(...bytes.subarray(at + 3, at + 14)) === 'NETSCAPE2.0') loopCount = view.getUint16(at + 16, true);
      at += 2;
      skipSubBlocks();
    } else if (block === 0x2c) {
      frames++;
      const local = bytes[at + 9] ?? 0;
      at += 10 + (local & 0x80 ? 3 * 2 ** ((local & 7) + 1) : 0) + 1;
      skipSubBlocks();
    } else {
      throw new Error(`unknown GIF block 0x${block.toString(16)} at ${at}`);
    }
  }
  return { version, width, height, frames, loopCount, delaysMs };
}
