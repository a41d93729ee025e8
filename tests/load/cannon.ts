// autocannon as a promise, and its result cut down to what the load test and the bench report:
// requests, requests/s, latency percentiles, status counts and connection errors.

import autocannon from 'autocannon';

export interface PhaseReport {
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p99: number; max: number; mean: number };
  statusCodes: Record<string, number>;
  /** Connection errors, timeouts included. */
  errors: number;
  timeouts: number;
}

const round = (x: number, places = 1): number => Math.round(x * 10 ** places) / 10 ** places;

/** Runs for options.duration, or until `until` settles, whichever is first. */
export async function cannon(options: autocannon.Options, until?: Promise<unknown>): Promise<PhaseReport> {
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (error: unknown, out: autocannon.Result) =>
      error === null || error === undefined ? resolve(out) : reject(error instanceof Error ? error : new Error(String(error))),
    );
    void until?.finally(() => instance.stop());
  });
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, stat]) => [code, stat.count ?? 0]));
  const requests = Object.values(statusCodes).reduce((a, b) => a + b, 0);
  return {
    requests,
    seconds: round(result.duration, 2),
    requestsPerSecond: round(requests / result.duration),
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max, mean: round(result.latency.mean, 2) },
    statusCodes,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

export const fiveHundreds = (report: PhaseReport): number =>
  Object.entries(report.statusCodes)
    .filter(([code]) => code.startsWith('5'))
    .reduce((sum, [, n]) => sum + n, 0);
