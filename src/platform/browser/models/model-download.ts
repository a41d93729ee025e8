// One model file on its way into memory: what was stored before is read back and hashed again,
// then each request asks only for what is missing (Range), streams it into the one buffer the
// file will be returned in, hashes it as it comes and stores it chunk by chunk. A request that
// breaks leaves what arrived stored, so the next request, or the next visit, goes on from there.

import { rangeHeader, readRangeAnswer } from '../../../core/models/http-range.ts';
import type { ModelEntry } from '../../../core/models/manifest.ts';
import { MODEL_CHUNK_BYTES } from '../../../core/models/model-cache-layout.ts';
import { DownloadRate } from '../../../core/models/download-rate.ts';
import { Sha256 } from '../../../core/models/sha256-stream.ts';
import type { DownloadProgress } from '../../../core/platform.ts';
import type { StoredModel } from './stored-model.ts';
import { StreamBytes } from './stream-bytes.ts';

/** The bytes are not the manifest's file: stored bytes must go, and nothing is resumed from them. */
export class IntegrityFailure extends Error {}

/** Progress at most this often: a 300 MB file arrives in thousands of pieces. */
const REPORT_EVERY_MS = 100;

export class ModelDownload {
  /** The whole file, allocated once; the cache and every request fill it in place. */
  private readonly out: Uint8Array<ArrayBuffer>;
  private received = 0;
  private hasher = new Sha256();
  private sha256: string | undefined;
  private readonly rate = new DownloadRate();
  private reportedAt = -Infinity;
  /** A report held back by the rate limit, sent when the limit allows: a stalled download shows where it stalled. */
  private heldReport: ReturnType<typeof setTimeout> | undefined;
  private arrivedBytes = 0;
  /** The chunk write in progress (settled when none); a failed one leaves its error for the reader. */
  private writing: Promise<void> = Promise.resolve();
  private writingNow = false;
  private writeFailure: unknown = null;

  constructor(
    private readonly entry: ModelEntry,
    private readonly stored: StoredModel,
    private readonly onProgress: (p: DownloadProgress) => void,
    private readonly signal?: AbortSignal,
    /** Given the file once verified, before it is stored whole (LoadOptions.verified). */
    private readonly verified?: (bytes: ArrayBuffer) => void,
  ) {
    this.out = new Uint8Array(entry.bytes);
  }

  /** Bytes that came over the network in this load, to tell a request that moved from one that did not. */
  get arrived(): number {
    return this.arrivedBytes;
  }

  get remaining(): number {
    return this.entry.bytes - this.received;
  }

  /** A complete stored file whose chunks all check out, or null (a damaged chunk is dropped on the way). */
  async fromCache(): Promise<ArrayBuffer | null> {
    if (!this.stored.complete) return null;
    const read = await this.stored.readInto(this.out, () => undefined, this.signal);
    if (read !== this.entry.bytes) return null;
    this.onProgress({ model: this.entry.id, loaded: read, total: read, cached: true, bytesPerSecond: null, secondsLeft: null });
    return this.out.buffer;
  }

  /** Reads back and hashes again what an earlier download stored, to go on after it. */
  async resume(): Promise<void> {
    this.received = await this.stored.readInto(this.out, (bytes) => this.hasher.update(bytes), this.signal);
    if (this.received > 0) this.report(true);
  }

  /** Forgets every byte (stored ones too): the next request starts at byte 0. */
  async restart(): Promise<void> {
    await this.writing;
    await this.stored.discard();
    this.received = 0;
    this.hasher = new Sha256();
    this.sha256 = undefined;
  }

