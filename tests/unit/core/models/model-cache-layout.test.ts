// The pure parts of the model manager: the cache layout.
import { describe, expect, it } from 'vitest';
import {
  isModelCacheRecord,
  modelChunkKey,
  modelIdPrefix,
  modelKeyPrefix,
  modelRecordKey,
  storedBytes,
  type ModelCacheRecord,
} from '../../../../src/core/models/model-cache-layout.ts';

const MB = 2 ** 20;

describe('model cache layout', () => {
  const model = { id: 'clip-text-q8', sha256: 'ab'.repeat(32) };
  const record: ModelCacheRecord = {
    layout: 1,
    id: model.id,
    sha256: model.sha256,
    total: 10 * MB,
    chunks: [
      { bytes: 4 * MB, sha256: '00'.repeat(32) },
      { bytes: 1000, sha256: '11'.repeat(32) },
    ],
    complete: false,
    updatedAt: 1,
  };

  it('keys every part of a version under one prefix, every version under the id', () => {
    for (const key of [modelRecordKey(model), modelChunkKey(model, 0), modelChunkKey(model, 12)]) {
      expect(key.startsWith(modelKeyPrefix(model))).toBe(true);
      expect(key.startsWith(modelIdPrefix(model.id))).toBe(true);
    }
    expect(modelChunkKey(model, 1)).not.toBe(modelChunkKey(model, 11));
    expect(modelKeyPrefix({ ...model, sha256: 'cd'.repeat(32) }).startsWith(modelKeyPrefix(model))).toBe(false);
    expect(modelIdPrefix('clip-text').length).toBeLessThan(modelIdPrefix(model.id).length);
    expect(modelKeyPrefix(model).startsWith(modelIdPrefix('clip-text'))).toBe(false);
  });

  it('counts the stored bytes and accepts only well-formed records', () => {
    expect(storedBytes(record)).toBe(4 * MB + 1000);
    expect(isModelCacheRecord(record)).toBe(true);
    expect(isModelCacheRecord({ ...record, layout: 2 })).toBe(false);
    expect(isModelCacheRecord({ ...record, chunks: [{ bytes: 0, sha256: '' }] })).toBe(false);
    expect(isModelCacheRecord({ ...record, total: 100 })).toBe(false);
    expect(isModelCacheRecord(new Blob(['old single-blob entry']))).toBe(false);
    expect(isModelCacheRecord(null)).toBe(false);
  });
});
