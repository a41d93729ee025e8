// Decoding off the main thread: one worker (started on first use) turns an upload into the model's
// square; jobs run QUEUE_CONCURRENCY at a time, so one is enough. The worker loads its TypeScript
// through tsx, as `npm run server` does, also when the server runs inside the tests.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { StickerError, type ErrorInfo } from '../../src/core/errors.ts';

export interface DecodeRequest {
  id: number;
  bytes: Uint8Array;
  format: 'png' | 'jpeg';
  orientation: number;
  maxPixels: number;
  size: number;
}

export type DecodeReply = { id: number; square: Uint8ClampedArray } | { id: number; error: ErrorInfo };

/** tsx's ESM API file, by the package's own export map (require.resolve would give its CJS twin). */
function tsxEsmApi(): string {
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
  const { exports } = JSON.parse(readFileSync(manifest, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  const file = exports['./esm/api']?.import.default;
  if (file === undefined) throw new Error('tsx has no ./esm/api export');
  return path.join(path.dirname(manifest), file);
}

export class Decoder {
  private worker: Worker | null = null;
  private next = 0;
  private readonly waiting = new Map<number, { resolve: (square: Uint8ClampedArray) => void; reject: (error: Error) => void }>();

  /** The upload as the model's size×size square, upright, on white. */
  square(request: Omit<DecodeRequest, 'id'>): Promise<Uint8ClampedArray> {
    const id = this.next++;
    const worker = this.start();
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ ...request, id } satisfies DecodeRequest);
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = null;
  }

  private start(): Worker {
    if (this.worker !== null) return this.worker;
    // A worker's entry cannot be TypeScript by itself: a two-line script loads it through tsx's API.
    const api = pathToFileURL(tsxEsmApi()).href;
    const entry = new URL('./decode-worker.ts', import.meta.url).href;
    const boot = `import(${JSON.stringify(api)}).then(({ tsImport }) => tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)}));`;
    const worker = new Worker(boot, { eval: true });
    worker.unref(); // an idle decoder never keeps the process alive
    worker.on('message', (reply: DecodeReply) => {
      const pending = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if (pending === undefined) return;
      if ('square' in reply) pending.resolve(reply.square);
      else
        pending.reject(
          new StickerError(reply.error.code, reply.error.message, {
            stage: 'decode',
            ...(reply.error.reason === undefined ? {} : { reason: reply.error.reason }),
          }),
        );
    });
    // A crashed worker fails what it held; the next job starts a new one.
    worker.on('error', (error) => this.failAll(error));
    worker.on('exit', () => {
      this.failAll(new Error('the decode worker stopped'));
      if (this.worker === worker) this.worker = null;
    });
    this.worker = worker;
    return worker;
  }

  private failAll(error: Error): void {
    for (const pending of this.waiting.values()) pending.reject(error);
    this.waiting.clear();
  }
}
