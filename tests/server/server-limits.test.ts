// The fallback server's limits over real HTTP: the bounded queue, rate limits, upload sizes and the
// retention sweeper. The redraw runs the fixture networks on onnxruntime-node.

import { readdirSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { decode as decodePng } from 'fast-png';
import { describe, expect, it } from 'vitest';
import { cancel, generate, modelCalls, readEvents, start, upload } from './support/harness.ts';
import { JPEG, PNG, REQUEST, errorOf, uploadId } from './support/requests.ts';

describe('fallback server limits', () => {
  it('answers 503 with Retry-After when the queue is full, 429 past the per-client job limit', async () => {
    // The accepted jobs run once released; each block waits for their ends, so none is still
    // running the counted networks when the next test starts.
    const accepted: Promise<unknown>[] = [];
    const follow = async (base: string, response: Response): Promise<Response> => {
      if (response.status === 202)
        accepted.push(
          response
            .clone()
            .json()
            .then(({ eventsUrl }: { eventsUrl: string }) => readEvents(`${base}${eventsUrl}`)),
        );
      return response;
    };
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const server = await start({ queueMax: 1, maxJobsPerClient: 2 }, () => held);
    try {
      const id = await uploadId(server.base);
      const first = await follow(server.base, await generate(server.base, { ...REQUEST, uploadId: id, seed: 1 }));
      expect(first.status).toBe(202);
      const second = await follow(server.base, await generate(server.base, { ...REQUEST, uploadId: id, seed: 2 }));
      expect(second.status).toBe(202);
      const { jobId } = (await second.json()) as { jobId: string };
      expect(await (await fetch(`${server.base}/api/jobs/${jobId}`)).json()).toMatchObject({ state: 'queued' });
      // The first runs (held), the second waits: the client is at its limit.
      const third = await generate(server.base, { ...REQUEST, uploadId: id, seed: 3 });
      expect(third.status).toBe(429);
      expect((await errorOf(third)).code).toBe('RATE_LIMITED');
      expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      release();
      await Promise.all(accepted.splice(0));
      await server.app.close();
    }

    let releaseBusy = (): void => undefined;
    const busy = new Promise<void>((resolve) => (releaseBusy = resolve));
    const full = await start({ queueMax: 1, maxJobsPerClient: 10 }, () => busy);
    try {
      const id = await uploadId(full.base);
      expect((await follow(full.base, await generate(full.base, { ...REQUEST, uploadId: id, seed: 1 }))).status).toBe(202);
      expect((await follow(full.base, await generate(full.base, { ...REQUEST, uploadId: id, seed: 2 }))).status).toBe(202);
      const third = await generate(full.base, { ...REQUEST, uploadId: id, seed: 3 });
      expect(third.status).toBe(503);
      expect((await errorOf(third)).code).toBe('SERVER_BUSY');
      expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      releaseBusy();
      await Promise.all(accepted.splice(0));
      await full.app.close();
    }
  });

  it('cancels a queued job at once and a running one before its next stage; the queue goes on', async () => {
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const server = await start({}, () => held);
    try {
      const id = await uploadId(server.base);
      const running = (await (await generate(server.base, { ...REQUEST, uploadId: id, seed: 11 })).json()) as { jobId: string; eventsUrl: string };
      const queued = (await (await generate(server.base, { ...REQUEST, uploadId: id, seed: 12 })).json()) as { jobId: string; eventsUrl: string };
      expect(await (await fetch(`${server.base}/api/jobs/${queued.jobId}`)).json()).toMatchObject({ state: 'queued' });
      const queuedEvents = readEvents(`${server.base}${queued.eventsUrl}`);
      const runningEvents = readEvents(`${server.base}${running.eventsUrl}`);
      const before = modelCalls.count;

      const off = await cancel(server.base, queued.jobId);
      expect(off.status).toBe(200);
      expect(await off.json()).toMatchObject({ id: queued.jobId, state: 'failed', error: { code: 'ABORTED', stage: 'queue' } });
      expect((await queuedEvents).map((e) => e.event)).toEqual(['error']);
      expect(await (await fetch(`${server.base}/healthz`)).json()).toMatchObject({ queue: { waiting: 0, running: 1 } });

      // Held at its model-loading stage: still running when the answer comes, stopped after.
      const stopping = await cancel(server.base, running.jobId);
      expect(await stopping.json()).toMatchObject({ id: running.jobId, state: 'running' });
      release();
      const last = (await runningEvents).at(-1)!;
      expect(last).toMatchObject({ event: 'error', data: { jobId: running.jobId, error: { code: 'ABORTED', stage: 'decode' } } });
      expect(await (await fetch(`${server.base}/api/jobs/${running.jobId}`)).json()).toMatchObject({ state: 'failed', error: { code: 'ABORTED' } });
      expect(modelCalls.count).toBe(before);

      // Cancelled jobs no longer count as the client's unfinished ones: three more fit.
      const next = await Promise.all(
        [13, 14, 15].map(
          async (seed) => (await (await generate(server.base, { ...REQUEST, uploadId: id, seed })).json()) as { jobId: string; eventsUrl: string },
        ),
      );
      for (const job of next) expect((await readEvents(`${server.base}${job.eventsUrl}`)).at(-1)!.event).toBe('done');
      const done = await (await fetch(`${server.base}/api/jobs/${next[0]!.jobId}`)).json();
      const again = await cancel(server.base, next[0]!.jobId);
      expect(again.status).toBe(200);
      expect(await again.json()).toEqual(done);
      expect(await (await fetch(`${server.base}/api/jobs/${next[0]!.jobId}`)).json()).toEqual(done);
    } finally {
      release();
      await server.app.close();
    }
  });

  it('stops a cancelled redraw between network runs; its events end with ABORTED', async () => {
    let reached = (): void => undefined;
    const inUnet = new Promise<void>((resolve) => (reached = resolve));
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    // Holds the first UNet step: encode and that step are done or under way, the rest is not.
    const server = await start({}, undefined, async (run) => {
      if (run !== 'predictNoise') return;
      reached();
      await held;
    });
    try {
      const id = await uploadId(server.base);
      const job = (await (await generate(server.base, { ...REQUEST, uploadId: id, seed: 21 })).json()) as { jobId: string; eventsUrl: string };
      const events = readEvents(`${server.base}${job.eventsUrl}`);
      await inUnet;
      const calls = modelCalls.count;
      expect(await (await cancel(server.base, job.jobId)).json()).toMatchObject({ state: 'running', progress: { done: 1, total: 4 } });
      release();
      const all = await events;
      expect(all.at(-1)).toMatchObject({ event: 'error', data: { jobId: job.jobId, error: { code: 'ABORTED', stage: 'redraw' } } });
      expect(all.filter((e) => e.event === 'progress').map((e) => e.data.done)).toEqual([1, 2]);
      expect(modelCalls.count).toBe(calls);

      const after = (await (await generate(server.base, { ...REQUEST, uploadId: id, seed: 22 })).json()) as { eventsUrl: string };
      expect((await readEvents(`${server.base}${after.eventsUrl}`)).at(-1)!.event).toBe('done');
      expect(modelCalls.count).toBe(calls + 5);
    } finally {
      release();
      await server.app.close();
    }
  });

  it('runs the image review hook on uploads, and redraws a PNG', async () => {
    const reviewed: string[] = [];
    const server = await start({
      reviewImage: async ({ format, width }) => {
        reviewed.push(`${format} ${width}`);
        return format === 'jpeg' ? { allowed: false, reason: 'review said no' } : { allowed: true };
      },
    });
    try {
      const refused = await upload(server.base, JPEG);
      expect(refused.status).toBe(422);
      expect(await errorOf(refused)).toMatchObject({ code: 'CONTENT_REJECTED', message: 'review said no' });
      const id = await uploadId(server.base, PNG);
      expect(reviewed).toEqual(['jpeg 512', 'png 512']);
      const { eventsUrl } = (await (await generate(server.base, { ...REQUEST, uploadId: id, prompt: 'speechless' })).json()) as { eventsUrl: string };
      const done = (await readEvents(`${server.base}${eventsUrl}`)).at(-1)!;
      expect(done.event).toBe('done');
      const result = decodePng(new Uint8Array(await (await fetch(`${server.base}${String(done.data.resultUrl)}`)).arrayBuffer()));
      expect([result.width, result.height]).toEqual([512, 512]);
    } finally {
      await server.app.close();
    }
  });

  it('lets the listed origins call it across origins, and no others', async () => {
    const server = await start({ allowedOrigins: ['https://app.example'] });
    try {
      const preflight = await fetch(`${server.base}/api/generate`, {
        method: 'OPTIONS',
        headers: { origin: 'https://app.example', 'access-control-request-method': 'POST' },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('https://app.example');
      // The app cancels a job with DELETE: a method the browser asks about first.
      const cancelPreflight = await fetch(`${server.base}/api/jobs/AAAAAAAAAAAAAAAAAAAAAA`, {
        method: 'OPTIONS',
        headers: { origin: 'https://app.example', 'access-control-request-method': 'DELETE' },
      });
      expect(cancelPreflight.status).toBe(204);
      expect(cancelPreflight.headers.get('access-control-allow-methods')?.split(', ')).toContain('DELETE');
      const cancelled = await fetch(`${server.base}/api/jobs/AAAAAAAAAAAAAAAAAAAAAA`, { method: 'DELETE', headers: { origin: 'https://app.example' } });
      expect(cancelled.status).toBe(404);
      expect(cancelled.headers.get('access-control-allow-origin')).toBe('https://app.example');
      const other = await fetch(`${server.base}/healthz`, { headers: { origin: 'https://elsewhere.example' } });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
      // Answers differ by origin, so caches must keep them apart.
      expect(other.headers.get('vary')?.toLowerCase()).toContain('origin');
      const otherPreflight = await fetch(`${server.base}/api/generate`, {
        method: 'OPTIONS',
        headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'POST' },
      });
      expect(otherPreflight.headers.get('access-control-allow-origin')).toBeNull();
      expect(preflight.headers.get('access-control-max-age')).toBe('600');
      expect(preflight.headers.get('access-control-allow-headers')).toBe('content-type');
    } finally {
      await server.app.close();
    }
  });

  it('limits requests per client per minute with 429 and Retry-After', async () => {
    const server = await start({ rateLimitPerMinute: 3 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await fetch(`${server.base}/api/openapi.json`)).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const limited = await fetch(`${server.base}/api/openapi.json`);
      expect((await errorOf(limited)).code).toBe('RATE_LIMITED');
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await fetch(`${server.base}/healthz`)).status).toBe(200);
    } finally {
      await server.app.close();
    }
  });

  it('sweeps uploads and results older than the retention, at start-up and when asked', async () => {
    const server = await start({ retentionMs: 60_000 });
    try {
      const old = await uploadId(server.base);
      const fresh = await uploadId(server.base);
      const uploads = path.join(server.config.dataDir, 'uploads');
      const past = new Date(Date.now() - 120_000);
      for (const ext of ['img', 'json']) utimesSync(path.join(uploads, `${old}.${ext}`), past, past);
      expect(await server.app.sweep()).toBe(2);
      expect(readdirSync(uploads).sort()).toEqual([`${fresh}.img`, `${fresh}.json`]);
      expect((await generate(server.base, { ...REQUEST, uploadId: old })).status).toBe(404);

      // Left from an earlier run: gone once a server starts on the same folder.
      for (const ext of ['img', 'json']) utimesSync(path.join(uploads, `${fresh}.${ext}`), past, past);
      const next = await start({ dataDir: server.config.dataDir, retentionMs: 60_000 });
      await next.app.close();
      expect(readdirSync(uploads)).toEqual([]);
    } finally {
      await server.app.close();
    }
  });
});
