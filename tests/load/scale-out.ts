// `npm run load:scale-out`: the scaled-out server as the "done when" asks, on this machine.
// redis-server, two API servers and workers (tests/load/cluster.ts), fixture networks on the CPU:
// (a) 16 jobs with one worker, then 16 with two: jobs/s, and /healthz latency meanwhile (10
// connections to each API server); (b) 60 jobs submitted through both API servers while 1000
// connections (500 to each) ask /healthz, one worker SIGKILLed in the middle of a job. Every job
// must end exactly once, done, with the same event stream from either API server and its PNG from
// either; the killed job must have been run again by the other worker.
//
// Fails (exit 1) otherwise, or on any non-200 or connection error under the 1000 connections.
// Writes bench-results/scale-out-<timestamp>.json and bench-results/scale-out-latest.json.

import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { parseEvents } from '../server/support/harness.ts';
import { cannon, type PhaseReport } from './cannon.ts';
import type { ChildServer } from './child-server.ts';
import { killMidJob, startCluster } from './cluster.ts';
import { smallFacePng } from './face-png.ts';

const THROUGHPUT_JOBS = 16;
const DONE_WHEN_JOBS = 60;
const CONNECTIONS = 1000;
const HEALTH_S = Number(process.env.LOAD_HEALTH_S ?? 8);
const REQUEST = { prompt: '开心大笑', style: 'ai', steps: 4, strength: 0.5 };

type Events = ReturnType<typeof parseEvents>;
const failures: string[] = [];
let seed = 1;

async function submit(api: ChildServer, uploadId: string): Promise<string> {
  const response = await fetch(`${api.base}/api/generate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...REQUEST, uploadId, seed: seed++ }),
  });
  if (response.status !== 202) throw new Error(`generate answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { jobId: string }).jobId;
}

async function events(api: ChildServer, jobId: string): Promise<Events> {
  return parseEvents(await (await fetch(`${api.base}/api/jobs/${jobId}/events`)).text());
}

const ends = (list: Events): Events => list.filter((e) => e.event === 'done' || e.event === 'error');

/** /healthz on every API server at once, `connections` shared among them; one report per server. */
async function healthLoad(apis: ChildServer[], connections: number, duration: number): Promise<PhaseReport[]> {
  return Promise.all(apis.map((a) => cannon({ url: `${a.base}/healthz`, connections: Math.ceil(connections / apis.length), duration, timeout: 30 })));
}

/** Submits `count` jobs through the API servers in turn and waits for each to end; jobs/s over the whole. */
async function throughput(
  apis: ChildServer[],
  uploadId: string,
  count: number,
): Promise<{ jobs: number; seconds: number; jobsPerSecond: number; health: PhaseReport[] }> {
  const began = performance.now();
  const ids = await Promise.all(Array.from({ length: count }, (_, i) => submit(apis[i % apis.length]!, uploadId)));
  const health = healthLoad(apis, 10 * apis.length, 3);
  await Promise.all(ids.map((id, i) => events(apis[(i + 1) % apis.length]!, id)));
  const seconds = (performance.now() - began) / 1000;
  return { jobs: count, seconds: Math.round(seconds * 100) / 100, jobsPerSecond: Math.round((count / seconds) * 100) / 100, health: await health };
}

