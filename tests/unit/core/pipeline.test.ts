import { describe, expect, it } from 'vitest';
import { StickerError } from '../../../src/core/errors.ts';
import type { FaceLandmarks } from '../../../src/core/face/landmarks.ts';
import { applySimilarity } from '../../../src/core/geometry/similarity.ts';
import { MAX_WORKING_SIDE } from '../../../src/core/image/fit-within.ts';
import { runStickerJob, type JobContext } from '../../../src/core/pipeline.ts';
import { STAGES } from '../../../src/core/stage-names.ts';
import { STICKER_SIZE, eyeTargetsPx } from '../../../src/core/sticker-layout.ts';
import { scalePlan } from '../../../src/core/scale-plan.ts';
import { toArrayBuffer } from '../support/image-bytes.ts';
import type { StillStage } from '../support/fake-platform.ts';
import { PHOTO_INFO, REQUEST, rightEye, leftEye, mainFace, STILL_STAGES, COST, TIMED, setup, failure, stageEvents } from '../support/fake-platform.ts';

describe('runStickerJob, when all goes well', () => {
  it('emits start and end for each stage, in order', async () => {
    const t = setup();
    await t.run();
    expect(stageEvents(t.events)).toEqual(STILL_STAGES.flatMap((s) => [`${s}:start`, `${s}:end`]));
    expect(STAGES).toEqual([
      'load-models',
      'decode',
      'detect-face',
      'expression',
      'warp',
      'segment',
      'align',
      'redraw',
      'compose',
      'encode',
      'animate',
      'encode-animation',
      'export',
    ]);
  });

  it('tags stage events with the job id and the platform’s backend, and ends with the time taken', async () => {
    const t = setup();
    await t.run();
    for (const e of t.events) {
      if (e.type !== 'stage') continue;
      expect(e.jobId).toBe('job-7');
      expect(e.backend).toBe(`fake-${e.stage}`);
      if (e.phase === 'end') expect(e.ms).toBe(TIMED[e.stage as StillStage]);
      else expect(e).not.toHaveProperty('ms');
    }
  });

  it('records timings from the injected clock, and the backends', async () => {
    const result = await setup().run();
    expect(result.timings).toEqual(TIMED);
    // Inside the export stage, only the HD redraw costs anything on the fake clock.
    expect(result.exports.ms).toEqual({ wechat: 0, whatsapp: 0, telegram: 0, hd: COST.compose + COST.encode });
    expect(result.backends).toEqual(Object.fromEntries(STILL_STAGES.map((s) => [s, `fake-${s}`])));
  });

  it('passes model download progress on as download events, inside load-models', async () => {
    const t = setup();
    await t.run();
    expect(t.events.filter((e) => e.type === 'download')).toEqual([
      { type: 'download', model: 'face_landmarker', loaded: 0, total: 100, cached: false, bytesPerSecond: null, secondsLeft: null },
      { type: 'download', model: 'face_landmarker', loaded: 100, total: 100, cached: false, bytesPerSecond: 1000, secondsLeft: 0 },
    ]);
    const kinds = t.events.slice(0, 4).map((e) => (e.type === 'stage' ? `${e.stage}:${e.phase}` : e.type));
    expect(kinds).toEqual(['load-models:start', 'download', 'download', 'load-models:end']);
  });

  it('decodes the sniffed format at the working size', async () => {
    const t = setup();
    await t.run();
    expect(t.decodeCalls).toEqual([[t.photo, 'png', MAX_WORKING_SIDE]]);
  });

  it('composes the warped image with the aligned plan and encodes that surface', async () => {
    const t = setup();
    const result = await t.run();
    // The sticker, then the same plan redrawn at twice the size for the HD files.
    expect(t.composed).toHaveLength(2);
    const [img, plan] = t.composed[0]!;
    // The expression's warped photo is what gets composed.
    expect(img).toBe(t.warped);
    expect(plan.size).toBe(STICKER_SIZE);
    expect(plan.caption.lines).toEqual(['我太难了']);
    expect(t.composed[1]).toEqual([t.warped, scalePlan(plan, 2)]);
    expect(t.encoded).toEqual([
      { image: t.warped, plan },
      { image: t.warped, plan: scalePlan(plan, 2) },
    ]);
    expect(result.png).toBe(t.pngOut);
    expect(result.expression).toEqual({ id: 'smile', intensity: 1, applied: 1 });
  });

  it('with no expression the photo is composed as decoded: no warp stage, nothing extra to release', async () => {
    const t = setup();
    const result = await runStickerJob(t.platform, { jobId: 'j', signal: { aborted: false }, emit: (e) => t.events.push(e), now: () => 0 }, t.photo, {
      ...REQUEST,
      expression: null,
    });
    expect(t.composed[0]![0]).toBe(t.image);
    expect(t.released).toEqual([t.image]);
    expect(result.expression).toBeNull();
    expect(stageEvents(t.events)).not.toContain('warp:start');
  });

  it('an unknown expression id is an error at the expression stage', async () => {
    const t = setup();
    const run = runStickerJob(t.platform, { jobId: 'j', signal: { aborted: false }, emit: () => undefined, now: () => 0 }, t.photo, {
      ...REQUEST,
      expression: { id: 'no-such-face', intensity: 1 },
    });
    expect((await failure(run)).stage).toBe('expression');
    expect(t.released).toEqual([t.image]);
  });

  it('returns the result: size, photo info, faces found, and the eyes found in the working photo', async () => {
    const result = await setup().run();
    expect(result).toMatchObject({ jobId: 'job-7', width: STICKER_SIZE, height: STICKER_SIZE, photo: PHOTO_INFO, facesFound: 2 });
    // StickerResult.eyes is in working-photo pixels: those of the larger face, not the small one.
    expect(result.eyes).toEqual([rightEye, leftEye]);
  });

  it('the plan handed to compose puts those eyes on the sticker’s eye targets', async () => {
    const t = setup();
    const result = await t.run();
    const plan = t.composed[0]![1];
    const targets = eyeTargetsPx();
    result.eyes.forEach((eye, i) => {
      const onSticker = applySimilarity(plan.transform, eye);
      expect(Math.abs(onSticker.x - targets[i]!.x)).toBeLessThan(1e-9);
      expect(Math.abs(onSticker.y - targets[i]!.y)).toBeLessThan(1e-9);
    });
  });

  it('releases the decoded image exactly once', async () => {
    const t = setup();
    await t.run();
    expect(t.released).toEqual([t.image, t.warped]);
    expect(t.released[0]).toBe(t.image);
    expect(t.released[1]).toBe(t.warped);
  });
});

