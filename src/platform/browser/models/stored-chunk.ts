// One stored chunk of a model file copied into the buffer the whole file is read into. Chunks are
// Blobs where the browser stores them, else ArrayBuffers (stored-model.ts says why).

import { StreamBytes } from './stream-bytes.ts';

/**
 * Copies the Blob's bytes into `out` at `offset`; false when the file cannot be read. Reads stop at
 * the Blob's size, not at the stream's end: Chromium sometimes never ends the stream of a Blob read
 * back from IndexedDB once all its bytes have come (one offline reload in three on a busy 2-core
 * machine), and the sticker waited for it for ever.
 */
async function copyBlob(blob: Blob, out: Uint8Array<ArrayBuffer>, offset: number): Promise<boolean> {
  const bytes = new StreamBytes(blob.stream());
  const end = offset + blob.size;
  try {
    for (let at = offset; at < end;) {
      const piece = await bytes.next();
      if (piece === null || at + piece.byteLength > end) return false;
      out.set(piece, at);
      at += piece.byteLength;
    }
    return true;
  } catch {
    return false;
  } finally {
    // Not awaited: the stream that never ends may never settle its cancel either.
    void bytes.cancel();
  }
}

/** A stored chunk (a Blob, or an ArrayBuffer where Blobs cannot be stored) of `bytes` bytes copied into `out`. */
export async function copyChunk(value: unknown, bytes: number, out: Uint8Array<ArrayBuffer>, offset: number): Promise<boolean> {
  if (value instanceof ArrayBuffer && value.byteLength === bytes) {
    out.set(new Uint8Array(value), offset);
    return true;
  }
  return value instanceof Blob && value.size === bytes && copyBlob(value, out, offset);
}
