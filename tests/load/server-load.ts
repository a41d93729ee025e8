// `npm run load`: the fallback server (server/main.ts in its own process, fixture networks on the
// CPU, loopback only) under 1000 concurrent connections, in three phases bounded in time or count:
// (a) uploads of a small real face for UPLOAD_S seconds, (b) GENERATE_REQUESTS redraw requests
// against those uploads, DISTINCT_SEEDS seeds so most are cache hits and some really run,
// (c) status requests over the accepted jobs for STATUS_S seconds; then it waits (at most DRAIN_S)
// until every accepted job is done or failed, asking each one's status.
//
// Fails (exit 1) on any 5xx, any connection error or timeout, any accepted job lost (never
// finished, unknown, or a 202 without a job id) or duplicated (one id answered twice). Writes
// bench-results/server-load-<timestamp>.json and bench-results/server-load-latest.json.
//
// Clients: each request carries its own X-Forwarded-For address, trusted from 127.0.0.1 as from a
// reverse proxy, so the 1000 connections stand for as many clients as requests. Chosen over one
// address with the per-client limits raised: the limits stay at their defaults and their
// bookkeeping (a rate-limit entry per client, the per-client job count) runs as in production,
// while no single client reaches them, so every request does its endpoint's full work. Only the
// queue is made deep enough to hold every generate request, since a full queue answers 503.

import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { cannon, fiveHundreds, type PhaseReport } from './cannon.ts';
import { startChildServer } from './child-server.ts';
import { newClientAddress } from './client-address.ts';
import { multipartFile, smallFacePng } from './face-png.ts';

const CONNECTIONS = 1000;
const UPLOAD_S = Number(process.env.LOAD_UPLOAD_S ?? 8);
const GENERATE_REQUESTS = Number(process.env.LOAD_GENERATE_REQUESTS ?? 3000);
const DISTINCT_SEEDS = 16;
const STATUS_S = Number(process.env.LOAD_STATUS_S ?? 8);
const DRAIN_S = 60;
const POLL_CONCURRENCY = 100;
/** Seconds before autocannon counts a request as a timeout: its default 10 is within reach of the queueing a 1000-connection burst builds on 2 cores. */
const TIMEOUT_S = 30;
const ID = /^[A-Za-z0-9_-]{22}$/u;

function idFrom(body: string, field: string): string | null {
  try {
    const value = (JSON.parse(body) as Record<string, unknown>)[field];
    return typeof value === 'string' && ID.test(value) ? value : null;
  } catch {
    return null;
  }
}

interface JobOutcome {
  accepted: number;
  unique: number;
  duplicated: number;
  done: number;
  cached: number;
  failed: number;
  failedCodes: Record<string, number>;
  lost: number;
  drainSeconds: number;
}

/** Asks every job's status until it has ended (or DRAIN_S has passed); unknown or unended ones are lost. */
async function drain(base: string, ids: readonly string[]): Promise<Omit<JobOutcome, 'accepted' | 'unique' | 'duplicated'>> {
  const began = performance.now();
  const deadline = Date.now() + DRAIN_S * 1000;
  const outcome = { done: 0, cached: 0, failed: 0, failedCodes: {} as Record<string, number>, lost: 0 };
  let pending = [...new Set(ids)];
  while (pending.length > 0 && Date.now() < deadline) {
    const still: string[] = [];
    for (let i = 0; i < pending.length; i += POLL_CONCURRENCY) {
      await Promise.all(
        pending.slice(i, i + POLL_CONCURRENCY).map(async (id) => {
          const response = await fetch(`${base}/api/jobs/${id}`, { headers: { 'x-forwarded-for': newClientAddress() } });
          if (response.status === 404) {
            outcome.lost += 1;
            return;
          }
          const status = (await response.json()) as { state: string; cached?: boolean; error?: { code: string } };
          if (status.state === 'done') {
            outcome.done += 1;
            if (status.cached === true) outcome.cached += 1;
          } else if (status.state === 'failed') {
            outcome.failed += 1;
            const code = status.error?.code ?? 'unknown';
            outcome.failedCodes[code] = (outcome.failedCodes[code] ?? 0) + 1;
          } else {
            still.push(id);
          }
        }),
      );
    }
    pending = still;
    if (pending.length > 0) await new Promise((resolve) => setTimeout(resolve, 500));
  }
  outcome.lost += pending.length;
  return { ...outcome, drainSeconds: Math.round(performance.now() - began) / 1000 };
}

