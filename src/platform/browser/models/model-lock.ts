// One load of a model file at a time across this origin's tabs and workers (Web Locks): two
// downloads of the same file would append to the same record. The second waits, then finds the
// file stored. Browsers without Web Locks run unguarded.

export function withModelLock<T>(name: string, signal: AbortSignal | undefined, run: () => Promise<T>): Promise<T> {
  if (!('locks' in navigator)) return run();
  // request() resolves with what `run` resolves with; its typing nests the promise.
  return navigator.locks.request(`biaoqing-model:${name}`, signal === undefined ? {} : { signal }, run) as Promise<unknown> as Promise<T>;
}
