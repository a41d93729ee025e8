// The shared public-domain photos (../shared/fixtures, or BIAOQING_FIXTURES_DIR), awkward formats made
// from them by this repo (tests/fixtures), and broken files made in the test itself.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { modelsDir } from '../../../scripts/models-dir.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
export const FIXTURES_DIR = process.env.BIAOQING_FIXTURES_DIR ?? path.resolve(root, '../shared/fixtures');
/** The same folder the build copies models from (scripts/local-assets-plugin.ts). */
export const MODELS_DIR = modelsDir(root);

export function fixture(relative: string): string {
  const file = path.join(FIXTURES_DIR, relative);
  if (!existsSync(file)) throw new Error(`fixture ${file} missing: set BIAOQING_FIXTURES_DIR to the shared fixtures folder`);
  return file;
}

export interface UploadFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

const MIME_TYPES: Record<string, string> = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.heic': 'image/heic' };

function uploadFile(file: string): UploadFile {
  const mimeType = MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  return { name: path.basename(file), mimeType, buffer: readFileSync(file) };
}

export function fixtureFile(relative: string): UploadFile {
  return uploadFile(fixture(relative));
}

/** Files made by this repo (tests/fixtures), each folder's README says how. */
export function repoFixtureFile(relative: string): UploadFile {
  return uploadFile(path.join(root, 'tests/fixtures', relative));
}

/** The first 60% of a real JPEG: what an interrupted download leaves. */
export function truncatedJpeg(): UploadFile {
  const full = readFileSync(fixture('faces/grace_hopper.jpg'));
  return { name: 'half-downloaded.jpg', mimeType: 'image/jpeg', buffer: full.subarray(0, Math.floor(full.length * 0.6)) };
}

export function textNamedPng(): UploadFile {
  return { name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from('这不是图片 — this is not an image\n'.repeat(20)) };
}

export function zeroBytes(): UploadFile {
  return { name: 'empty.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(0) };
}
