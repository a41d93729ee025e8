// Writes a job's state and events to Redis, each in one script so the state, the stream entry and
// the pub/sub message never disagree. The end (done or failed) is written once: a second end, or an
// event after it (a run that lost its lock but kept going), is dropped, so every job ends exactly once.

import type { Redis } from 'ioredis';
import type { JobEvent, JobStatus } from '../../src/core/server-api.ts';
import { isEnd } from './jobs.ts';
import { EVENTS_CHANNEL, keys } from './redis-keys.ts';

// KEYS: job hash, events stream, client set. ARGV: job id, event JSON, status JSON ('' keeps it),
// ttl ms, worker ('' keeps it), ends ('1'/'0').
const EMIT = `
if redis.call('EXISTS', KEYS[1]) == 0 or redis.call('HGET', KEYS[1], 'end') == '1' then return false end
local id = redis.call('XADD', KEYS[2], '*', 'e', ARGV[2])
if ARGV[3] ~= '' then redis.call('HSET', KEYS[1], 'status', ARGV[3]) end
if ARGV[5] ~= '' then redis.call('HSET', KEYS[1], 'worker', ARGV[5]) end
if ARGV[6] == '1' then
  redis.call('HSET', KEYS[1], 'end', '1')
  redis.call('SREM', KEYS[3], ARGV[1])
end
redis.call('PEXPIRE', KEYS[1], ARGV[4])
redis.call('PEXPIRE', KEYS[2], ARGV[4])
redis.call('PUBLISH', '${EVENTS_CHANNEL}', ARGV[1] .. ' ' .. id .. ' ' .. ARGV[2])
return id
`;

// KEYS: job hash. ARGV: status JSON, worker. 0: the job has ended (cancelled while waiting); 2: cancel asked; 1: running.
const BEGIN = `
if redis.call('EXISTS', KEYS[1]) == 0 or redis.call('HGET', KEYS[1], 'end') == '1' then return 0 end
if redis.call('HGET', KEYS[1], 'cancel') == '1' then return 2 end
redis.call('HSET', KEYS[1], 'status', ARGV[1], 'worker', ARGV[2])
return 1
`;

export class RedisJobWriter {
  constructor(
    private readonly redis: Redis,
    private readonly retentionMs: number,
  ) {}

  /** Marks the job running on `worker`; what the job's hash says about going ahead. */
  async begin(id: string, worker: string): Promise<'run' | 'ended' | 'cancelled'> {
    const status: JobStatus = { id, state: 'running' };
    const answer = await this.redis.eval(BEGIN, 1, keys.job(id), JSON.stringify(status), worker);
    return answer === 1 ? 'run' : answer === 2 ? 'cancelled' : 'ended';
  }

  /**
   * Appends the event and, when given, the new status; an end event also frees the client's slot.
   * Resolves false when the job had already ended (nothing written).
   */
  async emit(id: string, client: string, event: JobEvent, status: JobStatus | null, worker = ''): Promise<boolean> {
    const ttl = String(Math.max(1, Math.round(this.retentionMs)));
    const written = await this.redis.eval(
      EMIT,
      3,
      keys.job(id),
      keys.events(id),
      keys.client(client),
      id,
      JSON.stringify(event),
      status === null ? '' : JSON.stringify(status),
      ttl,
      worker,
      isEnd(event) ? '1' : '0',
    );
    return written !== null;
  }
}
