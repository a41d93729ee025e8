// A photo looked at when it is chosen: the job that follows on the same photo finds its pixels,
// faces and person worked out (or being worked out), and works out only what the look did not (or
// could not).

import { describe, expect, it, vi } from 'vitest';
import { lookAtPhoto } from '../../../src/core/look-at-photo.ts';
import { PhotoMemo } from '../../../src/core/photo-memo.ts';
import { runStickerJob, type JobContext } from '../../../src/core/pipeline.ts';
import type { FloatMask } from '../../../src/core/image/float-mask.ts';
import { toArrayBuffer, png } from '../support/image-bytes.ts';
import { REQUEST, mainFace, setup, stageEvents, uniformMask, type FakeImage } from '../support/fake-platform.ts';

const ctx = (jobId: string): JobContext => ({ jobId, signal: { aborted: false }, emit: () => undefined, now: () => 0 });

function counted(overrides: { detect?: () => Promise<(typeof mainFace)[]>; segment?: () => Promise<FloatMask> } = {}) {
  const calls = { detect: 0, segment: 0, loads: [] as (boolean | undefined)[] };
  const t = setup({
    loadModels: async (_progress, uses) => void calls.loads.push(uses?.person),
    detectFaces: async () => (calls.detect++, overrides.detect === undefined ? [mainFace] : overrides.detect()),
    segmentPerson: async () => (calls.segment++, overrides.segment === undefined ? uniformMask(1) : overrides.segment()),
  });
  const memo = new PhotoMemo<FakeImage>((image) => t.platform.release(image));
  return { t, memo, calls };
}

describe('lookAtPhoto', () => {
  it('decodes, finds the faces and cuts the person once: the sticker after it works out none of them again', async () => {
    const { t, memo, calls } = counted();
    await lookAtPhoto(t.platform, memo, t.photo, true);
    expect([t.decodeCalls.length, calls.detect, calls.segment]).toEqual([1, 1, 1]);
    expect(calls.loads).toEqual([true]);
    // The page sends the photo afresh with the job: the same bytes in a new buffer.
    const result = await runStickerJob(t.platform, ctx('a'), t.photo.slice(0), REQUEST, memo);
    expect([t.decodeCalls.length, calls.detect, calls.segment]).toEqual([1, 1, 1]);
    expect(result.cutout).toEqual({ kind: 'person', fallback: null });
  });

  it('a job that starts while the look is under way waits for it instead of starting over', async () => {
    let found: () => void = () => undefined;
    const { t, memo, calls } = counted({ detect: () => new Promise((resolve) => (found = () => resolve([mainFace]))) });
    const looking = lookAtPhoto(t.platform, memo, t.photo, true);
    const job = runStickerJob(t.platform, ctx('a'), t.photo.slice(0), REQUEST, memo);
    await new Promise((resolve) => setTimeout(resolve, 0));
    found();
    await Promise.all([looking, job]);
    expect([t.decodeCalls.length, calls.detect, calls.segment]).toEqual([1, 1, 1]);
  });

  it('without a person cutout asked for, leaves the segmenter alone; a job that wants the person cuts it then', async () => {
    const { t, memo, calls } = counted();
    await lookAtPhoto(t.platform, memo, t.photo, false);
    expect([t.decodeCalls.length, calls.detect, calls.segment]).toEqual([1, 1, 0]);
    await runStickerJob(t.platform, ctx('a'), t.photo, REQUEST, memo);
    expect([t.decodeCalls.length, calls.detect, calls.segment]).toEqual([1, 1, 1]);
  });

  it('a failure is not kept: the job tries again and reports it in its own stage', async () => {
    const { t, memo, calls } = counted({ detect: async () => [] });
    await expect(lookAtPhoto(t.platform, memo, t.photo, true)).rejects.toMatchObject({ code: 'NO_FACE_FOUND' });
    await expect(runStickerJob(t.platform, ctx('a'), t.photo, REQUEST, memo)).rejects.toMatchObject({ code: 'NO_FACE_FOUND', stage: 'detect-face' });
    expect(calls.detect).toBe(2);
  });

  it('another photo chosen after it lets the first one go', async () => {
    const { t, memo } = counted();
    await lookAtPhoto(t.platform, memo, t.photo, false);
    await lookAtPhoto(t.platform, memo, toArrayBuffer(png(320, 240)), false);
    expect(t.decodeCalls).toHaveLength(2);
    expect(t.released).toEqual([t.image]);
  });

  it('resolves once the faces are known: the person goes on, and the job after it waits for it only in its segment stage', async () => {
    let kept: () => void = () => undefined;
    const { t, memo, calls } = counted({ segment: () => new Promise((resolve) => (kept = () => resolve(uniformMask(1)))) });
    await lookAtPhoto(t.platform, memo, t.photo, true);
    const job = runStickerJob(t.platform, { ...ctx('a'), emit: (e) => t.events.push(e) }, t.photo.slice(0), REQUEST, memo);
    await vi.waitFor(() => expect(stageEvents(t.events)).toContain('warp:end'));
    expect(stageEvents(t.events)).not.toContain('segment:end');
    kept();
    expect((await job).cutout).toEqual({ kind: 'person', fallback: null });
    expect(calls.segment).toBe(1);
  });
});
