// Vite's own proxy, to a port nothing listens on, logging through the app's logger: the app's
// health check then costs one quiet line, not a red error with a stack per check.
import { Console } from 'node:console';
import { mkdtempSync } from 'node:fs';
import { createServer as listen, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createServer, type ViteDevServer } from 'vite';
import { fallbackProxyLogger } from '../../../scripts/fallback-proxy-logger.ts';

let server: ViteDevServer;
let base: string;
let printed = '';

/** A port that was free a moment ago and is closed now: connecting to it is refused. */
async function closedPort(): Promise<number> {
  const probe = listen().listen(0, '127.0.0.1');
  await new Promise((resolve) => probe.once('listening', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

beforeAll(async () => {
  const out = new PassThrough();
  out.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  const target = `http://127.0.0.1:${await closedPort()}`;
  server = await createServer({
    configFile: false,
    root: mkdtempSync(path.join(tmpdir(), 'proxy-logger-')),
    customLogger: fallbackProxyLogger(target, 'info', { console: new Console(out, out) }),
    server: { port: 0, host: '127.0.0.1', proxy: { '/healthz': target } },
  });
  await server.listen();
  base = server.resolvedUrls?.local[0] ?? '';
});

afterAll(() => server.close());

it('says once, in one line, that no fallback server answers, and the check gets an error status', async () => {
  const statuses = [];
  for (let i = 0; i < 3; i++) statuses.push((await fetch(new URL('healthz', base))).status);
  expect(statuses.every((s) => s >= 500)).toBe(true);
  expect(printed.match(/No fallback server at http:\/\/127\.0\.0\.1:\d+ \(npm run server\)/g) ?? []).toHaveLength(1);
  expect(printed).not.toMatch(/ECONNREFUSED|http proxy error|\n\s+at /);
});
