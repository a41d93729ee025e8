// Results by what made them: the same upload's pixels, words, expression, style, seed, steps, strength and
// model set give the same PNG (the noise is seeded in JavaScript), so a repeat is served, not run.

import { createHash } from 'node:crypto';
import type { ServerGenerateRequest } from '../src/core/server-api.ts';
import type { Storage } from './storage.ts';

export class ResultCache {
  private readonly byKey = new Map<string, string>();

  constructor(private readonly storage: Storage) {}

  static key(imageSha256: string, request: ServerGenerateRequest, models: string): string {
    const { prompt, expression, style, seed, steps, strength } = request;
    return createHash('sha256')
      .update(JSON.stringify([imageSha256, prompt, expression ?? null, style, seed, steps, strength, models]))
      .digest('hex');
  }

  /** The result id, while its file is still there (the sweeper may have removed it). */
  async get(key: string): Promise<string | undefined> {
    const id = this.byKey.get(key);
    if (id === undefined) return undefined;
    if (await this.storage.hasResult(id)) return id;
    this.byKey.delete(key);
    return undefined;
  }

  set(key: string, resultId: string): void {
    this.byKey.set(key, resultId);
  }
}
