// Job events for this API server's SSE streams: one pub/sub subscription for all jobs, each stream
// first read from the job's Redis stream after its Last-Event-ID, then fed live. Entries are taken
// in id order and each once, so a live event that overlaps the replay is not sent twice; when the
// subscription comes back after Redis was away, every stream reads what it missed.

import type { Redis } from 'ioredis';
import type { JobEvent } from '../../src/core/server-api.ts';
import { isEnd, type JobEventEntry } from './jobs.ts';
import { EVENTS_CHANNEL, keys } from './redis-keys.ts';

/** Stream entry ids are `<ms>-<seq>`; true when a comes after b. */
function after(a: string, b: string): boolean {
  const [am = 0n, as = 0n] = a.split('-').map(BigInt);
  const [bm = 0n, bs = 0n] = b.split('-').map(BigInt);
  return am > bm || (am === bm && as > bs);
}

class Follower {
  private chain = Promise.resolve();
  private stopped = false;

  constructor(
    readonly jobId: string,
    private last: string,
    private readonly send: (entry: JobEventEntry) => void,
    private readonly redis: Redis,
    private readonly onEnd: () => void,
    private readonly log: (error: unknown) => void,
  ) {}

  /** Reads the stream after the last entry sent; queued behind what this follower is doing. */
  catchUp(): Promise<void> {
    return this.then(async () => {
      const entries = await this.redis.xrange(keys.events(this.jobId), `(${this.last}`, '+');
      for (const [id, fields] of entries) this.deliver(id, fields[1] ?? '');
    });
  }

  live(id: string, json: string): void {
    void this.then(async () => this.deliver(id, json));
  }

  stop(): void {
    this.stopped = true;
  }

  private then(step: () => Promise<void>): Promise<void> {
    this.chain = this.chain.then(step).catch(this.log);
    return this.chain;
  }

  private deliver(id: string, json: string): void {
    if (this.stopped || !after(id, this.last)) return;
    this.last = id;
    const event = JSON.parse(json) as JobEvent;
    this.send({ id, event });
    if (isEnd(event)) this.onEnd();
  }
}

export class RedisEventHub {
  private readonly subscriber: Redis;
  private readonly followers = new Map<string, Set<Follower>>();
  private readonly subscribed: Promise<unknown>;
  private wasReady = false;

  constructor(
    private readonly redis: Redis,
    private readonly log: (error: unknown) => void,
  ) {
    // A subscribed connection can do nothing else; it queues its commands while Redis is away.
    this.subscriber = redis.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null });
    this.subscriber.on('error', () => undefined); // reconnects by itself; the main connection logs
    this.subscriber.on('message', (_channel: string, message: string) => this.dispatch(message));
    this.subscriber.on('ready', () => {
      if (this.wasReady) for (const set of this.followers.values()) for (const f of set) void f.catchUp();
      this.wasReady = true;
    });
    this.subscribed = this.subscriber.subscribe(EVENTS_CHANNEL);
  }

  async follow(jobId: string, last: string | null, send: (entry: JobEventEntry) => void): Promise<() => void> {
    await this.subscribed;
    const set = this.followers.get(jobId) ?? new Set();
    this.followers.set(jobId, set);
    const stop = (): void => {
      follower.stop();
      set.delete(follower);
      if (set.size === 0 && this.followers.get(jobId) === set) this.followers.delete(jobId);
    };
    const follower: Follower = new Follower(jobId, last ?? '0-0', send, this.redis, stop, this.log);
    // Subscribed before the replay, so nothing falls between the two.
    set.add(follower);
    await follower.catchUp();
    return stop;
  }

  async close(): Promise<void> {
    this.followers.clear();
    this.subscriber.disconnect();
  }

  private dispatch(message: string): void {
    const first = message.indexOf(' ');
    const second = message.indexOf(' ', first + 1);
    const set = this.followers.get(message.slice(0, first));
    if (set === undefined) return;
    for (const f of set) f.live(message.slice(first + 1, second), message.slice(second + 1));
  }
}
