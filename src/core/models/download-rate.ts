// Download speed and time left for the progress line, over the last few seconds: a whole-download
// average would hide a connection that has just slowed down or picked up again.

import type { DownloadProgress } from '../platform.ts';

const WINDOW_MS = 3_000;
/** Less than this much time says nothing about the speed yet. */
const MIN_SPAN_MS = 250;

export class DownloadRate {
  private readonly samples: { at: number; bytes: number }[] = [];
  private received = 0;

  /** `bytes` arrived at `at` (ms, any monotonic clock). */
  add(at: number, bytes: number): void {
    this.received += bytes;
    this.samples.push({ at, bytes: this.received });
    while (this.samples.length > 2 && at - (this.samples[1]?.at ?? at) >= WINDOW_MS) this.samples.shift();
  }

  bytesPerSecond(): number | null {
    const first = this.samples[0];
    const last = this.samples[this.samples.length - 1];
    if (first === undefined || last === undefined || last.at - first.at < MIN_SPAN_MS) return null;
    return ((last.bytes - first.bytes) * 1000) / (last.at - first.at);
  }

  secondsLeft(remainingBytes: number): number | null {
    const speed = this.bytesPerSecond();
    return speed === null || speed <= 0 ? null : remainingBytes / speed;
  }
}

/** Several files' progress as one: bytes summed, the speed of those still arriving, the time for all that is left. */
export function sumProgress(files: readonly DownloadProgress[]): Omit<DownloadProgress, 'model'> {
  const loaded = files.reduce((sum, f) => sum + f.loaded, 0);
  const total = files.reduce((sum, f) => sum + f.total, 0);
  const arriving = files.filter((f) => !f.cached && f.loaded < f.total && f.bytesPerSecond !== null);
  const bytesPerSecond = arriving.length === 0 ? null : arriving.reduce((sum, f) => sum + (f.bytesPerSecond ?? 0), 0);
  return {
    loaded,
    total,
    cached: files.every((f) => f.cached),
    bytesPerSecond,
    secondsLeft: loaded >= total ? 0 : bytesPerSecond === null || bytesPerSecond <= 0 ? null : (total - loaded) / bytesPerSecond,
  };
}
