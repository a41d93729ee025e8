// Where a scaled-out server keeps things in Redis, in one place so the API servers and the workers
// agree. Every key names one job or one client and expires with RETENTION_HOURS.

/** The BullMQ queue's name. */
export const QUEUE_NAME = 'biaoqing-redraw';

export const keys = {
  /** Hash: status (JobStatus as JSON), client, worker (who runs it), end ('1' once done or failed), cancel ('1'). */
  job: (id: string): string => `bq:job:${id}`,
  /** Stream of the job's events, field `e` (JobEvent as JSON); entry ids are the SSE event ids. */
  events: (id: string): string => `bq:events:${id}`,
  /** Set of a client's unfinished job ids, for MAX_JOBS_PER_CLIENT. */
  client: (client: string): string => `bq:client:${client}`,
} as const;

/** Pub/sub: every event as `<job id> <entry id> <json>`, to whichever API server streams the job. */
export const EVENTS_CHANNEL = 'bq:events';
/** Pub/sub: job ids to cancel, to whichever worker runs them. */
export const CANCEL_CHANNEL = 'bq:cancel';
