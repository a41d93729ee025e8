// Merges the real AI-redraw models written by export_real.py into models/manifest.json, as files
// served from the model base URL (source "hosted"):
//   npx tsx models/diffusion/pin-exported.ts DIR/exported.json

import { readFileSync } from 'node:fs';
import { pinInManifest } from '../pin-in-manifest.ts';

interface ExportedFile {
  id: string;
  variant: 'fp16' | 'q8';
  file: string;
  bytes: number;
  sha256: string;
  largestTensorBytes: number;
  license: string;
  description: string;
}

const listPath = process.argv[2];
if (listPath === undefined) throw new Error('usage: npx tsx models/diffusion/pin-exported.ts DIR/exported.json');
const exported = JSON.parse(readFileSync(listPath, 'utf8')) as { model: string; vae: string; files: ExportedFile[] };

const entries = exported.files.map((f) => {
  if (!/^[0-9a-f]{64}$/.test(f.sha256) || !(f.bytes > 0) || !(f.largestTensorBytes > 0)) throw new Error(`${f.id}: incomplete entry in ${listPath}`);
  const entry = {
    id: f.id,
    stage: 'redraw',
    runtime: 'onnxruntime-web',
    source: 'hosted',
    file: f.file,
    bytes: f.bytes,
    sha256: f.sha256,
    dtype: f.variant,
    license: f.license,
    url: null,
    description: `${f.description}; exported by models/diffusion/export_real.py from ${f.id.startsWith('taesd') ? exported.vae : exported.model}`,
    largestTensorBytes: f.largestTensorBytes,
  };
  console.log(`pinned ${f.id}: ${f.file}, ${f.bytes} bytes, largest tensor ${f.largestTensorBytes} bytes`);
  return entry;
});
pinInManifest(entries);