const began = performance.now();
const server = await startChildServer({ TRUST_PROXY: '127.0.0.1', QUEUE_MAX: String(GENERATE_REQUESTS) });
const failures: string[] = [];
let report: object;
try {
  const url = server.base;
  const face = multipartFile(smallFacePng(), 'face.png');

  const uploadIds: string[] = [];
  const upload = await cannon({
    url,
    connections: CONNECTIONS,
    timeout: TIMEOUT_S,
    duration: UPLOAD_S,
    requests: [
      {
        method: 'POST',
        path: '/api/upload',
        body: face.body,
        setupRequest: (request) => ({ ...request, headers: { ...request.headers, 'content-type': face.contentType, 'x-forwarded-for': newClientAddress() } }),
        onResponse: (status, body) => {
          const id = status === 201 ? idFrom(body, 'id') : null;
          if (id !== null) uploadIds.push(id);
        },
      },
    ],
  });
  if (uploadIds.length === 0) throw new Error(`no upload was stored: ${JSON.stringify(upload.statusCodes)}\n${server.logTail()}`);

  // The same picture each time, so the result cache knows a repeat by its seed (and prompt).
  const jobIds: string[] = [];
  let accepted = 0;
  let generated = 0;
  const generate = await cannon({
    url,
    connections: CONNECTIONS,
    timeout: TIMEOUT_S,
    amount: GENERATE_REQUESTS,
    requests: [
      {
        method: 'POST',
        path: '/api/generate',
        setupRequest: (request) => {
          const n = generated++;
          const body = { uploadId: uploadIds[n % uploadIds.length], prompt: '开心大笑', style: 'ai', seed: n % DISTINCT_SEEDS, steps: 2, strength: 0.5 };
          return {
            ...request,
            headers: { ...request.headers, 'content-type': 'application/json', 'x-forwarded-for': newClientAddress() },
            body: JSON.stringify(body),
          };
        },
        onResponse: (status, body) => {
          if (status !== 202) return;
          accepted += 1;
          const id = idFrom(body, 'jobId');
          if (id !== null) jobIds.push(id);
        },
      },
    ],
  });
  if (jobIds.length === 0) throw new Error(`no job was accepted: ${JSON.stringify(generate.statusCodes)}\n${server.logTail()}`);

  let asked = 0;
  const status = await cannon({
    url,
    connections: CONNECTIONS,
    timeout: TIMEOUT_S,
    duration: STATUS_S,
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => ({
          ...request,
          path: `/api/jobs/${jobIds[asked++ % jobIds.length]}`,
          headers: { ...request.headers, 'x-forwarded-for': newClientAddress() },
        }),
      },
    ],
  });

  const unique = new Set(jobIds).size;
  const ended = await drain(url, jobIds);
  const jobs: JobOutcome = { accepted, unique, duplicated: jobIds.length - unique, ...ended, lost: ended.lost + (accepted - jobIds.length) };
  const queue = ((await (await fetch(`${url}/healthz`)).json()) as { queue: { waiting: number; running: number } }).queue;

  const phases: Record<string, PhaseReport> = { upload, generate, status };
  for (const [name, phase] of Object.entries(phases)) {
    if (fiveHundreds(phase) > 0) failures.push(`${name}: ${fiveHundreds(phase)} answers were 5xx`);
    if (phase.errors > 0) failures.push(`${name}: ${phase.errors} connection errors (${phase.timeouts} timeouts)`);
  }
  if (jobs.lost > 0) failures.push(`${jobs.lost} accepted jobs were lost`);
  if (jobs.duplicated > 0) failures.push(`${jobs.duplicated} job ids were answered twice`);
  if (queue.waiting + queue.running > 0) failures.push(`the queue still holds ${JSON.stringify(queue)}`);
  if (failures.length > 0) console.error(server.logTail());

  report = {
    benchmark: 'fallback server under load (fixture networks, CPU, loopback)',
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? '', memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    settings: {
      connections: CONNECTIONS,
      timeoutSeconds: TIMEOUT_S,
      uploadSeconds: UPLOAD_S,
      generateRequests: GENERATE_REQUESTS,
      distinctSeeds: DISTINCT_SEEDS,
      statusSeconds: STATUS_S,
      clients: 'a new X-Forwarded-For address per request (TRUST_PROXY=127.0.0.1), per-client limits at their defaults',
      queueMax: GENERATE_REQUESTS,
      uploadBytes: face.body.length,
    },
    phases,
    uploadsStored: uploadIds.length,
    jobs,
    totalSeconds: Math.round(performance.now() - began) / 1000,
    passed: failures.length === 0,
    failures,
  };
  console.table(
    Object.fromEntries(
      Object.entries(phases).map(([name, p]) => [
        name,
        {
          requests: p.requests,
          'req/s': p.requestsPerSecond,
          'p50 ms': p.latencyMs.p50,
          'p99 ms': p.latencyMs.p99,
          'max ms': p.latencyMs.max,
          statuses: JSON.stringify(p.statusCodes),
          errors: p.errors,
        },
      ]),
    ),
  );
  console.table(jobs);
} finally {
  await server.stop();
}

mkdirSync('bench-results', { recursive: true });
const date = new Date().toISOString();
const file = `bench-results/server-load-${date.replace(/[:.]/g, '-')}.json`;
for (const out of [file, 'bench-results/server-load-latest.json']) writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
console.log(`Wrote ${file}`);
if (failures.length > 0) {
  console.error(`load test failed:\n  ${failures.join('\n  ')}`);
  process.exitCode = 1;
} else {
  console.log('load test passed: no 5xx, no connection errors, every accepted job ended once');
}
