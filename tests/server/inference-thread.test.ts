// The single-process server keeps answering while a network runs: the networks run in a worker
// thread, here held inside a run (as a long UNet step holds it), and /healthz, a job's status, an
// upload and the job's event stream all answer before the run is let go. On the main thread the
// held run would block them all and the test would time out. Also: a stream reopened with
// Last-Event-ID goes on after that event.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate, readEvents, start, threadHold, upload, type Running } from './support/harness.ts';
import { PNG, REQUEST, uploadId } from './support/requests.ts';

async function untilHeld(): Promise<void> {
  while (Atomics.load(threadHold, 1) === 0) await new Promise((resolve) => setTimeout(resolve, 10));
}

function release(): void {
  Atomics.store(threadHold, 0, 0);
  Atomics.notify(threadHold, 0);
}

describe('inference off the event loop', () => {
  let server: Running;
  beforeAll(async () => {
    server = await start();
  });
  afterAll(async () => {
    release();
    await server.app.close();
  });

  it('answers /healthz, status, uploads and streams while a network run holds its thread', async () => {
    const id = await uploadId(server.base);
    Atomics.store(threadHold, 0, 1);
    const job = (await (await generate(server.base, { ...REQUEST, uploadId: id, seed: 31 })).json()) as { jobId: string; eventsUrl: string };
    const stream = await fetch(`${server.base}${job.eventsUrl}`);
    const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
    await untilHeld();

    const health = await fetch(`${server.base}/healthz`);
    expect(await health.json()).toMatchObject({ ok: true, queue: { waiting: 0, running: 1 } });
    expect(await (await fetch(`${server.base}/api/jobs/${job.jobId}`)).json()).toMatchObject({ state: 'running' });
    expect((await upload(server.base, PNG, 'b.png')).status).toBe(201);
    // The stream has sent the job's first stages already.
    let seen = '';
    while (!seen.includes('"stage":"redraw"')) {
      const { value, done } = await reader.read();
      if (done) throw new Error(`the stream ended early: ${seen}`);
      seen += value;
    }
    // Every answer above came while the thread was still inside the run.
    expect(Atomics.load(threadHold, 1)).toBe(1);

    release();
    for (;;) {
      const { value, done } = await reader.read();
      seen += value ?? '';
      if (done) break;
    }
    expect(seen).toContain('event: done');
  });

  it('goes on after Last-Event-ID when a stream is reopened', async () => {
    const id = await uploadId(server.base);
    const job = (await (await generate(server.base, { ...REQUEST, uploadId: id, seed: 32 })).json()) as { eventsUrl: string };
    const all = await readEvents(`${server.base}${job.eventsUrl}`);
    expect(all.map((e) => e.id)).toEqual(all.map((_, i) => String(i)));
    const rest = await readEvents(`${server.base}${job.eventsUrl}`, { headers: { 'last-event-id': all[2]!.id } });
    expect(rest).toEqual(all.slice(3));
    expect(rest.at(-1)?.event).toBe('done');
  });
});
