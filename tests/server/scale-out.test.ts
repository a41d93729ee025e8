// The scaled-out server over real HTTP and real processes: Debian's redis-server, two API servers
// (`npm run server` with REDIS_URL) and two queue workers (`npm run server:worker`) on the fixture
// networks. Any API server answers any job; a worker SIGKILLed mid-job has its job run by the
// other; a client whose API server is killed reconnects to the other with Last-Event-ID; SIGTERM
// drains a worker; Redis restarted mid-run loses no accepted job.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killMidJob, runningOn, startCluster, type Cluster } from '../load/cluster.ts';
import type { ChildServer } from '../load/child-server.ts';
import { parseEvents, readEvents } from './support/harness.ts';
import { JPEG, PNG, REQUEST, errorOf } from './support/requests.ts';
import { haveRedis } from './support/redis-server.ts';

type Events = Awaited<ReturnType<typeof readEvents>>;

const CLUSTER_MS = 180_000;

async function post(base: string, path: string, body: unknown): Promise<Response> {
  return fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

async function uploadTo(base: string, bytes: Uint8Array = PNG): Promise<Response> {
  const form = new FormData();
  form.append('file', new Blob([bytes.slice()]), 'face.png');
  return fetch(`${base}/api/upload`, { method: 'POST', body: form });
}

async function submit(base: string, uploadId: string, seed: number): Promise<string> {
  const response = await post(base, '/api/generate', { ...REQUEST, uploadId, seed, steps: 4 });
  expect(response.status).toBe(202);
  return ((await response.json()) as { jobId: string }).jobId;
}

const ends = (events: Events): Events => events.filter((e) => e.event === 'done' || e.event === 'error');
const runs = (events: Events): number => events.filter((e) => e.event === 'stage' && e.data.stage === 'load-models' && e.data.phase === 'start').length;
/** The processes still running: the tests kill some and start others. */
const live = (processes: ChildServer[]): [ChildServer, ChildServer] => {
  const up = processes.filter((p) => p.alive());
  if (up.length < 2) throw new Error('fewer than two processes are running');
  return [up[0]!, up[1]!];
};
const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('scaled out on Redis', () => {
  let cluster: Cluster;
  let uploadId: string;
  let seed = 100;

  beforeAll(async () => {
    if (!haveRedis()) throw new Error('redis-server is missing: run `bash scripts/ensure-redis.sh` (npm test does)');
    cluster = await startCluster({ apis: 2, workers: 2 });
    const response = await uploadTo(cluster.apis[0]!.base);
    expect(response.status).toBe(201);
    uploadId = ((await response.json()) as { id: string }).id;
  }, CLUSTER_MS);
  afterAll(async () => {
    await cluster?.stop();
  }, CLUSTER_MS);

  /** A job streaming from `api` with the workers frozen after its first events: the job is known not to have ended. */
  async function frozenMidStream(api: ChildServer, workers: ChildServer[]): Promise<{ jobId: string; seen: Events }> {
    for (;;) {
      const jobId = await submit(api.base, uploadId, seed++);
      const stream = await fetch(`${api.base}/api/jobs/${jobId}/events`);
      const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
      let text = '';
      while (parseEvents(text).length === 0) text += (await reader.read()).value ?? '';
      for (const w of workers) w.kill('SIGSTOP');
      text += await Promise.race([reader.read().then((r) => r.value ?? ''), pause(200).then(() => '')]);
      const seen = parseEvents(text);
      if (ends(seen).length === 0 && (await cluster.redis.client.hget(`bq:job:${jobId}`, 'end')) !== '1') return { jobId, seen };
      for (const w of workers) w.kill('SIGCONT');
    }
  }

  it(
    'answers any job from either API server; a worker killed mid-job has its job run by the other; each job ends once',
    async () => {
      const [a, b] = live(cluster.apis);
      const [doomed, survivor] = live(cluster.workers);
      const jobIds: string[] = [];
      for (let i = 0; i < 8; i += 1) jobIds.push(await submit(i % 2 === 0 ? a.base : b.base, uploadId, seed++));

      const victim = await killMidJob(cluster, doomed, jobIds);

      for (const id of jobIds) {
        const fromA = await readEvents(`${a.base}/api/jobs/${id}/events`);
        const fromB = await readEvents(`${b.base}/api/jobs/${id}/events`);
        expect(fromB).toEqual(fromA);
        expect(ends(fromA)).toEqual([expect.objectContaining({ event: 'done' })]);
        const status = (await (await fetch(`${b.base}/api/jobs/${id}`)).json()) as { state: string; resultUrl: string };
        expect(status).toMatchObject({ state: 'done', resultUrl: fromA.at(-1)!.data.resultUrl });
        const png = await fetch(`${a.base}${status.resultUrl}`);
        expect(png.headers.get('content-type')).toBe('image/png');
        expect(new Uint8Array(await png.arrayBuffer()).subarray(1, 4)).toEqual(new TextEncoder().encode('PNG'));
      }
      const victimEvents = await readEvents(`${a.base}/api/jobs/${victim}/events`);
      expect(runs(victimEvents)).toBe(2);
      expect(await cluster.redis.client.hget(`bq:job:${victim}`, 'worker')).toMatch(new RegExp(`:${survivor.pid}$`, 'u'));

      await cluster.addWorker();
    },
    CLUSTER_MS,
  );

  it(
    'a client whose API server is killed mid-stream reconnects to the other with Last-Event-ID and sees the end',
    async () => {
      const [a, b] = live(cluster.apis);
      const workers = cluster.workers.filter((w) => w.alive());
      const { jobId, seen } = await frozenMidStream(a, workers);
      a.kill('SIGKILL');
      await a.exited;
      for (const w of workers) w.kill('SIGCONT');

      const rest = await readEvents(`${b.base}/api/jobs/${jobId}/events`, { headers: { 'last-event-id': seen.at(-1)!.id } });
      const all = await readEvents(`${b.base}/api/jobs/${jobId}/events`);
      expect([...seen, ...rest]).toEqual(all);
      expect(ends(all)).toEqual([expect.objectContaining({ event: 'done' })]);
      await cluster.addApi();
    },
    CLUSTER_MS,
  );

  it(
    'SIGTERM drains a worker: its running job finishes there, once, and it exits',
    async () => {
      const [a] = live(cluster.apis);
      const worker = live(cluster.workers)[0];
      const jobIds = [await submit(a.base, uploadId, seed++), await submit(a.base, uploadId, seed++), await submit(a.base, uploadId, seed++)];
      const id = await runningOn(cluster, worker, jobIds);
      worker.kill('SIGTERM');
      expect(await worker.exited).toBe(0);
      const events = await readEvents(`${a.base}/api/jobs/${id}/events`);
      expect(ends(events)).toEqual([expect.objectContaining({ event: 'done' })]);
      expect(runs(events)).toBe(1);
      for (const other of jobIds) expect(ends(await readEvents(`${a.base}/api/jobs/${other}/events`))).toHaveLength(1);
      await cluster.addWorker();
    },
    CLUSTER_MS,
  );

  it(
    'loses no accepted job when Redis restarts mid-run: each ends, done or failed with its reason',
    async () => {
      const [a, b] = live(cluster.apis);
      const jobIds: string[] = [];
      for (let i = 0; i < 6; i += 1) jobIds.push(await submit(i % 2 === 0 ? a.base : b.base, uploadId, seed++));
      await cluster.redis.restart();
      for (const id of jobIds) {
        let status: { state: string; error?: { code: string } } = { state: 'queued' };
        // Polled: while the API servers reconnect they answer 503 SERVER_BUSY, which says to come back.
        while (status.state !== 'done' && status.state !== 'failed') {
          const response = await fetch(`${(jobIds.indexOf(id) % 2 === 0 ? b : a).base}/api/jobs/${id}`);
          if (response.status === 503) expect((await errorOf(response)).code).toBe('SERVER_BUSY');
          else status = (await response.json()) as typeof status;
          await pause(100);
        }
        if (status.state === 'failed') expect(status.error?.code).toMatch(/^[A-Z_]+$/u);
        expect(ends(await readEvents(`${a.base}/api/jobs/${id}/events`))).toHaveLength(1);
      }
    },
    CLUSTER_MS,
  );

  it('still refuses hostile uploads with JSON errors', async () => {
    const base = live(cluster.apis)[1].base;
    const truncated = await uploadTo(base, JPEG.subarray(0, Math.floor(JPEG.length / 2)));
    expect(truncated.status).toBe(400);
    expect(await errorOf(truncated)).toMatchObject({ code: 'BAD_INPUT', reason: 'truncated' });
    const text = await uploadTo(base, new TextEncoder().encode('not a picture'));
    expect(text.status).toBe(415);
    expect(await errorOf(text)).toMatchObject({ code: 'BAD_INPUT', reason: 'not-image' });
  });
});

describe('scaled out: per-client limits shared by the API servers', () => {
  let cluster: Cluster;
  beforeAll(async () => {
    if (!haveRedis()) throw new Error('redis-server is missing: run `bash scripts/ensure-redis.sh` (npm test does)');
    // No worker: an accepted job stays unfinished.
    cluster = await startCluster({ apis: 2, workers: 0 }, { MAX_JOBS_PER_CLIENT: '1', RATE_LIMIT_PER_MINUTE: '6', TRUST_PROXY: '127.0.0.1' });
  }, CLUSTER_MS);
  afterAll(async () => {
    await cluster?.stop();
  }, CLUSTER_MS);

  it('counts a client’s unfinished jobs and requests per minute across both API servers', async () => {
    const [a, b] = live(cluster.apis);
    const stored = await uploadTo(a.base);
    const uploadId = ((await stored.json()) as { id: string }).id;
    expect((await post(a.base, '/api/generate', { ...REQUEST, uploadId, seed: 1 })).status).toBe(202);
    const second = await post(b.base, '/api/generate', { ...REQUEST, uploadId, seed: 2 });
    expect(second.status).toBe(429);
    expect(await errorOf(second)).toMatchObject({ code: 'RATE_LIMITED', message: 'at most 1 unfinished jobs per client' });
    // Three requests so far; three more fit in the minute, on either server, then none.
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await fetch(`${(i % 2 === 0 ? b : a).base}/api/jobs/AAAAAAAAAAAAAAAAAAAAAA`)).status);
    expect(statuses).toEqual([404, 404, 404, 429, 429]);
  });

  it('SIGTERM closes an API server with an open event stream: the stream ends, the server exits, the job goes on', async () => {
    const [a, b] = live(cluster.apis);
    const jobId = (await cluster.redis.client.keys('bq:job:*'))[0]!.slice('bq:job:'.length);
    // Another client than the one at its limits above.
    const headers = { 'x-forwarded-for': '10.0.0.1' };
    const stream = await fetch(`${a.base}/api/jobs/${jobId}/events`, { headers });
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/u);
    const reader = stream.body!.getReader();
    a.kill('SIGTERM');
    while (!(await reader.read()).done);
    expect(await a.exited).toBe(0);
    expect(await (await fetch(`${b.base}/api/jobs/${jobId}`, { headers })).json()).toMatchObject({ state: 'queued' });
  });
});
