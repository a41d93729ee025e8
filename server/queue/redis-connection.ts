// Connections to REDIS_URL. An API server fails fast while Redis is away (its clients get 503 and
// retry); a worker waits for it, as BullMQ's blocking commands need, and goes on where it was.

import { Redis } from 'ioredis';

export async function connectRedis(url: string, role: 'api' | 'worker'): Promise<Redis> {
  const redis = new Redis(
    url,
    role === 'api' ? { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1 } : { lazyConnect: true, maxRetriesPerRequest: null },
  );
  await redis.connect();
  return redis;
}
