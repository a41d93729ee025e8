// Browser platform: when a download's last bytes are due within a lead time, at the rate they have
// come so far. The next download is asked for then, so its first bytes follow on the link without
// the gap that waiting for this one's end (and its compile, and a round trip) would leave.

const MIN_SAMPLE_MS = 100;

/**
 * Reads a clone of `response` and calls `due` once its remaining bytes (of `expectedBytes`, as the
 * body decodes them) should arrive within `leadMs`, or once it ends. The response itself is left
 * as it was, for its reader (a streaming compile keeps the browser's own fast path).
 * An unknown size (NaN) calls `due` only at the end.
 */
export function watchArrival(response: Response, expectedBytes: number, leadMs: number, due: () => void): void {
  const body = response.clone().body;
  if (body === null) {
    due();
    return;
  }
  const reader = body.getReader();
  let received = 0;
  let firstAt: number | undefined;
  let firstBytes = 0;
  const read = async (): Promise<void> => {
    for (let piece = await reader.read(); !piece.done; piece = await reader.read()) {
      const now = performance.now();
      received += piece.value.byteLength;
      if (firstAt === undefined) {
        firstAt = now;
        firstBytes = received;
      }
      // Under this, a burst of buffered pieces would read as a far faster link than there is.
      if (now - firstAt < MIN_SAMPLE_MS) continue;
      const bytesPerMs = (received - firstBytes) / (now - firstAt);
      if (expectedBytes - received <= bytesPerMs * leadMs) break;
    }
  };
  // Once due, the rest is not read here: the response's own reader takes it (the tee drops it).
  void read()
    .catch(() => undefined)
    .finally(() => {
      due();
      void reader.cancel().catch(() => undefined);
    });
}
