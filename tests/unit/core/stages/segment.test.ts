// The person cut through the pipeline: the cutout the request asks for, what it falls back to,
// the person asked for before the face is looked for, and kept round it while the face is warped.

import { describe, expect, it } from 'vitest';
import { runStickerJob } from '../../../../src/core/pipeline.ts';
import type { FloatMask } from '../../../../src/core/image/float-mask.ts';
import { personNearFace } from '../../../../src/core/face/person-cutout.ts';
import { faceOval } from '../../../../src/core/face/landmarks.ts';
import type { GenerateRequest } from '../../../../src/core/sticker-options.ts';
import { PHOTO_INFO, REQUEST, mainFace, uniformMask, setup, stageEvents } from '../../support/fake-platform.ts';

describe('runStickerJob, the cutout', () => {
  const runWith = (t: ReturnType<typeof setup>, request: GenerateRequest) =>
    runStickerJob(t.platform, { jobId: 'j', signal: { aborted: false }, emit: (e) => t.events.push(e), now: () => 0 }, t.photo, request);

  it('a photo sticker cuts out the segmented person by default, and says so', async () => {
    const t = setup();
    const result = await t.run();
    expect(result.cutout).toEqual({ kind: 'person', fallback: null });
    const plan = t.composed[0]![1];
    expect(plan.person?.mask.width).toBe(PHOTO_INFO.width);
    expect(plan.person?.oval).toHaveLength(36);
  });

  it('face only: no segment stage, no person in the plan', async () => {
    const t = setup();
    const result = await runWith(t, { ...REQUEST, cutout: 'face' });
    expect(result.cutout).toEqual({ kind: 'face', fallback: null });
    expect(stageEvents(t.events)).not.toContain('segment:start');
    expect(t.composed[0]![1].person).toBeNull();
  });

  it('nobody segmented over the face falls back to the face oval, with the reason', async () => {
    const t = setup({ segmentPerson: async (_image, oval) => personNearFace(uniformMask(0.1), await oval) });
    const result = await runWith(t, REQUEST);
    expect(result.cutout).toEqual({ kind: 'face', fallback: 'no-person' });
    expect(t.composed[0]![1].person).toBeNull();
  });

  it('a segmenter that cannot load never fails the job: face oval, with the reason', async () => {
    const t = setup({
      segmentPerson: async () => {
        throw new Error('selfie_segmenter.tflite: HTTP 404');
      },
    });
    const result = await runWith(t, REQUEST);
    expect(result.cutout).toEqual({ kind: 'face', fallback: 'segmenter-unavailable' });
    expect(t.composed[0]![1].person).toBeNull();
  });

  it('the panda style keeps its own face crop: no segmenting, no cutout in the result', async () => {
    const t = setup();
    const result = await runWith(t, { ...REQUEST, style: 'panda' });
    expect(result.cutout).toBeNull();
    expect(stageEvents(t.events)).not.toContain('segment:start');
  });
});

describe('runStickerJob, the face and the person at once', () => {
  it('asks for the person before looking for the face, and uses the mask once the face is found', async () => {
    const calls: string[] = [];
    let release: () => void = () => undefined;
    const t = setup({
      segmentPerson: () => {
        calls.push('segment asked');
        // The mask comes only after the face is found, as from another worker.
        return new Promise<FloatMask>((resolve) => (release = () => resolve(uniformMask(1))));
      },
      detectFaces: async () => {
        calls.push('face');
        release();
        return [mainFace];
      },
    });
    const result = await t.run();
    expect(calls).toEqual(['segment asked', 'face']);
    expect(result.cutout).toEqual({ kind: 'person', fallback: null });
  });

  it('gives the platform the oval of the face it found, and warps that face without waiting for its person', async () => {
    const calls: string[] = [];
    let ovalGiven: readonly { x: number; y: number }[] = [];
    let release: () => void = () => undefined;
    const t = setup({
      segmentPerson: async (_image, oval) => {
        ovalGiven = await oval;
        // The person is kept on another core and comes only once the warp has started.
        await new Promise<void>((resolve) => (release = resolve));
        calls.push('person');
        return personNearFace(uniformMask(1), ovalGiven);
      },
      warp: async (image) => {
        calls.push('warp');
        release();
        return image;
      },
    });
    const result = await t.run();
    expect(ovalGiven).toEqual(faceOval(mainFace));
    expect(calls).toEqual(['warp', 'person']);
    expect(result.cutout).toEqual({ kind: 'person', fallback: null });
    expect(stageEvents(t.events).indexOf('segment:end')).toBeGreaterThan(stageEvents(t.events).indexOf('warp:end'));
  });
});
