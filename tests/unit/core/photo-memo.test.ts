// The photo memo in the pipeline: a photo's decode, faces and person worked out once across jobs,
// failures not kept.

import { describe, expect, it } from 'vitest';
import { runStickerJob, type JobContext } from '../../../src/core/pipeline.ts';
import { PhotoMemo } from '../../../src/core/photo-memo.ts';
import { png, toArrayBuffer } from '../support/image-bytes.ts';
import type { FakeImage } from '../support/fake-platform.ts';
import { REQUEST, mainFace, uniformMask, setup, failure } from '../support/fake-platform.ts';

describe('runStickerJob, with a photo memo kept across jobs', () => {
  const ctx = (jobId: string): JobContext => ({ jobId, signal: { aborted: false }, emit: () => undefined, now: () => 0 });

  it('decodes, finds faces and segments a photo once while other words are tried on it', async () => {
    let detects = 0;
    let segments = 0;
    const t = setup({
      detectFaces: async () => (detects++, [mainFace]),
      segmentPerson: async () => (segments++, uniformMask(1)),
    });
    const memo = new PhotoMemo<FakeImage>((image) => t.platform.release(image));
    await runStickerJob(t.platform, ctx('a'), t.photo, REQUEST, memo);
    // The same bytes, as a new copy: the page sends the photo afresh with each job.
    const second = await runStickerJob(t.platform, ctx('b'), t.photo.slice(0), { ...REQUEST, expression: { id: 'surprised', intensity: 1 } }, memo);
    expect([t.decodeCalls.length, detects, segments]).toEqual([1, 1, 1]);
    expect(second.expression).toMatchObject({ id: 'surprised' });
    // The photo's pixels stay with the memo; only each job's warped picture is released.
    expect(t.released).toEqual([t.warped, t.warped]);

    const other = toArrayBuffer(png(320, 240));
    await runStickerJob(t.platform, ctx('c'), other, REQUEST, memo);
    expect([t.decodeCalls.length, detects, segments]).toEqual([2, 2, 2]);
    expect(t.released.filter((img) => img === t.image)).toHaveLength(1);
    memo.clear();
    expect(t.released.filter((img) => img === t.image)).toHaveLength(2);
  });

  it('a failure is not kept: the next job on the same photo tries again', async () => {
    let detects = 0;
    let segments = 0;
    const t = setup({
      detectFaces: async () => (++detects === 1 ? [] : [mainFace]),
      segmentPerson: async () => {
        // The first job asks (and fails on the face); the second finds the segmenter offline.
        if (++segments === 2) throw new Error('segmenter offline');
        return uniformMask(1);
      },
    });
    const memo = new PhotoMemo<FakeImage>((image) => t.platform.release(image));
    expect((await failure(runStickerJob(t.platform, ctx('a'), t.photo, REQUEST, memo))).code).toBe('NO_FACE_FOUND');
    const fallback = await runStickerJob(t.platform, ctx('b'), t.photo, REQUEST, memo);
    expect(fallback.cutout).toEqual({ kind: 'face', fallback: 'segmenter-unavailable' });
    const person = await runStickerJob(t.platform, ctx('c'), t.photo, REQUEST, memo);
    expect(person.cutout).toEqual({ kind: 'person', fallback: null });
    expect([t.decodeCalls.length, detects, segments]).toEqual([1, 2, 3]);
  });
});
