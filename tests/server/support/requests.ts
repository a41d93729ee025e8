// What the server tests send: the fixture photos, a valid AI request, and reading an error or an
// upload's id from a response.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { upload } from './harness.ts';

export const FACES = fileURLToPath(new URL('../../../../shared/fixtures/faces/', import.meta.url));
export const JPEG = new Uint8Array(readFileSync(path.join(FACES, 'grace_hopper.jpg')));
export const PNG = new Uint8Array(readFileSync(path.join(FACES, 'astronaut.png')));
export const ID = /^[A-Za-z0-9_-]{22}$/u;
export const REQUEST = { prompt: '开心大笑', style: 'ai', seed: 7, steps: 2, strength: 0.5 };

export async function errorOf(response: Response): Promise<{ code: string; message: string; reason?: string }> {
  const body = (await response.json()) as { error: { code: string; message: string; reason?: string } };
  return body.error;
}

export async function uploadId(base: string, file: Uint8Array = PNG): Promise<string> {
  const response = await upload(base, file);
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}
