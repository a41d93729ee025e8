// `npm run server:worker`: a worker process of the scaled-out server (REDIS_URL required). Loads
// the networks once, in a worker thread so the job locks keep being renewed while they run, then
// takes redraw jobs from the Redis queue, QUEUE_CONCURRENCY at a time. SIGTERM drains: the running
// jobs finish, no new one is taken.

import pino from 'pino';
import { loadConfig } from './config.ts';
import { loadThreadedDiffusion } from './diffusion/diffusion-thread.ts';
import { connectRedis } from './queue/redis-connection.ts';
import { startRedisWorker } from './queue/redis-worker.ts';
import { redrawWork } from './redraw-job.ts';
import { ResultCache, redisCacheStore } from './result-cache.ts';
import { openStorage } from './storage/open-storage.ts';

const config = loadConfig();
const log = pino({ level: config.logLevel });
if (config.redisUrl === null) {
  log.error('npm run server:worker needs REDIS_URL (the Redis the API servers use); without it, `npm run server` runs jobs itself');
  process.exit(1);
}
const storage = await openStorage(config);
const redis = await connectRedis(config.redisUrl, 'worker');
redis.on('error', (error) => log.warn(`redis: ${error.message}`));
const diffusion = await loadThreadedDiffusion({ setId: config.models, sharedModelsDir: config.sharedModelsDir });
const cache = new ResultCache(storage, config.retentionMs, redisCacheStore(redis, config.retentionMs));
const work = redrawWork({ storage, cache, diffusion: async () => diffusion, models: config.models, maxPixels: config.maxUploadPixels });
const worker = startRedisWorker(redis, config, work, (error) => log.error(error));
log.info({ worker: worker.name, models: config.models, provider: diffusion.provider, concurrency: config.concurrency }, 'worker ready');

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log.info('draining');
    void worker
      .close()
      .then(async () => {
        await diffusion.close();
        redis.disconnect();
        process.exit(0);
      })
      .catch((error: unknown) => {
        log.error(error);
        process.exit(1);
      });
  });
}
