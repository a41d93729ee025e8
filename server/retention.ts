// RETENTION_HOURS, judged when a file is read: an upload or result past it is gone for the client
// at once (410), whether or not the sweeper has deleted it yet.

/** Milliseconds the file has left; 0 or less: expired. */
export function msLeft(createdAt: number, retentionMs: number, now: number = Date.now()): number {
  return createdAt + retentionMs - now;
}

export function isExpired(createdAt: number, retentionMs: number, now: number = Date.now()): boolean {
  return msLeft(createdAt, retentionMs, now) <= 0;
}
