// Results by what made them: the same upload's pixels, words, expression, style, seed, steps, strength and
// model set give the same PNG (the noise is seeded in JavaScript), so a repeat is served, not run.

import { createHash } from 'node:crypto';
import type { ServerGenerateRequest } from '../src/core/server-api.ts';
import { isExpired } from './retention.ts';
import type { Storage } from './storage.ts';

export class ResultCache {
  private readonly byKey = new Map<string, string>();

  constructor(
    private readonly storage: Storage,
    private readonly retentionMs: number,
  ) {}

  static key(imageSha256: string, request: ServerGenerateRequest, models: string): string {
    const { prompt, expression, style, seed, steps, strength } = request;
    return createHash('sha256')
      .update(JSON.stringify([imageSha256, prompt, expression ?? null, style, seed, steps, strength, models]))
      .digest('hex');
  }

  /** The result id, while its file is there and not past the retention (a repeat never gets a URL that answers 410). */
  async get(key: string): Promise<string | undefined> {
    const id = this.byKey.get(key);
    if (id === undefined) return undefined;
    const createdAt = await this.storage.resultCreatedAt(id);
    if (createdAt !== null && !isExpired(createdAt, this.retentionMs)) return id;
    this.byKey.delete(key);
    return undefined;
  }

  set(key: string, resultId: string): void {
    this.byKey.set(key, resultId);
  }
}