describe('runStickerJob, when something fails', () => {
  it('no face → NO_FACE_FOUND at detect-face, image released once', async () => {
    const t = setup({ detectFaces: async () => [] as FaceLandmarks[] });
    const error = await failure(t.run());
    expect(error.code).toBe('NO_FACE_FOUND');
    expect(error.stage).toBe('detect-face');
    expect(t.released).toEqual([t.image]);
    // The failing stage started but never ended, and nothing after it ran.
    expect(stageEvents(t.events).slice(-2)).toEqual(['decode:end', 'detect-face:start']);
    expect(t.composed).toEqual([]);
  });

  it('an already-aborted signal → ABORTED before anything runs', async () => {
    let loaded = false;
    const t = setup(
      {
        loadModels: async () => {
          loaded = true;
        },
      },
      { aborted: true },
    );
    const error = await failure(t.run());
    expect(error.code).toBe('ABORTED');
    expect(error.stage).toBe('load-models');
    expect(error.toInfo().retryable).toBe(true);
    expect(loaded).toBe(false);
    expect(t.events).toEqual([]);
    expect(t.released).toEqual([]);
  });

  it('abort during face detection stops before the next stage, and still releases the image once', async () => {
    const signal = { aborted: false };
    const t = setup(
      {
        detectFaces: async () => {
          signal.aborted = true;
          return [mainFace];
        },
      },
      signal,
    );
    const error = await failure(t.run());
    expect(error.code).toBe('ABORTED');
    expect(error.stage).toBe('expression');
    expect(stageEvents(t.events).at(-1)).toBe('detect-face:end');
    expect(t.released).toEqual([t.image]);
  });

  it('abort during the last stage still rejects the job rather than return a result', async () => {
    const signal = { aborted: false };
    const t = setup(
      {
        encodeWebp: async () => {
          signal.aborted = true;
          return new ArrayBuffer(1);
        },
      },
      signal,
    );
    expect(await failure(t.run())).toMatchObject({ code: 'ABORTED', stage: 'export' });
    expect(t.released).toEqual([t.image, t.warped]);
  });

  it('a decoder that throws a plain Error → BAD_INPUT, reason undecodable, at decode', async () => {
    const t = setup({
      decode: async () => {
        throw new Error('EncodingError: the source image cannot be decoded');
      },
    });
    const error = await failure(t.run());
    expect(error.code).toBe('BAD_INPUT');
    expect(error.reason).toBe('undecodable');
    expect(error.stage).toBe('decode');
    expect(error.message).toMatch(/png.*cannot be decoded/);
    expect(t.released).toEqual([]); // nothing was decoded, so nothing to release
  });

  it('a StickerError from the decoder passes through unchanged', async () => {
    const oom = new StickerError('OUT_OF_MEMORY', 'no memory for 2048×1536', { stage: 'decode' });
    const t = setup({
      decode: async () => {
        throw oom;
      },
    });
    expect(await failure(t.run())).toBe(oom);
  });

  it('bytes that are not an image never reach the decoder', async () => {
    let decoded = false;
    const t = setup({
      decode: async () => {
        decoded = true;
        throw new Error('unreachable');
      },
    });
    const ctx: JobContext = { jobId: 'j', signal: { aborted: false }, emit: () => {}, now: () => 0 };
    const text = toArrayBuffer(new TextEncoder().encode('hello, not a photo'));
    const error = await failure(runStickerJob(t.platform, ctx, text, REQUEST));
    expect(error.code).toBe('BAD_INPUT');
    expect(error.reason).toBe('not-image');
    expect(decoded).toBe(false);
  });

  it('a throw inside compose → INTERNAL at compose, both images released once', async () => {
    const t = setup({
      compose: async () => {
        throw new TypeError('ctx.drawImage is not a function');
      },
    });
    const error = await failure(t.run());
    expect(error.code).toBe('INTERNAL');
    expect(error.stage).toBe('compose');
    expect(error.message).toBe('ctx.drawImage is not a function');
    expect(t.released).toEqual([t.image, t.warped]);
    expect(t.encoded).toEqual([]);
  });

  it('a thrown non-Error becomes INTERNAL with its text', async () => {
    const t = setup({
      encodePng: async () => {
        throw 'canvas exploded';
      },
    });
    const error = await failure(t.run());
    expect(error).toMatchObject({ code: 'INTERNAL', stage: 'encode', message: 'canvas exploded' });
    expect(t.released).toEqual([t.image, t.warped]);
  });

  it('a model download failure passes through and nothing is decoded', async () => {
    const t = setup({
      loadModels: async () => {
        throw new StickerError('MODEL_DOWNLOAD_FAILED', 'HTTP 503', { stage: 'load-models' });
      },
    });
    const error = await failure(t.run());
    expect(error.code).toBe('MODEL_DOWNLOAD_FAILED');
    expect(t.decodeCalls).toEqual([]);
    expect(t.released).toEqual([]);
  });

  it('only the stages that finished before a failure get an end event', async () => {
    const t = setup({
      encodePng: async () => {
        throw new Error('quota');
      },
    });
    await failure(t.run());
    const ended = t.events.flatMap((e) => (e.type === 'stage' && e.phase === 'end' ? [e.stage] : []));
    expect(ended).toEqual(['load-models', 'decode', 'detect-face', 'expression', 'warp', 'segment', 'align', 'compose']);
  });
});

