// A stored chunk read back into the file's buffer: a Blob whose stream gives every byte but never
// ends (what Chromium sometimes does with a Blob read back from IndexedDB) is read whole, not
// waited on for ever; one whose stream stops part way is read again whole; a Blob that holds too few or too many bytes, or a stream that breaks, is
// refused so that the chunk is fetched again.
import { describe, expect, it } from 'vitest';
import { copyChunk } from '../../../src/platform/browser/models/stored-chunk.ts';

const STALL_MS = 200;
const bytes = Uint8Array.from({ length: 30_000 }, (_, i) => (i * 7) % 251);

/** A Blob whose stream is `stream` (the bytes it reports are `bytes`'). */
class StreamedBlob extends Blob {
  constructor(private readonly source: () => ReadableStream<Uint8Array<ArrayBuffer>>) {
    super([bytes]);
  }
  override stream(): ReadableStream<Uint8Array<ArrayBuffer>> {
    return this.source();
  }
}

/** `bytes` in two pieces (or only the first, `stall`), then `end` (close, error, or nothing at all). */
function pieces(end: 'close' | 'error' | 'never' | 'stall', upTo = bytes.length): () => ReadableStream<Uint8Array<ArrayBuffer>> {
  return () =>
    new ReadableStream({
      type: 'bytes',
      start(controller) {
        controller.enqueue(bytes.slice(0, 10_000));
        if (end === 'stall') return;
        controller.enqueue(bytes.slice(10_000, upTo));
        if (end === 'close') controller.close();
        if (end === 'error') controller.error(new Error('the read broke'));
      },
    });
}

async function copy(value: unknown): Promise<{ good: boolean; out: Uint8Array<ArrayBuffer> }> {
  const out = new Uint8Array(bytes.length + 10);
  const good = await copyChunk(value, bytes.length, out, 10, STALL_MS);
  return { good, out };
}

describe('a stored chunk read back', () => {
  it('copies a Blob at its offset', async () => {
    const { good, out } = await copy(new Blob([bytes]));
    expect(good).toBe(true);
    expect(out.subarray(10)).toEqual(bytes);
    expect(out.subarray(0, 10)).toEqual(new Uint8Array(10));
  });

  it('copies a chunk stored as an ArrayBuffer', async () => {
    const { good, out } = await copy(bytes.slice().buffer);
    expect(good).toBe(true);
    expect(out.subarray(10)).toEqual(bytes);
  });

  it('is read whole when its stream gives every byte and never ends', async () => {
    const { good, out } = await copy(new StreamedBlob(pieces('never')));
    expect(good).toBe(true);
    expect(out.subarray(10)).toEqual(bytes);
  });

  it('is read again whole when its stream stops giving bytes part way', async () => {
    const { good, out } = await copy(new StreamedBlob(pieces('stall')));
    expect(good).toBe(true);
    expect(out.subarray(10)).toEqual(bytes);
  });

  it('is refused when its stream stalls and it cannot be read whole either', async () => {
    class Unreadable extends StreamedBlob {
      override arrayBuffer(): Promise<ArrayBuffer> {
        return new Promise(() => undefined);
      }
    }
    expect((await copy(new Unreadable(pieces('stall')))).good).toBe(false);
  });

  it('is refused when its stream ends early or breaks, or it is not the recorded size', async () => {
    expect((await copy(new StreamedBlob(pieces('close', 25_000)))).good).toBe(false);
    expect((await copy(new StreamedBlob(pieces('error', 25_000)))).good).toBe(false);
    expect((await copy(new Blob([bytes.subarray(1)]))).good).toBe(false);
    expect((await copy(new ArrayBuffer(5))).good).toBe(false);
    expect((await copy(undefined)).good).toBe(false);
  });
});
