// Starts the fallback server on port 0 in a fresh data folder, with the real fixture networks
// loaded once for the whole file in their worker thread and counted: every text-encoder and network
// run adds one, and a test may hold any run (to cancel a job in the middle of its redraw), before it
// is sent to the thread or, with `threadHold`, inside the thread itself.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../server/app.ts';
import { loadConfig, type ServerConfig } from '../../../server/config.ts';
import { loadThreadedDiffusion } from '../../../server/diffusion/diffusion-thread.ts';
import type { NodeDiffusion } from '../../../server/diffusion/node-diffusion.ts';

export const modelCalls = { count: 0 };

/** Set [0] to 1 and the inference thread blocks before its next network run, setting [1] to 1; 0 and Atomics.notify(…, 0) release it. */
export const threadHold = new Int32Array(new SharedArrayBuffer(8));

let shared: Promise<NodeDiffusion<string>> | null = null;

export type ModelRun = 'embed' | 'encodeImage' | 'predictNoise' | 'decode';

/**
 * The real networks, each call counted; `gate` holds a job at its model-loading stage until it
 * resolves, `beforeRun` holds each run (already counted) until it resolves.
 */
export function countedDiffusion(
  gate: () => Promise<void> = async () => undefined,
  beforeRun: (run: ModelRun) => Promise<void> = async () => undefined,
): (config: ServerConfig) => Promise<NodeDiffusion<string>> {
  return async (config) => {
    shared ??= loadThreadedDiffusion({ setId: config.models, sharedModelsDir: config.sharedModelsDir, hold: threadHold });
    const real = await shared;
    await gate();
    const counted =
      <A extends unknown[], R>(run: ModelRun, f: (...args: A) => Promise<R>) =>
      async (...args: A): Promise<R> => {
        modelCalls.count += 1;
        await beforeRun(run);
        return f(...args);
      };
    // Without the thread's close: the thread is shared by every server the file starts.
    return {
      set: real.set,
      provider: real.provider,
      dtype: real.dtype,
      check: real.check,
      embed: counted('embed', real.embed),
      runtime: {
        encodeImage: counted('encodeImage', real.runtime.encodeImage),
        predictNoise: counted('predictNoise', real.runtime.predictNoise),
        decode: counted('decode', real.runtime.decode),
      },
    };
  };
}

export interface Running {
  app: FastifyInstance;
  base: string;
  config: ServerConfig;
}

export async function start(overrides: Partial<ServerConfig> = {}, gate?: () => Promise<void>, beforeRun?: (run: ModelRun) => Promise<void>): Promise<Running> {
  const config: ServerConfig = { ...loadConfig({ BIAOQING_MODELS: 'fixtures' }), dataDir: mkdtempSync(path.join(tmpdir(), 'biaoqing-server-')), ...overrides };
  const app = await buildApp(config, { loadDiffusion: countedDiffusion(gate, beforeRun) });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, base: address, config };
}

export async function upload(base: string, bytes: Uint8Array, name = 'photo.jpg'): Promise<Response> {
  const form = new FormData();
  form.append('file', new Blob([bytes.slice()]), name);
  return fetch(`${base}/api/upload`, { method: 'POST', body: form });
}

export async function generate(base: string, body: Record<string, unknown>): Promise<Response> {
  return fetch(`${base}/api/generate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

export async function cancel(base: string, jobId: string): Promise<Response> {
  return fetch(`${base}/api/jobs/${jobId}`, { method: 'DELETE' });
}

/** Reads an SSE stream to its end: each event's id, name and parsed data. */
export async function readEvents(url: string, init: RequestInit = {}): Promise<{ id: string; event: string; data: Record<string, unknown> }[]> {
  const response = await fetch(url, init);
  if (response.headers.get('content-type')?.startsWith('text/event-stream') !== true) throw new Error(`not an event stream: ${response.status}`);
  return parseEvents(await response.text());
}

export function parseEvents(text: string): { id: string; event: string; data: Record<string, unknown> }[] {
  return text
    .split('\n\n')
    .filter((block) => block.includes('event: '))
    .map((block) => {
      const lines = block.split('\n');
      const field = (name: string): string => lines.find((l) => l.startsWith(`${name}: `))?.slice(name.length + 2) ?? '';
      return { id: field('id'), event: field('event'), data: JSON.parse(field('data')) as Record<string, unknown> };
    });
}
