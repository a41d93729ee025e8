// Speed and time left for a download, over a sliding window so a stall shows at once and one fast
// burst does not promise too much.

const WINDOW_MS = 3000;

export function createDownloadMeter(now: () => number): (loaded: number, total: number) => { bytesPerSecond: number | null; secondsLeft: number | null } {
  const samples: { at: number; loaded: number }[] = [];
  return (loaded, total) => {
    const at = now();
    samples.push({ at, loaded });
    while (samples.length > 2 && at - (samples[0]?.at ?? at) > WINDOW_MS) samples.shift();
    const first = samples[0];
    const elapsed = first === undefined ? 0 : (at - first.at) / 1000;
    if (first === undefined || elapsed <= 0.2) return { bytesPerSecond: null, secondsLeft: null };
    const bytesPerSecond = Math.max(0, (loaded - first.loaded) / elapsed);
    return { bytesPerSecond, secondsLeft: bytesPerSecond > 0 ? Math.max(0, (total - loaded) / bytesPerSecond) : null };
  };
}
