// The scaled-out server as a user runs it: one redis-server, API servers (`npm run server`) and
// queue workers (`npm run server:worker`), each its own process, all with the same REDIS_URL and
// one shared data folder, on the fixture networks.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startRedis, type RunningRedis } from '../server/support/redis-server.ts';
import { startChildServer, type ChildServer } from './child-server.ts';

export interface Cluster {
  redis: RunningRedis;
  apis: ChildServer[];
  workers: ChildServer[];
  env: Record<string, string>;
  addWorker(): Promise<ChildServer>;
  addApi(): Promise<ChildServer>;
  stop(): Promise<void>;
}

/** A worker that stops renewing a job's lock loses it after this many seconds; tests wait seconds, not the default 30. */
export const TEST_LOCK_SECONDS = '2';

export async function startCluster(counts: { apis: number; workers: number }, extra: Record<string, string> = {}): Promise<Cluster> {
  const redis = await startRedis();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'biaoqing-cluster-'));
  const env = {
    REDIS_URL: redis.url,
    DATA_DIR: dataDir,
    JOB_LOCK_SECONDS: TEST_LOCK_SECONDS,
    QUEUE_MAX: '500',
    MAX_JOBS_PER_CLIENT: '500',
    RATE_LIMIT_PER_MINUTE: '100000',
    ...extra,
  };
  const apis: ChildServer[] = [];
  const workers: ChildServer[] = [];
  const addWorker = async (): Promise<ChildServer> => {
    const worker = await startChildServer(env, { worker: true });
    workers.push(worker);
    return worker;
  };
  const addApi = async (): Promise<ChildServer> => {
    const api = await startChildServer(env);
    apis.push(api);
    return api;
  };
  const stop = async (): Promise<void> => {
    await Promise.all([...apis, ...workers].map((p) => p.stop()));
    await redis.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    for (let i = 0; i < counts.apis; i += 1) await addApi();
    await Promise.all(Array.from({ length: counts.workers }, addWorker));
  } catch (error) {
    await stop();
    throw error;
  }
  return { redis, apis, workers, env, addWorker, addApi, stop };
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A job of `worker`'s that is running now: its hash names the worker, and it has not ended. */
export async function runningOn(cluster: Cluster, worker: ChildServer, jobIds: string[]): Promise<string> {
  for (;;) {
    for (const id of jobIds) {
      const [owner, ended, status] = await cluster.redis.client.hmget(`bq:job:${id}`, 'worker', 'end', 'status');
      if (owner?.endsWith(`:${worker.pid}`) === true && ended !== '1' && status?.includes('"running"') === true) return id;
    }
    await pause(10);
  }
}

/** Kills `worker` with SIGKILL in the middle of one of the jobs, frozen first so it is known to be mid-job; that job's id. */
export async function killMidJob(cluster: Cluster, worker: ChildServer, jobIds: string[]): Promise<string> {
  for (;;) {
    const victim = await runningOn(cluster, worker, jobIds);
    worker.kill('SIGSTOP');
    if ((await cluster.redis.client.hget(`bq:job:${victim}`, 'end')) !== '1') {
      worker.kill('SIGKILL');
      await worker.exited;
      return victim;
    }
    worker.kill('SIGCONT');
  }
}
