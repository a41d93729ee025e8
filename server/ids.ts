// Upload, job and result ids: 128 random bits as base64url, so they cannot be guessed, and checked
// by one pattern before they name a file, so no id can walk out of the data folder.

import { randomBytes } from 'node:crypto';

/** 22 base64url characters; also the routes' schema pattern (schemas.ts). */
export const ID_PATTERN = '^[A-Za-z0-9_-]{22}$';
const ID = new RegExp(ID_PATTERN, 'u');

export function newId(): string {
  return randomBytes(16).toString('base64url');
}

export function isId(value: unknown): value is string {
  return typeof value === 'string' && ID.test(value);
}
