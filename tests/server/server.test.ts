// The fallback server over real HTTP: every endpoint, hostile uploads, the content filter in front
// of the model, the bounded queue, rate limits, SSE progress, cancelling and the retention sweeper.
// The redraw runs the fixture networks on onnxruntime-node.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decode as decodePng } from 'fast-png';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bytes, jpeg, jpegSegment, png, pngChunk } from '../unit/support/image-bytes.ts';
import { exifPayload } from './support/exif.ts';
import { cancel, generate, modelCalls, readEvents, start, upload, type Running } from './support/harness.ts';
import { JPEG, PNG, ID, REQUEST, errorOf, uploadId } from './support/requests.ts';

describe('fallback server', () => {
  let server: Running;
  beforeAll(async () => {
    server = await start();
  });
  afterAll(async () => {
    await server.app.close();
  });

  it('answers /healthz and describes every endpoint in /api/openapi.json', async () => {
    const health = await fetch(`${server.base}/healthz`);
    expect(await health.json()).toMatchObject({ ok: true, models: 'fixtures' });
    const doc = (await (await fetch(`${server.base}/api/openapi.json`)).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/api/download/{id}',
      '/api/generate',
      '/api/jobs/{id}',
      '/api/jobs/{id}/events',
      '/api/upload',
      '/healthz',
    ]);
    expect(Object.keys(doc.paths['/api/jobs/{id}'] as object).sort()).toEqual(['delete', 'get']);
    const missing = await fetch(`${server.base}/api/nothing`);
    expect(missing.status).toBe(404);
    expect((await errorOf(missing)).code).toBe('NOT_FOUND');
  });

  it('stores an upload under an unguessable id with its size and expiry, metadata dropped', async () => {
    // EXIF saying "turn a quarter clockwise", XMP with a GPS-like text and a comment, after the SOI;
    // a PNG text chunk before IEND.
    const xmp = jpegSegment(0xe1, [...new TextEncoder().encode('http://ns.adobe.com/xap/1.0/\0GPS 31.2N 121.4E')]);
    const withExif = bytes(
      JPEG.subarray(0, 2),
      jpegSegment(0xe1, exifPayload(6)),
      xmp,
      jpegSegment(0xfe, [...new TextEncoder().encode('secret comment')]),
      JPEG.subarray(2),
    );
    const response = await upload(server.base, withExif);
    expect(response.status).toBe(201);
    const body = (await response.json()) as { id: string; width: number; height: number; expiresAt: string };
    expect(body.id).toMatch(ID);
    // 512×600 as stored, shown turned.
    expect([body.width, body.height]).toEqual([600, 512]);
    expect(Date.parse(body.expiresAt) - Date.now()).toBeGreaterThan(71 * 3_600_000);
    const stored = readFileSync(path.join(server.config.dataDir, 'uploads', `${body.id}.img`)).toString('latin1');
    expect(stored).not.toContain('GPS');
    expect(stored).not.toContain('secret comment');
    expect(stored).not.toContain('Exif');

    const iend = PNG.length - 12;
    const withText = bytes(PNG.subarray(0, iend), pngChunk('tEXt', [...new TextEncoder().encode('Author\0someone')]), PNG.subarray(iend));
    const pngId = ((await (await upload(server.base, withText, 'a.png')).json()) as { id: string }).id;
    expect(readFileSync(path.join(server.config.dataDir, 'uploads', `${pngId}.img`)).toString('latin1')).not.toContain('someone');
  });

  it('refuses hostile uploads with a 4xx and keeps serving', async () => {
    const cases: [string, Uint8Array, number, string][] = [
      ['truncated JPEG', JPEG.subarray(0, Math.floor(JPEG.length / 2)), 400, 'truncated'],
      ['text named .jpg', new TextEncoder().encode('hello, I am not a picture\n'), 415, 'not-image'],
      ['SVG with a script', new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 415, 'not-image'],
      ['PNG claiming 50000×50000', png(50000, 50000), 413, 'too-large'],
      ['PNG of 36 megapixels (over the 25 MP limit)', png(6000, 6000), 413, 'too-large'],
      ['zero bytes', new Uint8Array(0), 400, 'empty'],
    ];
    for (const [name, file, status, reason] of cases) {
      const response = await upload(server.base, file, name.endsWith('.jpg') ? 'photo.jpg' : 'x.jpg');
      expect(response.status, name).toBe(status);
      expect(await errorOf(response), name).toMatchObject({ code: 'BAD_INPUT', reason });
    }
    const huge = await upload(server.base, new Uint8Array(30 * 1024 * 1024));
    expect(huge.status).toBe(413);
    expect(await errorOf(huge)).toMatchObject({ code: 'BAD_INPUT', reason: 'too-large' });
    // Over the limit with no Content-Length (chunked): cut off by the multipart limit instead.
    const form = new Response(
      (() => {
        const f = new FormData();
        f.append('file', new Blob([new Uint8Array(11 * 1024 * 1024)]), 'big.jpg');
        return f;
      })(),
    );
    const chunked = await fetch(`${server.base}/api/upload`, {
      method: 'POST',
      headers: { 'content-type': form.headers.get('content-type')! },
      body: form.body,
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(await errorOf(chunked)).toMatchObject({ code: 'BAD_INPUT', reason: 'too-large' });
    const notMultipart = await fetch(`${server.base}/api/upload`, { method: 'POST', headers: { 'content-type': 'image/jpeg' }, body: JPEG });
    expect(notMultipart.status).toBe(415);
    expect((await fetch(`${server.base}/healthz`)).status).toBe(200);
  });

  it('refuses ids that are not ids, so none walks out of the data folder', async () => {
    for (const id of ['..%2F..%2Fetc%2Fpasswd', '..%2F..%2F..%2Fetc%2Fpasswd%00', '..%5C..%5Cwindows', 'AAAAAAAAAAAAAAAAAAAAA.']) {
      for (const url of [`/api/download/${id}`, `/api/jobs/${id}`, `/api/jobs/${id}/events`]) {
        const response = await fetch(`${server.base}${url}`);
        expect(response.status, url).toBe(400);
        expect((await errorOf(response)).code).toBe('BAD_INPUT');
      }
      const cancelled = await cancel(server.base, id);
      expect(cancelled.status, `DELETE ${id}`).toBe(400);
      expect((await errorOf(cancelled)).code).toBe('BAD_INPUT');
    }
    // The URL parser itself folds %2E%2E into a parent segment: no route matches what is left.
    const dots = await fetch(`${server.base}/api/download/%2E%2E%2F%2E%2E%2Fpasswd`);
    expect(dots.status).toBe(400);
    const folded = await fetch(`${server.base}/api/download/%2E%2E`);
    expect(folded.status).toBe(404);
    const traversal = await generate(server.base, { ...REQUEST, uploadId: '../../etc/passwd' });
    expect(traversal.status).toBe(400);
    const unknown = await fetch(`${server.base}/api/download/AAAAAAAAAAAAAAAAAAAAAA`);
    expect(unknown.status).toBe(404);
    expect((await errorOf(unknown)).code).toBe('NOT_FOUND');
    const unknownJob = await cancel(server.base, 'AAAAAAAAAAAAAAAAAAAAAA');
    expect(unknownJob.status).toBe(404);
    expect((await errorOf(unknownJob)).code).toBe('NOT_FOUND');
  });

  it('refuses bad generate bodies and unknown uploads', async () => {
    const id = await uploadId(server.base);
    for (const body of [
      {},
      { ...REQUEST, uploadId: id, steps: 0 },
      { ...REQUEST, uploadId: id, steps: 5 },
      { ...REQUEST, uploadId: id, strength: 2 },
      { ...REQUEST, uploadId: id, style: 'photo' },
      { ...REQUEST, uploadId: id, prompt: 'x'.repeat(201) },
    ]) {
      const response = await generate(server.base, body);
      expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect((await errorOf(response)).code).toBe('BAD_INPUT');
    }
    const gone = await generate(server.base, { ...REQUEST, uploadId: 'AAAAAAAAAAAAAAAAAAAAAA' });
    expect(gone.status).toBe(404);
    expect((await errorOf(gone)).code).toBe('NOT_FOUND');
  });

  it('redraws: 202 at once, SSE stages and progress then done, the PNG, a cached repeat', async () => {
    const id = await uploadId(server.base, JPEG);
    const accepted = await generate(server.base, { ...REQUEST, uploadId: id });
    expect(accepted.status).toBe(202);
    const { jobId, eventsUrl } = (await accepted.json()) as { jobId: string; eventsUrl: string };
    expect(jobId).toMatch(ID);
    const events = await readEvents(`${server.base}${eventsUrl}`);
    const names = events.map((e) => e.event);
    expect(names.at(-1)).toBe('done');
    const stages = events.filter((e) => e.event === 'stage').map((e) => `${String(e.data.stage)} ${String(e.data.phase)}`);
    expect(stages).toEqual(['load-models start', 'load-models end', 'decode start', 'decode end', 'redraw start', 'redraw end', 'encode start', 'encode end']);
    expect(names.indexOf('progress')).toBeGreaterThan(names.indexOf('stage'));
    const progress = events.filter((e) => e.event === 'progress').map((e) => e.data);
    expect(progress.map((p) => p.done)).toEqual([1, 2, 3, 4]);
    // Steps 2 at strength 0.5: encode, two UNet steps, decode.
    expect(progress.at(-1)).toMatchObject({ type: 'progress', jobId, stage: 'redraw', done: 4, total: 4 });
    const done = events.at(-1)!.data as { resultUrl: string; cached: boolean };
    expect(done.cached).toBe(false);

    const status = (await (await fetch(`${server.base}/api/jobs/${jobId}`)).json()) as Record<string, unknown>;
    expect(status).toMatchObject({ id: jobId, state: 'done', resultUrl: done.resultUrl, progress: { done: 4, total: 4 } });
    const file = await fetch(`${server.base}${done.resultUrl}`);
    expect(file.headers.get('content-type')).toBe('image/png');
    const image = decodePng(new Uint8Array(await file.arrayBuffer()));
    expect([image.width, image.height]).toEqual([512, 512]);

    const before = modelCalls.count;
    const again = (await (await generate(server.base, { ...REQUEST, uploadId: id })).json()) as { eventsUrl: string };
    const repeat = (await readEvents(`${server.base}${again.eventsUrl}`)).at(-1)!.data;
    expect(repeat).toMatchObject({ type: 'done', resultUrl: done.resultUrl, cached: true });
    expect(modelCalls.count).toBe(before);

    // Another seed is another picture: the model really ran.
    const other = (await (await generate(server.base, { ...REQUEST, uploadId: id, seed: 8 })).json()) as { eventsUrl: string };
    const otherUrl = ((await readEvents(`${server.base}${other.eventsUrl}`)).at(-1)!.data as { resultUrl: string }).resultUrl;
    const otherImage = decodePng(new Uint8Array(await (await fetch(`${server.base}${otherUrl}`)).arrayBuffer()));
    expect(otherImage.data).not.toEqual(image.data);
  });

  it('fails the job, not the server, on a JPEG whose structure is sound but whose data is not', async () => {
    // Header and scan in place, no Huffman or quantisation tables: only decoding finds out.
    const id = await uploadId(server.base, jpeg(64, 64));
    const { eventsUrl, jobId } = (await (await generate(server.base, { ...REQUEST, uploadId: id })).json()) as { eventsUrl: string; jobId: string };
    const last = (await readEvents(`${server.base}${eventsUrl}`)).at(-1)!;
    expect(last.event).toBe('error');
    expect(last.data).toMatchObject({ type: 'error', jobId, error: { code: 'BAD_INPUT', reason: 'corrupt', stage: 'decode' } });
    expect(await (await fetch(`${server.base}/api/jobs/${jobId}`)).json()).toMatchObject({ state: 'failed', error: { code: 'BAD_INPUT' } });
    expect((await fetch(`${server.base}/healthz`)).status).toBe(200);
  });

  it('rejects listed words however they are spaced or written, before the model', async () => {
    const id = await uploadId(server.base);
    const before = modelCalls.count;
    for (const prompt of ['色 情', 'ＮＵＤＥ selfie', 'p.o.r.n', 'N a Z i', '开心 裸-体']) {
      const response = await generate(server.base, { ...REQUEST, uploadId: id, prompt });
      expect(response.status, prompt).toBe(422);
      expect((await errorOf(response)).code).toBe('CONTENT_REJECTED');
    }
    expect(modelCalls.count).toBe(before);
  });
});