describe('runStickerJob, animated', () => {
  it('draws every frame with progress events, then encodes a GIF and a WebP', async () => {
    const t = setup();
    const ctx: JobContext = { jobId: 'job-8', signal: { aborted: false }, emit: (e) => t.events.push(e), now: () => 0 };
    const result = await runStickerJob(t.platform, ctx, t.photo, { ...REQUEST, animate: true });
    const progress = t.events.flatMap((e) => (e.type === 'progress' ? [`${e.stage} ${e.done}/${e.total}`] : []));
    expect(progress).toEqual(Array.from({ length: 12 }, (_, i) => `animate ${i + 1}/12`));
    expect(stageEvents(t.events).slice(-6)).toEqual([
      'animate:start',
      'animate:end',
      'encode-animation:start',
      'encode-animation:end',
      'export:start',
      'export:end',
    ]);
    expect(result.animation).toMatchObject({ frames: 12, frameMs: 90, gifSize: 240, webpSize: STICKER_SIZE });
    const gif = new Uint8Array(result.animation!.gif);
    expect(String.fromCharCode(...gif.subarray(0, 6))).toBe('GIF89a');
    const animated = new Uint8Array(result.animation!.webp);
    expect(String.fromCharCode(...animated.subarray(12, 16))).toBe('VP8X');
    // Every warped picture (the still's and each frame's) is released again, once.
    expect(t.released.filter((img) => img === t.warped)).toHaveLength(t.warps.length);
  });

  it('every animation frame puts the caption where the still has it (free placement too)', async () => {
    const t = setup();
    const ctx: JobContext = { jobId: 'job-9', signal: { aborted: false }, emit: () => undefined, now: () => 0 };
    const captionPlacement = { kind: 'free', x: 0.3, y: 0.2 } as const;
    await runStickerJob(t.platform, ctx, t.photo, { ...REQUEST, animate: true, captionPlacement });
    // The still, its 12 frames, then the HD redraw (the still's plan at twice the size).
    const [still, ...frames] = t.composed.slice(0, -1).map(([, plan]) => plan.caption);
    expect(frames).toHaveLength(12);
    expect(t.composed.at(-1)![1].caption).toEqual(scalePlan(t.composed[0]![1], 2).caption);
    expect(still!.centerX).toBeLessThan(STICKER_SIZE / 2);
    expect(still!.baselineY[0]).toBeLessThan(STICKER_SIZE / 2);
    for (const frame of frames) expect(frame).toEqual(still);
  });

  it('a still job makes no animation', async () => {
    expect((await setup().run()).animation).toBeNull();
  });
});
