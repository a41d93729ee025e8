// The pure parts of the model manager: speed and time left (the room check: storage-budget.test.ts,
// the cache layout: model-cache-layout.test.ts).
import { describe, expect, it } from 'vitest';
import { DownloadRate, sumProgress } from '../../../../src/core/models/download-rate.ts';

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
    expect(sumProgress([file('a', MB, MB, null, true), file('b', 2, 2, null, true)])).toEqual({
      loaded: MB + 2,
      total: MB + 2,
      cached: true,
      bytesPerSecond: null,
      secondsLeft: 0,
    });
  });
});
