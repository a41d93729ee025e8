import type { Platform } from '../../../src/core/platform.ts';
import { measure } from './measure.ts';

/** alignStage uses measureCaption only; anything else it touches should fail the test. */
export function measuringPlatform(): Platform<never, never> {
  const unused = () => {
    throw new Error('alignStage must only measure text');
  };
  return {
    backend: unused,
    fetchModels: unused,
    loadModels: unused,
    decode: unused,
    detectFaces: unused,
    segmentPerson: unused,
    captionFonts: unused,
    warp: unused,
    measureCaption: measure,
    compose: unused,
    encodePng: unused,
    rgba: unused,
    encodeWebp: unused,
    cropAligned: unused,
    pasteAligned: unused,
    redrawer: unused,
    release: unused,
  };
}
