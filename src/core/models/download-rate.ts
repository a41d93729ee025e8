// Download speed and time left for the progress line, over the last few seconds: a whole-download
// average would hide a connection that has just slowed down or picked up again.

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
