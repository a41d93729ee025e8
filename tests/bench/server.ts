// The fallback server's throughput (server/main.ts in its own process, tests/load/child-server.ts):
// status requests/s (GET /api/jobs/:id of a done job) and upload requests/s (a small real face),
// each with autocannon over CONNECTIONS connections for BENCH_SERVER_S seconds; and jobs/s on the
// fixture networks with onnxruntime-node on the CPU: JOBS redraws with distinct seeds (no cache
// hits) submitted at once and timed until the last is done, at QUEUE_CONCURRENCY 1 and 2, with
// /healthz latency over HEALTH_CONNECTIONS connections meanwhile (the networks run in a worker
// thread, so it stays low). The first job of each server (the networks loaded) is not timed. The
// scaled-out set's jobs/s with one and two workers: `npm run load:scale-out`.

import { cannon, type PhaseReport } from '../load/cannon.ts';
import { startChildServer, type ChildServer } from '../load/child-server.ts';
import { newClientAddress } from '../load/client-address.ts';
import { multipartFile, smallFacePng } from '../load/face-png.ts';

const SECONDS = Number(process.env.BENCH_SERVER_S ?? 5);
const CONNECTIONS = 100;
const JOBS = 12;
const HEALTH_CONNECTIONS = 10;
const REDRAW = { prompt: '开心大笑', style: 'ai', steps: 2, strength: 0.5 };

export interface ServerBenchReport {
  note: string;
  /** The redraw stage's backend, as the job's events name it. */
  backend: string;
  status: PhaseReport;
  upload: PhaseReport;
  jobsPerSecond: Record<string, { jobs: number; seconds: number; jobsPerSecond: number; healthzWhileRunning: PhaseReport }>;
}

type Headers = Record<string, string>;

async function json<T>(response: Promise<Response>): Promise<T> {
  const answer = await response;
  if (!answer.ok) throw new Error(`server bench: ${answer.status} ${await answer.text()}`);
  return (await answer.json()) as T;
}

const client = (): Headers => ({ 'x-forwarded-for': newClientAddress() });

async function uploadFace(base: string, face: { body: Buffer; contentType: string }): Promise<string> {
  return (
    await json<{ id: string }>(
      fetch(`${base}/api/upload`, { method: 'POST', headers: { ...client(), 'content-type': face.contentType }, body: new Uint8Array(face.body) }),
    )
  ).id;
}

async function submit(base: string, uploadId: string, seed: number): Promise<string> {
  return (
    await json<{ jobId: string }>(
      fetch(`${base}/api/generate`, {
        method: 'POST',
        headers: { ...client(), 'content-type': 'application/json' },
        body: JSON.stringify({ ...REDRAW, uploadId, seed }),
      }),
    )
  ).jobId;
}

/** Waits for each job to end; every one must be done. */
async function finished(base: string, ids: readonly string[]): Promise<void> {
  for (const id of ids) {
    for (;;) {
      const status = await json<{ state: string; error?: unknown }>(fetch(`${base}/api/jobs/${id}`, { headers: client() }));
      if (status.state === 'failed') throw new Error(`server bench: job failed: ${JSON.stringify(status.error)}`);
      if (status.state === 'done') break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

/** The redraw stage's backend, read from the first job's event stream. */
async function redrawBackend(base: string, jobId: string): Promise<string> {
  const events = await (await fetch(`${base}/api/jobs/${jobId}/events`, { headers: client() })).text();
  return /"stage":"redraw","phase":"start","backend":"([^"]+)"/u.exec(events)?.[1] ?? 'unknown';
}

async function withServer<T>(env: Headers, use: (server: ChildServer) => Promise<T>): Promise<T> {
  const server = await startChildServer({ TRUST_PROXY: '127.0.0.1', QUEUE_MAX: String(JOBS), ...env });
  try {
    return await use(server);
  } finally {
    await server.stop();
  }
}

async function timedJobs(base: string, uploadId: string, firstSeed: number): Promise<ServerBenchReport['jobsPerSecond'][string]> {
  const began = performance.now();
  const ids = await Promise.all(Array.from({ length: JOBS }, (_, i) => submit(base, uploadId, firstSeed + i)));
  const done = finished(base, ids).then(() => performance.now());
  // /healthz while the jobs run, stopped when they are done.
  const health = cannon({ url: `${base}/healthz`, connections: HEALTH_CONNECTIONS, duration: 600 }, done);
  const seconds = ((await done) - began) / 1000;
  return {
    jobs: JOBS,
    seconds: Math.round(seconds * 100) / 100,
    jobsPerSecond: Math.round((JOBS / seconds) * 100) / 100,
    healthzWhileRunning: await health,
  };
}

export async function serverBench(): Promise<ServerBenchReport> {
  const face = multipartFile(smallFacePng(), 'face.png');
  const jobsPerSecond: ServerBenchReport['jobsPerSecond'] = {};
  const first = await withServer({}, async ({ base }) => {
    const uploadId = await uploadFace(base, face);
    const warm = await submit(base, uploadId, 0);
    const backend = await redrawBackend(base, warm);
    await finished(base, [warm]);
    jobsPerSecond['QUEUE_CONCURRENCY=1'] = await timedJobs(base, uploadId, 1);
    const status = await cannon({
      url: base,
      connections: CONNECTIONS,
      duration: SECONDS,
      requests: [{ method: 'GET', path: `/api/jobs/${warm}`, setupRequest: (request) => ({ ...request, headers: { ...request.headers, ...client() } }) }],
    });
    const upload = await cannon({
      url: base,
      connections: CONNECTIONS,
      duration: SECONDS,
      requests: [
        {
          method: 'POST',
          path: '/api/upload',
          body: face.body,
          setupRequest: (request) => ({ ...request, headers: { ...request.headers, ...client(), 'content-type': face.contentType } }),
        },
      ],
    });
    return { backend, status, upload };
  });
  await withServer({ QUEUE_CONCURRENCY: '2' }, async ({ base }) => {
    const uploadId = await uploadFace(base, face);
    await finished(base, [await submit(base, uploadId, 0)]);
    jobsPerSecond['QUEUE_CONCURRENCY=2'] = await timedJobs(base, uploadId, 1);
  });
  for (const [name, phase] of Object.entries({ status: first.status, upload: first.upload })) {
    const unexpected = Object.keys(phase.statusCodes).filter((code) => code !== (name === 'status' ? '200' : '201'));
    if (unexpected.length > 0 || phase.errors > 0)
      throw new Error(`server bench: ${name} answered ${JSON.stringify(phase.statusCodes)} with ${phase.errors} connection errors`);
  }
  return {
    note: `server/main.ts in its own process, fixture networks; status and upload: ${CONNECTIONS} connections for ${SECONDS} s, a new client address per request; jobs: ${JOBS} redraws (2 steps at strength 0.5, distinct seeds) submitted at once, until the last is done, /healthz over ${HEALTH_CONNECTIONS} connections meanwhile`,
    ...first,
    jobsPerSecond,
  };
}
