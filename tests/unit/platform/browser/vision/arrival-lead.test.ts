import { describe, expect, it } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import { watchArrival } from '../../../../../src/platform/browser/vision/arrival-lead.ts';

const PIECE = 1000;
const PIECES = 20;
const EVERY_MS = 25;

/** A response whose body arrives as a link would bring it: PIECES pieces, one every EVERY_MS. */
function pacedResponse(sent: { pieces: number }): Response {
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (sent.pieces === PIECES) {
        controller.close();
        return;
      }
      if (sent.pieces > 0) await sleep(EVERY_MS);
      controller.enqueue(new Uint8Array(PIECE).fill(sent.pieces));
      sent.pieces++;
    },
  });
  return new Response(body, { headers: { 'content-type': 'application/wasm' } });
}

/** Watches a paced response; resolves with how many pieces had been sent when it was due (once), and the bytes its reader got. */
async function watch(expectedBytes: number, leadMs: number): Promise<{ dueAt: number; read: Uint8Array }> {
  const sent = { pieces: 0 };
  let dueAt = -1;
  let calls = 0;
  const response = watchArrival(pacedResponse(sent), expectedBytes, leadMs, () => {
    calls++;
    if (dueAt === -1) dueAt = sent.pieces;
  });
  expect(response.headers.get('content-type')).toBe('application/wasm');
  const read = new Uint8Array(await response.arrayBuffer());
  expect(calls).toBe(1);
  await sleep(0);
  return { dueAt, read };
}

describe('watchArrival', () => {
  it('is due once the rest would arrive within the lead at the rate so far, and passes the whole body on to its reader', async () => {
    // 20 pieces 25 ms apart: a 150 ms lead is due about 6 pieces before the end.
    const { dueAt, read } = await watch(PIECE * PIECES, 150);
    expect(dueAt).toBeGreaterThanOrEqual(PIECES - 10);
    expect(dueAt).toBeLessThan(PIECES);
    expect(read.byteLength).toBe(PIECE * PIECES);
    expect(Array.from({ length: PIECES }, (_, i) => read[i * PIECE])).toEqual(Array.from({ length: PIECES }, (_, i) => i));
  });

  it('does not judge the rate from the first pieces alone: a lead longer than the whole download is due after 100 ms, not at once', async () => {
    const { dueAt } = await watch(PIECE * PIECES, 10_000);
    expect(dueAt).toBeGreaterThanOrEqual(4);
    expect(dueAt).toBeLessThan(PIECES);
  });

  it('without a known size, is due only at the end', async () => {
    const { dueAt, read } = await watch(Number.NaN, 150);
    expect(dueAt).toBe(PIECES);
    expect(read.byteLength).toBe(PIECE * PIECES);
  });
});
