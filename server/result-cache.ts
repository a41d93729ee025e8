// Results by what made them: the same upload's pixels, words, expression, style, seed, steps, strength and
// model set give the same PNG (the noise is seeded in JavaScript), so a repeat is served, not run.
// The keys live in this process, or in Redis when the server is scaled out (any worker fills it,
// any worker reads it).

import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { ServerGenerateRequest } from '../src/core/server-api.ts';
import { isExpired } from './retention.ts';
import type { Storage } from './storage.ts';

/** Where the keys are kept: result ids by key. */
export interface CacheStore {
  get(key: string): Promise<string | null>;
  set(key: string, resultId: string): Promise<void>;
  delete(key: string): Promise<void>;
}

export function memoryCacheStore(): CacheStore {
  const byKey = new Map<string, string>();
  return {
    get: async (key) => byKey.get(key) ?? null,
    set: async (key, id) => void byKey.set(key, id),
    delete: async (key) => void byKey.delete(key),
  };
}

/** Keys expire with the results they name (RETENTION_HOURS). */
export function redisCacheStore(redis: Redis, retentionMs: number): CacheStore {
  const name = (key: string): string => `bq:cache:${key}`;
  return {
    get: (key) => redis.get(name(key)),
    set: async (key, id) => void (await redis.set(name(key), id, 'PX', Math.max(1, Math.round(retentionMs)))),
    delete: async (key) => void (await redis.del(name(key))),
  };
}

export class ResultCache {
  constructor(
    private readonly storage: Storage,
    private readonly retentionMs: number,
    private readonly store: CacheStore = memoryCacheStore(),
  ) {}

  static key(imageSha256: string, request: ServerGenerateRequest, models: string): string {
    const { prompt, expression, style, seed, steps, strength } = request;
    return createHash('sha256')
      .update(JSON.stringify([imageSha256, prompt, expression ?? null, style, seed, steps, strength, models]))
      .digest('hex');
  }

  /** The result id, while its file is there and not past the retention (a repeat never gets a URL that answers 410). */
  async get(key: string): Promise<string | undefined> {
    const id = await this.store.get(key);
    if (id === null) return undefined;
    const createdAt = await this.storage.resultCreatedAt(id);
    if (createdAt !== null && !isExpired(createdAt, this.retentionMs)) return id;
    await this.store.delete(key);
    return undefined;
  }

  async set(key: string, resultId: string): Promise<void> {
    await this.store.set(key, resultId);
  }
}
