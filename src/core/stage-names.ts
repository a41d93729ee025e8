// The pipeline's stages, in the order a job runs them: named by the pipeline, the platform's
// backends, the progress events and the UI's checklist.

export const STAGES = [
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
] as const;
export type StageName = (typeof STAGES)[number];
