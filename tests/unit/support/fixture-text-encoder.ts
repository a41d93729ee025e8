// The repository's fixture text encoders run in Node: the browser platform's own encoder code
// (src/platform/browser/text/clip-text-encoder.ts) on onnxruntime-node, with the same tokenizer files
// and ONNX graph the worker runs, read from disk (a derived tokenizer made as the build makes it)
// and checked against the manifest like the app checks them.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expressionAnchors } from '../../../src/core/expression/anchors.ts';
import { rankExpressions, type AnchorEmbedding } from '../../../src/core/expression/embedding-match.ts';
import { modelEntry } from '../../../src/core/models/manifest.ts';
import { TEXT_ENCODERS } from '../../../src/core/models/text-encoders.ts';
import { createTextEncoder } from '../../../src/platform/browser/text/clip-text-encoder.ts';
import { deriveModel } from '../../../scripts/derived-models.ts';
import { modelsDir } from '../../../scripts/models-dir.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));

export function checkedBytes(id: string): Uint8Array {
  const entry = modelEntry(id);
  const file = path.join(entry.source === 'repo' ? path.join(root, 'models') : modelsDir(root), entry.file);
  const bytes = entry.derivedFrom === undefined ? readFileSync(file) : deriveModel(id, checkedBytes(entry.derivedFrom));
  const sha = createHash('sha256').update(bytes).digest('hex');
  if (sha !== entry.sha256) throw new Error(`${file}: SHA-256 ${sha}, manifest says ${entry.sha256}`);
  return new Uint8Array(bytes);
}

export async function loadFixtureTextEncoder(
  id: 'clip-text-fixture' | 'chinese-clip-fixture' = 'clip-text-fixture',
): Promise<(texts: readonly string[]) => Promise<Float32Array[]>> {
  const spec = TEXT_ENCODERS[id];
  const files = new Map(Object.entries(spec.files).map(([file, fileId]) => [file, checkedBytes(fileId)]));
  const encoder = await createTextEncoder(spec, files, 'cpu');
  return (texts) => encoder.embed(texts);
}

/** A fixture encoder's nearest expression for each text, against every expression's anchors embedded once. */
export async function nearestExpressions(
  embed: (texts: readonly string[]) => Promise<Float32Array[]>,
): Promise<(texts: readonly string[]) => Promise<string[]>> {
  const table = expressionAnchors();
  const vectors = await embed(table.map((a) => a.text));
  const anchors: AnchorEmbedding[] = table.map((a, i) => ({ expressionId: a.expressionId, embedding: vectors[i] ?? new Float32Array() }));
  return async (texts) => (await embed(texts)).map((vector) => rankExpressions(vector, anchors)[0]?.expressionId ?? '');
}