  /** One request to `url` for what is missing; the verified file, or a throw with what arrived kept. */
  async fetchFrom(url: string): Promise<ArrayBuffer> {
    const size = this.entry.bytes;
    const from = this.received;
    if (from === size) return this.finish();
    // no-store: the HTTP cache would keep a second copy of hundreds of MB.
    const init: RequestInit = { cache: 'no-store', headers: from > 0 ? { Range: rangeHeader(from) } : {} };
    if (this.signal !== undefined) init.signal = this.signal;
    const response = await fetch(url, init);
    const headers = response.headers;
    const answer = readRangeAnswer(
      {
        status: response.status,
        contentRange: headers.get('content-range'),
        contentLength: headers.get('content-length'),
        contentEncoding: headers.get('content-encoding'),
      },
      from,
      size,
    );
    if (answer.kind !== 'body-from' || response.body === null) {
      await response.body?.cancel().catch(() => undefined);
      if (answer.kind === 'wrong-size') throw new IntegrityFailure(`${url} has ${answer.size} bytes, the manifest says ${size}`);
      if (answer.kind === 'ask-whole' && from > 0) {
        await this.restart();
        return this.fetchFrom(url);
      }
      throw new Error(`${url}: HTTP ${response.status}${answer.kind === 'ask-whole' ? ' with an unusable range' : ''}`);
    }
    if (answer.from !== from) await this.restart(); // a 200 to a Range request: the whole file again
    await this.read(new StreamBytes(response.body), url);
    return this.finish();
  }

  private async read(bytes: StreamBytes, url: string): Promise<void> {
    const size = this.entry.bytes;
    this.writeFailure = null;
    try {
      for (;;) {
        const value = await bytes.next();
        if (value === null) break;
        if (this.received + value.byteLength > size) throw new IntegrityFailure(`${url} sent more than the manifest's ${size} bytes`);
        this.out.set(value, this.received);
        this.hasher.update(value);
        this.received += value.byteLength;
        this.arrivedBytes += value.byteLength;
        this.rate.add(performance.now(), value.byteLength);
        this.report(false);
        this.storeWholeChunks();
        if (this.writeFailure !== null) throw this.writeFailure;
      }
      await this.writing;
      if (this.writeFailure !== null) throw this.writeFailure;
    } catch (error) {
      await bytes.cancel();
      await this.writing;
      // Keep what arrived (small files too) for the next request; bytes from the wrong file go.
      if (!(error instanceof IntegrityFailure) && this.writeFailure === null) await this.stored.append(this.out, this.received).catch(() => undefined);
      throw error;
    }
    if (this.received < size) throw new IntegrityFailure(`${url} ended after ${this.received} of the manifest's ${size} bytes`);
  }

  /**
   * Starts storing every whole chunk received, unless a write is still running: the next read
   * goes on meanwhile, since the bytes wait in `out` and IndexedDB writes off the main thread.
   */
  private storeWholeChunks(): void {
    if (this.writingNow) return;
    const whole = this.received - ((this.received - this.stored.bytes) % MODEL_CHUNK_BYTES);
    if (whole === this.stored.bytes) return;
    this.writingNow = true;
    this.writing = this.stored.append(this.out, whole).then(
      () => {
        this.writingNow = false;
      },
      (error: unknown) => {
        this.writingNow = false;
        this.writeFailure = error;
      },
    );
  }

  private async finish(): Promise<ArrayBuffer> {
    // Kept: a retry after a failed store must not hash the file twice.
    this.sha256 ??= this.hasher.digestHex();
    const { sha256 } = this;
    if (sha256 !== this.entry.sha256) throw new IntegrityFailure(`SHA-256 ${sha256} does not match the manifest's ${this.entry.sha256}`);
    this.verified?.(this.out.buffer);
    await this.stored.append(this.out, this.entry.bytes, true);
    this.report(true);
    return this.out.buffer;
  }

  /** Drops a held-back report: once the load has ended it would read as if the download went on. */
  quiet(): void {
    clearTimeout(this.heldReport);
    this.heldReport = undefined;
  }

  private report(always: boolean): void {
    const now = performance.now();
    if (!always && now - this.reportedAt < REPORT_EVERY_MS) {
      this.heldReport ??= setTimeout(() => this.report(true), this.reportedAt + REPORT_EVERY_MS - now);
      return;
    }
    this.quiet();
    this.reportedAt = now;
    const size = this.entry.bytes;
    this.onProgress({
      model: this.entry.id,
      loaded: this.received,
      total: size,
      cached: false,
      bytesPerSecond: this.rate.bytesPerSecond(),
      secondsLeft: this.received === size ? 0 : this.rate.secondsLeft(size - this.received),
    });
  }
}
