// The pure parts of the model manager: speed and time left, the room check, the cache layout.
import { describe, expect, it } from 'vitest';
import { DownloadRate, sumProgress } from '../../src/core/models/download-rate.ts';
import { storageMargin, storageShortfall } from '../../src/core/models/storage-budget.ts';
import { isModelCacheRecord, modelChunkKey, modelIdPrefix, modelKeyPrefix, modelRecordKey, storedBytes, type ModelCacheRecord } from '../../src/core/models/model-cache-layout.ts';

const MB = 2 ** 20;

describe('DownloadRate', () => {
  it('says nothing until a quarter second of data, then bytes per second and time left', () => {
    const rate = new DownloadRate();
    rate.add(1000, 100_000);
    expect(rate.bytesPerSecond()).toBeNull();
    expect(rate.secondsLeft(1)).toBeNull();
    rate.add(1100, 100_000);
    expect(rate.bytesPerSecond()).toBeNull();
    rate.add(1500, 400_000);
    // 500 000 bytes after the first sample, over 500 ms.
    expect(rate.bytesPerSecond()).toBeCloseTo(1_000_000);
    expect(rate.secondsLeft(3_000_000)).toBeCloseTo(3);
  });

  it('follows the last few seconds, not the whole download', () => {
    const rate = new DownloadRate();
    for (let t = 0; t <= 10_000; t += 100) rate.add(t, 1_000_000 / 10); // 1 MB/s for 10 s
    expect(rate.bytesPerSecond()).toBeCloseTo(1_000_000, -3);
    for (let t = 10_100; t <= 20_000; t += 100) rate.add(t, 100_000 / 10); // then 100 kB/s
    expect(rate.bytesPerSecond()).toBeCloseTo(100_000, -3);
  });
});

describe('sumProgress', () => {
  const file = (model: string, loaded: number, total: number, bytesPerSecond: number | null, cached = false) => ({
    model,
    loaded,
    total,
    cached,
    bytesPerSecond,
    secondsLeft: null,
  });

  it('sums bytes, takes the speed of the files still arriving, and the time for all that is left', () => {
    const sum = sumProgress([file('tokenizer', 2 * MB, 2 * MB, 5 * MB, true), file('weights', 10 * MB, 60 * MB, 5 * MB)]);
    expect(sum).toEqual({ loaded: 12 * MB, total: 62 * MB, cached: false, bytesPerSecond: 5 * MB, secondsLeft: 10 });
  });

  it('has no speed or time before a file has one, and no time left once all is there', () => {
    expect(sumProgress([file('weights', MB, 60 * MB, null)])).toMatchObject({ bytesPerSecond: null, secondsLeft: null });
    expect(sumProgress([file('a', MB, MB, null, true), file('b', 2, 2, null, true)])).toEqual({ loaded: MB + 2, total: MB + 2, cached: true, bytesPerSecond: null, secondsLeft: 0 });
  });
});

describe('storageShortfall', () => {
  it('passes what fits with the margin, and says what is needed and free otherwise', () => {
    expect(storageShortfall(100 * MB, { usage: 0, quota: 200 * MB })).toBeNull();
    expect(storageShortfall(100 * MB, { usage: 50 * MB, quota: 140 * MB })).toEqual({ neededBytes: 100 * MB, freeBytes: 90 * MB });
    // Fits exactly but not with the margin.
    expect(storageShortfall(100 * MB, { usage: 0, quota: 100 * MB })).toEqual({ neededBytes: 100 * MB, freeBytes: 100 * MB });
    expect(storageShortfall(100 * MB, { usage: 0, quota: 100 * MB + storageMargin(100 * MB) })).toBeNull();
    expect(storageShortfall(MB, { usage: 300 * MB, quota: 200 * MB })).toEqual({ neededBytes: MB, freeBytes: 0 });
  });

  it('keeps at least 1 MiB and 5 % spare', () => {
    expect(storageMargin(1000)).toBe(MB);
    expect(storageMargin(400 * MB)).toBe(20 * MB);
  });

  it('passes when the browser gives no estimate', () => {
    expect(storageShortfall(10 * MB, {})).toBeNull();
    expect(storageShortfall(10 * MB, { usage: 0 })).toBeNull();
  });
});

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