const cluster = await startCluster({ apis: 2, workers: 1 });
let report: object = {};
try {
  const apis = cluster.apis;
  const form = new FormData();
  form.append('file', new Blob([smallFacePng().slice()]), 'face.png');
  const stored = await fetch(`${apis[0]!.base}/api/upload`, { method: 'POST', body: form });
  const uploadId = ((await stored.json()) as { id: string }).id;

  const oneWorker = await throughput(apis, uploadId, THROUGHPUT_JOBS);
  await cluster.addWorker();
  const twoWorkers = await throughput(apis, uploadId, THROUGHPUT_JOBS);

  // (b) The done-when run: 60 jobs, 1000 connections on /healthz, a worker killed mid-job.
  const began = performance.now();
  const jobIds: string[] = [];
  for (let i = 0; i < DONE_WHEN_JOBS; i += 1) jobIds.push(await submit(apis[i % 2]!, uploadId));
  const health = healthLoad(apis, CONNECTIONS, HEALTH_S);
  const killed = await killMidJob(cluster, cluster.workers[0]!, jobIds);
  const loaded = await health;
  let rerun = 0;
  const endings: Record<string, number> = {};
  for (const id of jobIds) {
    const [fromA, fromB] = await Promise.all([events(apis[0]!, id), events(apis[1]!, id)]);
    if (JSON.stringify(fromA) !== JSON.stringify(fromB)) failures.push(`job ${id}: the two API servers streamed different events`);
    const end = ends(fromA);
    const ending = end.map((e) => e.event).join('+') || 'none';
    endings[ending] = (endings[ending] ?? 0) + 1;
    if (end.length !== 1 || end[0]!.event !== 'done') failures.push(`job ${id} ended ${JSON.stringify(end.map((e) => e.event))}`);
    const url = end[0]?.data.resultUrl;
    for (const api of apis) {
      const png = typeof url === 'string' ? await fetch(`${api.base}${url}`) : null;
      if (png?.status !== 200) failures.push(`job ${id}: no PNG from ${api.base}`);
      else await png.arrayBuffer();
    }
    if (fromA.filter((e) => e.event === 'stage' && e.data.stage === 'load-models' && e.data.phase === 'start').length > 1) rerun += 1;
  }
  const killedRuns = (await events(apis[0]!, killed)).filter((e) => e.event === 'stage' && e.data.stage === 'load-models' && e.data.phase === 'start').length;
  if (killedRuns !== 2) failures.push(`the killed worker's job ran ${killedRuns} times, not twice`);
  for (const one of loaded) {
    const non200 = Object.entries(one.statusCodes).filter(([code]) => code !== '200');
    if (non200.length > 0 || one.errors > 0)
      failures.push(`/healthz under ${CONNECTIONS} connections: ${JSON.stringify(one.statusCodes)}, ${one.errors} errors`);
  }

  report = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? '' },
    models: 'fixtures (onnxruntime-node, CPU)',
    request: REQUEST,
    throughput: { oneWorker, twoWorkers },
    doneWhen: {
      jobs: DONE_WHEN_JOBS,
      apiServers: 2,
      workers: 2,
      workerKilledMidJob: killed,
      jobsRunTwice: rerun,
      endings,
      seconds: Math.round(performance.now() - began) / 1000,
      healthUnderLoad: loaded,
    },
    passed: failures.length === 0,
    failures,
  };
  const p99 = (reports: PhaseReport[]): number => Math.max(...reports.map((r) => r.latencyMs.p99));
  console.table({
    'one worker': { 'jobs/s': oneWorker.jobsPerSecond, 'healthz p99 ms (worst API server)': p99(oneWorker.health) },
    'two workers': { 'jobs/s': twoWorkers.jobsPerSecond, 'healthz p99 ms (worst API server)': p99(twoWorkers.health) },
    [`${DONE_WHEN_JOBS} jobs, ${CONNECTIONS} connections`]: { 'jobs/s': '', 'healthz p99 ms (worst API server)': p99(loaded) },
  });
  console.log({ endings, jobsRunTwice: rerun, healthStatuses: loaded.map((r) => r.statusCodes), errors: loaded.map((r) => r.errors) });
} catch (error) {
  failures.push(String(error));
  console.error(cluster.workers.map((w) => w.logTail(10)).join('\n'));
} finally {
  await cluster.stop();
}

mkdirSync('bench-results', { recursive: true });
const file = `bench-results/scale-out-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
for (const out of [file, 'bench-results/scale-out-latest.json']) writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
console.log(`Wrote ${file}`);
if (failures.length > 0) {
  console.error(`scale-out run failed:\n  ${failures.join('\n  ')}`);
  process.exitCode = 1;
} else {
  console.log(`scale-out run passed: ${DONE_WHEN_JOBS} jobs each done once, readable and streamable from both API servers, a worker killed midway`);
}
