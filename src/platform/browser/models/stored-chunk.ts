// One stored chunk of a model file copied into the buffer the whole file is read into. Chunks are
// Blobs where the browser stores them, else ArrayBuffers (stored-model.ts says why).

import { StreamBytes } from './stream-bytes.ts';

/**
 * How long a read of a stored Blob may give nothing before it is taken as stalled. A piece of a
 * chunk on this device's own disk comes in milliseconds; under a busy 2-core machine's load, well
 * under a second.
 */
const STALL_MS = 5000;

const STALLED = Symbol('stalled');

function orStalled<T>(read: Promise<T>, stallMs: number): Promise<T | typeof STALLED> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stalled = new Promise<typeof STALLED>((resolve) => {
    timer = setTimeout(() => resolve(STALLED), stallMs);
  });
  return Promise.race([read, stalled]).finally(() => clearTimeout(timer));
}

/**
 * Copies the Blob's stream into `out` at `offset`: true, false when the bytes are not the Blob's
 * (too few, too many, a broken stream), or STALLED. Reads stop at the Blob's size, not at the
 * stream's end: Chromium sometimes never ends the stream of a Blob read back from IndexedDB once
 * all its bytes have come (one offline reload in three on a busy 2-core machine).
 */
async function streamBlob(blob: Blob, out: Uint8Array<ArrayBuffer>, offset: number, stallMs: number): Promise<boolean | typeof STALLED> {
  const bytes = new StreamBytes(blob.stream());
  const end = offset + blob.size;
  try {
    for (let at = offset; at < end;) {
      const piece = await orStalled(bytes.next(), stallMs);
      if (piece === STALLED) return STALLED;
      if (piece === null || at + piece.byteLength > end) return false;
      out.set(piece, at);
      at += piece.byteLength;
    }
    return true;
  } catch {
    return false;
  } finally {
    // Not awaited: a stream that never ends may never settle its cancel either.
    void bytes.cancel();
  }
}

/**
 * The Blob's bytes copied into `out` at `offset`; false when they cannot be read. A stream that
 * stops giving bytes part way (seen in CI: an offline sticker waited at 抠出人像 for ever) is
 * given up, and the Blob read again whole, by another of the browser's paths.
 */
async function copyBlob(blob: Blob, out: Uint8Array<ArrayBuffer>, offset: number, stallMs: number): Promise<boolean> {
  const streamed = await streamBlob(blob, out, offset, stallMs);
  if (streamed !== STALLED) return streamed;
  const whole = await orStalled(
    blob.arrayBuffer().catch(() => null),
    stallMs,
  );
  if (whole === STALLED || whole === null || whole.byteLength !== blob.size) return false;
  out.set(new Uint8Array(whole), offset);
  return true;
}

/** A stored chunk (a Blob, or an ArrayBuffer where Blobs cannot be stored) of `bytes` bytes copied into `out`. */
export async function copyChunk(value: unknown, bytes: number, out: Uint8Array<ArrayBuffer>, offset: number, stallMs = STALL_MS): Promise<boolean> {
  if (value instanceof ArrayBuffer && value.byteLength === bytes) {
    out.set(new Uint8Array(value), offset);
    return true;
  }
  return value instanceof Blob && value.size === bytes && copyBlob(value, out, offset, stallMs);
}
