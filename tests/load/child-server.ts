// The fallback server as `npm run server` runs it (server/main.ts), in its own process on a free
// loopback port with a fresh data folder, so the load generator in this process measures the
// server and not itself; and a queue worker as `npm run server:worker` runs it. Their logs go to a
// file, shown when something fails.

import { spawn } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const STARTUP_MS = 60_000;
const STOP_MS = 10_000;

export interface ChildServer {
  base: string;
  pid: number;
  /** Resolves when the process has exited, with its exit code (null when a signal ended it). */
  exited: Promise<number | null>;
  kill(signal: NodeJS.Signals): void;
  alive(): boolean;
  /** The last lines of the server's log. */
  logTail(lines?: number): string;
  /** SIGTERM (the server closes itself), SIGKILL if it has not after a while; the data folder is removed. */
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/**
 * Starts server/main.ts (or, with `worker`, server/worker-main.ts) with `env` over a fixture-model,
 * loopback-only default environment; ready when it answers /healthz (a worker: when it logs so).
 */
export async function startChildServer(env: Record<string, string> = {}, options: { worker?: boolean } = {}): Promise<ChildServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'biaoqing-load-'));
  const logFile = path.join(dataDir, 'server.log');
  const log = openSync(logFile, 'a');
  const port = await freePort();
  const entry = options.worker === true ? 'server/worker-main.ts' : 'server/main.ts';
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: ROOT,
    env: {
      ...process.env,
      BIAOQING_MODELS: 'fixtures',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: path.join(dataDir, 'data'),
      LOG_LEVEL: options.worker === true ? 'info' : 'warn',
      ...env,
    },
    stdio: ['ignore', log, log],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const base = `http://127.0.0.1:${port}`;
  const logTail = (lines = 30): string => readFileSync(logFile, 'utf8').split('\n').slice(-lines).join('\n');
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_MS);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  const kill = (signal: NodeJS.Signals): void => void child.kill(signal);
  const alive = (): boolean => child.exitCode === null && child.signalCode === null;
  const ready = async (): Promise<boolean> =>
    options.worker === true
      ? readFileSync(logFile, 'utf8').includes('worker ready')
      : fetch(`${base}/healthz`).then(
          (r) => r.ok,
          () => false,
        );
  const deadline = Date.now() + STARTUP_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    if (await ready()) return { base, pid: child.pid ?? 0, exited, kill, alive, logTail, stop };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const tail = logTail();
  await stop();
  throw new Error(`the server did not start on ${base}:\n${tail}`);
}
