import { describe, expect, it } from 'vitest';
import { cutoutFor, plannedStages } from '../../../src/core/job-stages.ts';
import type { GenerateRequest } from '../../../src/core/sticker-options.ts';

const base: GenerateRequest = { prompt: '', expression: null, caption: '', style: 'photo', animate: false };

describe('plannedStages', () => {
  it('a plain photo sticker with no expression: segment (person by default), no warp, no animation', () => {
    expect(plannedStages(base)).toEqual(['load-models', 'decode', 'detect-face', 'expression', 'segment', 'align', 'compose', 'encode', 'export']);
  });

  it('an expression adds the warp; animate adds the frames and their encoding', () => {
    const stages = plannedStages({ ...base, expression: { id: 'smile', intensity: 1 }, animate: true });
    expect(stages).toContain('warp');
    expect(stages).toContain('animate');
    expect(stages).toContain('encode-animation');
  });

  it('no segmenter for face only, for 熊猫头, or in a template', () => {
    for (const request of [
      { ...base, cutout: 'face' as const },
      { ...base, style: 'panda' as const },
      { ...base, template: 'animal-cat' },
    ]) {
      expect(plannedStages(request)).not.toContain('segment');
    }
    expect(cutoutFor({ ...base, cutout: 'face' })).toBe('face');
    expect(cutoutFor({ ...base, style: 'panda' })).toBeNull();
    expect(cutoutFor({ ...base, template: 'animal-cat' })).toBeNull();
  });
});
