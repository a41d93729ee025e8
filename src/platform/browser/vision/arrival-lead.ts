// Browser platform: when a download's last bytes are due within a lead time, at the rate they have
// come so far. The next download is asked for then, so its first bytes follow on the link without
// the gap that waiting for this one's end (and its compile, and a round trip) would leave.

const MIN_SAMPLE_MS = 100;

/**
 * `response` with its body counted on the way to its reader: `due` is called once the remaining
 * bytes (of `expectedBytes`, as the body decodes them) should arrive within `leadMs`, or once it
 * ends. One stream, not a clone: a clone read beside a slower reader (a compile) holds every byte
 * that reader has not taken yet (20 MB of the browser's memory for MediaPipe's runtime).
 * An unknown size (NaN) calls `due` only at the end.
 */
export function watchArrival(response: Response, expectedBytes: number, leadMs: number, due: () => void): Response {
  if (response.body === null) {
    due();
    return response;
  }
  let received = 0;
  let firstAt: number | undefined;
  let firstBytes = 0;
  let told = false;
  const tell = () => {
    if (told) return;
    told = true;
    due();
  };
  const counted = new TransformStream<Uint8Array, Uint8Array>({
    transform(piece, controller) {
      controller.enqueue(piece);
      if (told) return;
      const now = performance.now();
      received += piece.byteLength;
      if (firstAt === undefined) {
        firstAt = now;
        firstBytes = received;
      }
      // Under this, a burst of buffered pieces would read as a far faster link than there is.
      if (now - firstAt < MIN_SAMPLE_MS) return;
      const bytesPerMs = (received - firstBytes) / (now - firstAt);
      if (expectedBytes - received <= bytesPerMs * leadMs) tell();
    },
    flush: tell,
  });
  return new Response(response.body.pipeThrough(counted), { status: response.status, statusText: response.statusText, headers: response.headers });
}
