// The pure parts of the model manager: the room check.
import { describe, expect, it } from 'vitest';
import { storageMargin, storageShortfall } from '../../../../src/core/models/storage-budget.ts';

const MB = 2 ** 20;

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
