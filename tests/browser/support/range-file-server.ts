// A real HTTP file server for the model manager's tests and bench: files under one path prefix,
// with `Range: bytes=N-` answered by 206 and Content-Range, every request logged (path, Range
// header, status), and faults queued per file: drop the connection after N bytes, hold it after N
// bytes until released, send wrong bytes, ignore Range, answer with a status.

import type { IncomingMessage, ServerResponse } from 'node:http';

export type Fault =
  { kind: 'cut'; after: number } | { kind: 'stall'; after: number } | { kind: 'wrong-bytes' } | { kind: 'ignore-range' } | { kind: 'status'; status: number };

export interface ServedRequest {
  file: string;
  method: string;
  range: string | null;
  status: number;
}

export class RangeFileServer {
  readonly requests: ServedRequest[] = [];
  private readonly files = new Map<string, Buffer>();
  private readonly faults = new Map<string, Fault[]>();
  private readonly held = new Set<() => void>();
  private readonly stallListeners = new Set<() => void>();

  /** `prefix`: the URL path the files are under, e.g. '/__files__/'. */
  constructor(readonly prefix: string) {}

  serve(name: string, bytes: Buffer): void {
    this.files.set(name, bytes);
  }

  /** The next requests for `name` meet these faults, one each, in order. */
  fault(name: string, ...faults: Fault[]): void {
    this.faults.set(name, [...(this.faults.get(name) ?? []), ...faults]);
  }

  requestsFor(name: string): ServedRequest[] {
    return this.requests.filter((r) => r.file === name && r.method === 'GET');
  }

  /** Resolves when a stalled response has sent its bytes and is holding. */
  stalled(): Promise<void> {
    return new Promise((resolve) => this.stallListeners.add(resolve));
  }

  /** Lets every held response send the rest of its body. */
  release(): void {
    for (const go of this.held) go();
    this.held.clear();
  }

  /** Answers requests under the prefix; false for anything else. */
  handle(req: IncomingMessage, res: ServerResponse): boolean {
    const url = (req.url ?? '').split('?')[0] ?? '';
    if (!url.startsWith(this.prefix)) return false;
    const name = decodeURIComponent(url.slice(this.prefix.length));
    const file = this.files.get(name);
    const range = req.headers.range ?? null;
    const log = (status: number) => this.requests.push({ file: name, method: req.method ?? 'GET', range, status });
    if (file === undefined) {
      log(404);
      res.writeHead(404).end('no such file');
      return true;
    }
    const fault = req.method === 'HEAD' ? undefined : this.faults.get(name)?.shift();
    if (fault?.kind === 'status') {
      log(fault.status);
      res.writeHead(fault.status).end();
      return true;
    }
    const from = fault?.kind === 'ignore-range' ? null : /^bytes=(\d+)-$/.exec(range ?? '')?.[1];
    const start = from === null || from === undefined ? 0 : Number(from);
    if (start >= file.length && start > 0) {
      log(416);
      res.writeHead(416, { 'Content-Range': `bytes */${file.length}` }).end();
      return true;
    }
    let body = file.subarray(start);
    if (fault?.kind === 'wrong-bytes') {
      body = Buffer.from(body);
      const middle = body.length >> 1;
      body[middle] = (body[middle] ?? 0) ^ 0xff;
    }
    const status = start > 0 ? 206 : 200;
    log(status);
    res.writeHead(status, {
      'Content-Type': 'application/octet-stream',
      'Content-Length': String(body.length),
      'Accept-Ranges': 'bytes',
      'Cache-Control': 'no-store',
      ...(status === 206 ? { 'Content-Range': `bytes ${start}-${file.length - 1}/${file.length}` } : {}),
    });
    if (req.method === 'HEAD') {
      res.end();
      return true;
    }
    this.send(res, body, fault);
    return true;
  }

  private send(res: ServerResponse, body: Buffer, fault: Fault | undefined): void {
    if (fault?.kind === 'cut') {
      // Flushed, then the connection closed short of Content-Length: the client sees a network error.
      res.write(body.subarray(0, fault.after), () => setTimeout(() => res.socket?.destroy(), 50));
      return;
    }
    if (fault?.kind === 'stall') {
      res.write(body.subarray(0, fault.after), () => {
        const go = () => res.end(body.subarray(fault.after));
        this.held.add(go);
        res.on('close', () => this.held.delete(go));
        for (const listener of this.stallListeners) listener();
        this.stallListeners.clear();
      });
      return;
    }
    res.end(body);
  }
}
