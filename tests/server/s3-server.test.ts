// Two servers on one S3 endpoint (s3rver) over real HTTP: a photo uploaded to one is redrawn by
// the other, and the PNG is read back from either, streamed or by a short-lived signed URL.

import { decode as decodePng } from 'fast-png';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate, readEvents, start, type Running } from './support/harness.ts';
import { JPEG, REQUEST, uploadId } from './support/requests.ts';
import { startS3, type S3Endpoint } from './support/s3-endpoint.ts';

describe('servers sharing S3 storage', () => {
  let s3: S3Endpoint;
  let streaming: Running;
  let signing: Running;
  beforeAll(async () => {
    s3 = await startS3();
    streaming = await start({ s3: s3.settings });
    signing = await start({ s3: { ...s3.settings, signedUrlSeconds: 120 } });
  });
  afterAll(async () => {
    await streaming.app.close();
    await signing.app.close();
    await s3.close();
  });

  it('uploads on one, redraws on the other, serves the PNG from both', async () => {
    const id = await uploadId(streaming.base, JPEG);
    const accepted = await generate(signing.base, { ...REQUEST, uploadId: id });
    expect(accepted.status).toBe(202);
    const { eventsUrl } = (await accepted.json()) as { eventsUrl: string };
    const last = (await readEvents(`${signing.base}${eventsUrl}`)).at(-1)!;
    expect(last.event).toBe('done');
    const resultUrl = String(last.data.resultUrl);

    const streamed = await fetch(`${streaming.base}${resultUrl}`);
    expect(streamed.status).toBe(200);
    expect(streamed.headers.get('content-type')).toBe('image/png');
    expect(Number(streamed.headers.get('cache-control')?.match(/max-age=(\d+)/)?.[1])).toBeGreaterThan(0);
    const png = new Uint8Array(await streamed.arrayBuffer());
    const image = decodePng(png);
    expect([image.width, image.height]).toEqual([512, 512]);

    const redirect = await fetch(`${signing.base}${resultUrl}`, { redirect: 'manual' });
    expect(redirect.status).toBe(302);
    const signed = new URL(redirect.headers.get('location')!);
    expect(signed.origin).toBe(s3.settings.endpoint);
    expect(signed.searchParams.get('X-Amz-Expires')).toBe('120');
    const direct = await fetch(signed);
    expect(direct.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await direct.arrayBuffer())).toEqual(png);
  });
});
