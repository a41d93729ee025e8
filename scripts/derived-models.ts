// Model files this repository derives from published ones, byte for byte reproducible so the
// manifest can pin them by SHA-256. Each is served beside the app; where it is not (a build without
// the published file), the app loads the published file itself (ModelEntry.derivedFrom).

import { unzipSync, zipSync, type Zippable } from 'fflate';
import { TOKENIZER_DERIVATIONS } from '../src/platform/transformers/bert-tokenizer-files.ts';

/**
 * face_landmarker.task without face_blendshapes.tflite (0.96 of its 3.76 MB): the app asks for
 * landmarks only, and MediaPipe's graph runs the blendshapes network only when the bundle has it.
 * Same files, same order, stored uncompressed as the original is.
 */
function withoutBlendshapes(task: Uint8Array): Uint8Array {
  const files = unzipSync(task);
  if (files['face_blendshapes.tflite'] === undefined) throw new Error('face_landmarker.task has no face_blendshapes.tflite');
  // The original's timestamp, from local date parts: zip stores local time, so this is the same in every time zone.
  const mtime = new Date(2023, 4, 3, 18, 1, 0);
  const kept: Zippable = {};
  for (const [name, bytes] of Object.entries(files)) {
    if (name !== 'face_blendshapes.tflite') kept[name] = [bytes, { level: 0, mtime }];
  }
  return zipSync(kept);
}

const DERIVATIONS: Record<string, (original: Uint8Array) => Uint8Array> = {
  'face-landmarker-lean': withoutBlendshapes,
  ...TOKENIZER_DERIVATIONS,
};

export function deriveModel(id: string, original: Uint8Array): Uint8Array {
  const derive = DERIVATIONS[id];
  if (derive === undefined) throw new Error(`no derivation for model ${id}`);
  return derive(original);
}
