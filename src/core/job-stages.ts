// Which stages a request runs, decided once: the pipeline follows it and the UI lists it, so the
// progress checklist never shows a stage that will not run.

import { DEFAULT_CUTOUT, type Cutout, type GenerateRequest } from './sticker-options.ts';
import { STAGES, type StageName } from './stage-names.ts';

/** Only the photo and AI styles are cut out by segmentation: panda keeps its close face crop and template slots their face ovals. */
export function cutoutFor(request: GenerateRequest): Cutout | null {
  return request.style !== 'panda' && request.template === undefined ? (request.cutout ?? DEFAULT_CUTOUT) : null;
}

/** The AI redraw works on the photo style's square; animation frames are drawn from the photo, so they are not made for it. */
export function animates(request: GenerateRequest): boolean {
  return request.animate && request.style !== 'ai';
}

export function plannedStages(request: GenerateRequest): StageName[] {
  const skipped = new Set<StageName>();
  if (request.expression === null) skipped.add('warp');
  if (cutoutFor(request) !== 'person') skipped.add('segment');
  if (request.style !== 'ai') skipped.add('redraw');
  if (!animates(request)) {
    skipped.add('animate');
    skipped.add('encode-animation');
  }
  return STAGES.filter((s) => !skipped.has(s));
}
