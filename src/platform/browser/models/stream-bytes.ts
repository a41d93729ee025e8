// Reads a byte stream (a fetch body, a Blob) through one reused buffer. A plain reader hands out a
// new array per piece: for a file of hundreds of MB that is a trail of garbage the collector frees
// late, and memory peaks far above the file. With a BYOB reader each piece lands in the same
// buffer, to be copied where it belongs before the next read. Streams that are not byte streams,
// and engines without BYOB readers (Safari before 26.4, so iPhones on iOS 17 to 26.3), take the
// plain reader.

const BUFFER_BYTES = 2 ** 20;

type Reader = { byob: true; reader: ReadableStreamBYOBReader } | { byob: false; reader: ReadableStreamDefaultReader<Uint8Array<ArrayBuffer>> };

function readerFor(stream: ReadableStream<Uint8Array<ArrayBuffer>>): Reader {
  if (typeof ReadableStreamBYOBReader !== 'function') return { byob: false, reader: stream.getReader() };
  try {
    return { byob: true, reader: stream.getReader({ mode: 'byob' }) };
  } catch {
    return { byob: false, reader: stream.getReader() }; // not a byte stream
  }
}

export class StreamBytes {
  private readonly source: Reader;
  private buffer = new ArrayBuffer(BUFFER_BYTES);

  constructor(stream: ReadableStream<Uint8Array<ArrayBuffer>>) {
    this.source = readerFor(stream);
  }

  /** The next bytes, valid until the next call; null at the end of the stream. */
  async next(): Promise<Uint8Array<ArrayBuffer> | null> {
    if (this.source.byob) {
      // The read takes the buffer and gives it back in the view it resolves with.
      const { done, value } = await this.source.reader.read(new Uint8Array(this.buffer));
      if (value !== undefined) this.buffer = value.buffer;
      return done ? null : (value ?? null);
    }
    const { done, value } = await this.source.reader.read();
    return done ? null : value;
  }

  async cancel(): Promise<void> {
    await this.source.reader.cancel().catch(() => undefined);
  }
}
