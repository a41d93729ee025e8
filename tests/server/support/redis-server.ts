// A real Redis for the scaled-out tests: Debian's redis-server on a free loopback port with its
// data in a temporary folder (the append-only file, fsynced on every write, so a restart keeps
// every accepted job as a production Redis with AOF would). scripts/test.sh installs it when missing.

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { freePort } from '../../load/child-server.ts';

export const REDIS_SERVER = process.env.REDIS_SERVER_PATH ?? '/usr/bin/redis-server';

export const haveRedis = (): boolean => existsSync(REDIS_SERVER);

export interface RunningRedis {
  url: string;
  /** A client for the test's own look at the keys. */
  client: Redis;
  /** Stops Redis (SHUTDOWN: its data written) and starts it again on the same port and folder. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

async function up(url: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    probe.on('error', () => undefined);
    const ok = await probe.connect().then(
      () => probe.ping(),
      () => null,
    );
    probe.disconnect();
    if (ok === 'PONG') return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`redis-server did not start on ${url}`);
}

export async function startRedis(): Promise<RunningRedis> {
  const dir = mkdtempSync(path.join(tmpdir(), 'biaoqing-redis-'));
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess;
  const launch = async (): Promise<void> => {
    child = spawn(
      REDIS_SERVER,
      ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--appendfsync', 'always', '--save', '', '--daemonize', 'no'],
      { stdio: 'ignore' },
    );
    await up(url);
  };
  const halt = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM'); // redis-server shuts down cleanly on SIGTERM
    await exited;
  };
  await launch();
  const client = new Redis(url, { maxRetriesPerRequest: null });
  client.on('error', () => undefined);
  return {
    url,
    client,
    restart: async () => {
      await halt();
      await launch();
    },
    stop: async () => {
      client.disconnect();
      await halt();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
