// Serves examples/ (the embedding host page) on its own origin, as a host site would: the app must
// then be started with that origin in EMBED_ORIGINS. Only the folder's own files, by exact name.

import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const DIR = fileURLToPath(new URL('../examples', import.meta.url));
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };

export interface ExamplesServer {
  /** http://localhost:<port>, the origin to put in EMBED_ORIGINS. */
  origin: string;
  close(): Promise<void>;
}

export async function startExamplesServer(port: number): Promise<ExamplesServer> {
  const files = new Set(readdirSync(DIR).filter((name) => TYPES[path.extname(name)] !== undefined));
  const server = createServer((req, res) => {
    const name = new URL(req.url ?? '/', 'http://x').pathname.slice(1) || 'embed-host.html';
    if (!files.has(name)) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(name)] ?? 'application/octet-stream' }).end(readFileSync(path.join(DIR, name)));
  });
  await new Promise<void>((resolve) => server.listen(port, 'localhost', resolve));
  return {
    origin: `http://localhost:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
