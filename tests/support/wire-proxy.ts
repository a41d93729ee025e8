// A counting, shaping HTTP proxy in front of the app server: what a phone's link sees. Every
// response body is counted as it crosses the wire (compressed, when the server compressed it), and
// all of them share one downlink of `bitsPerSecond` with `latencyMs` before each response starts.
// Shaping here, not in DevTools, holds for the page, its workers and the service worker alike.

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export interface WireOptions {
  /** Downlink shared by every response; Infinity = unshaped. */
  bitsPerSecond: number;
  latencyMs: number;
}

export interface WireFile {
  path: string;
  bytes: number;
  encoding: string;
  status: number;
  /** Date.now() when the request arrived. */
  startedAt: number;
  /** Date.now() when its last byte was sent. */
  finishedAt: number;
}

export interface WireProxy {
  url: string;
  /** Bytes of response headers and bodies so far, or up to `atMs` (Date.now() clock). */
  bytes(atMs?: number): number;
  /** Each response so far, in the order they finished. */
  files(): WireFile[];
  close(): Promise<void>;
}

/** One link: a byte may leave only when the ones before it have, at the link's rate. */
class Downlink {
  private free = 0;
  constructor(private readonly bitsPerSecond: number) {}

  async send(bytes: number): Promise<void> {
    if (!Number.isFinite(this.bitsPerSecond)) return;
    const start = Math.max(performance.now(), this.free);
    this.free = start + (bytes * 8 * 1000) / this.bitsPerSecond;
    const wait = this.free - performance.now();
    if (wait > 0) await sleep(wait);
  }
}

export async function startWireProxy(target: string, options: WireOptions): Promise<WireProxy> {
  const upstream = new URL(target);
  const link = new Downlink(options.bitsPerSecond);
  let total = 0;
  /** [Date.now(), total] after each piece sent. */
  const history: [number, number][] = [];
  const count = (bytes: number) => {
    total += bytes;
    history.push([Date.now(), total]);
  };
  const done: WireFile[] = [];

  const server = http.createServer((req, res) => {
    const startedAt = Date.now();
    const headers = { ...req.headers, host: upstream.host };
    const forward = http.request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers }, async (reply) => {
      await sleep(options.latencyMs);
      const head = Object.entries(reply.headers).reduce((n, [k, v]) => n + k.length + String(v).length + 4, 16);
      await link.send(head);
      count(head);
      res.writeHead(reply.statusCode ?? 502, reply.headers);
      let body = 0;
      for await (const chunk of reply as AsyncIterable<Buffer>) {
        await link.send(chunk.length);
        body += chunk.length;
        count(chunk.length);
        if (!res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve));
      }
      res.end();
      done.push({
        path: (req.url ?? '').split('?')[0] ?? '',
        bytes: body,
        encoding: String(reply.headers['content-encoding'] ?? 'identity'),
        status: reply.statusCode ?? 0,
        startedAt,
        finishedAt: Date.now(),
      });
    });
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}/`,
    bytes: (atMs = Infinity) => history.filter(([at]) => at <= atMs).at(-1)?.[1] ?? 0,
    files: () => [...done],
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
