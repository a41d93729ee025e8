import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previewMiddleware } from '../../../scripts/compressed-assets-plugin.ts';

let server: http.Server;
let base: string;
const outDir = mkdtempSync(path.join(tmpdir(), 'compressed-assets-'));

function writeVersion(text: string, mtime: Date): void {
  writeFileSync(path.join(outDir, 'sw.js'), text);
  writeFileSync(path.join(outDir, 'sw.js.br'), brotliCompressSync(Buffer.from(text)));
  utimesSync(path.join(outDir, 'sw.js.br'), mtime, mtime);
}

const get = (headers: Record<string, string>) => fetch(`${base}/sw.js`, { headers });

beforeAll(async () => {
  writeVersion(`self.version = 1; ${'// padding '.repeat(200)}`, new Date(2026, 0, 1));
  const serve = previewMiddleware(outDir);
  server = http.createServer((req, res) =>
    serve(req, res, () => {
      res.statusCode = 404;
      res.end('not through the brotli copy');
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("npm start's brotli copies", () => {
  it('are sent with a validator, and a revalidation that matches it (the service worker’s update check) is a 304 without the file', async () => {
    const first = await get({ 'accept-encoding': 'br' });
    expect(first.status).toBe(200);
    expect(first.headers.get('content-encoding')).toBe('br');
    expect(await first.text()).toContain('self.version = 1');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"br-[\w-]+"$/u);

    const again = await get({ 'accept-encoding': 'br', 'if-none-match': etag! });
    expect(again.status).toBe(304);
    expect(await again.arrayBuffer()).toHaveProperty('byteLength', 0);
    expect(again.headers.get('etag')).toBe(etag);
  });

  it('a new build of the file gets a new validator, so the old one fetches the new file', async () => {
    const old = (await get({ 'accept-encoding': 'br' })).headers.get('etag')!;
    writeVersion(`self.version = 2; ${'// padding '.repeat(200)}`, new Date(2026, 0, 2));
    const fresh = await get({ 'accept-encoding': 'br', 'if-none-match': old });
    expect(fresh.status).toBe(200);
    expect(await fresh.text()).toContain('self.version = 2');
    expect(fresh.headers.get('etag')).not.toBe(old);
  });

  it('a browser that does not take brotli is left to the plain file', async () => {
    expect((await get({ 'accept-encoding': 'gzip' })).status).toBe(404);
  });
});
