import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import manifest from '../../../models/manifest.json' with { type: 'json' };
import { deriveModel } from '../../../scripts/derived-models.ts';
import { modelsDir } from '../../../scripts/models-dir.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const published = manifest.models.find((m) => m.id === 'face-landmarker')!;
const lean = manifest.models.find((m) => m.id === 'face-landmarker-lean')!;

describe('derived model files', () => {
  it('the lean face landmarker is the published bundle less its blendshapes network, to the manifest’s SHA-256', () => {
    const original = readFileSync(path.join(modelsDir(root), published.file));
    const derived = deriveModel(lean.id, original);
    expect(derived.length).toBe(lean.bytes);
    expect(createHash('sha256').update(derived).digest('hex')).toBe(lean.sha256);
    const before = unzipSync(original);
    const after = unzipSync(derived);
    expect(Object.keys(after)).toEqual(Object.keys(before).filter((name) => name !== 'face_blendshapes.tflite'));
    for (const [name, bytes] of Object.entries(after)) expect(Buffer.from(bytes).equals(Buffer.from(before[name]!))).toBe(true);
  });

  it('refuses a bundle that has no blendshapes network to take out', () => {
    const bundle = zipSync({ 'face_detector.tflite': new Uint8Array(8) });
    expect(() => deriveModel(lean.id, bundle)).toThrow(/no face_blendshapes\.tflite/);
  });
});
