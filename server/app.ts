// The app factory: plugins, routes, error shapes, queue and sweeper, started on any port (tests
// use port 0). Without REDIS_URL it is the whole server, the networks in a worker thread; with it,
// a stateless API server in front of the Redis queue and its workers (`npm run server:worker`).
// Everything long-lived is stopped by app.close(), which lets running jobs finish.

import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import type { ServerConfig } from './config.ts';
import { loadContentFilter } from './content-filter.ts';
import type { ServerContext } from './context.ts';
import type { NodeDiffusion } from './diffusion/node-diffusion.ts';
import { HttpError, sendError, toHttpError } from './http-error.ts';
import { ResultCache, memoryCacheStore, redisCacheStore } from './result-cache.ts';
import { connectRedis } from './queue/redis-connection.ts';
import { RedisJobs } from './queue/redis-jobs.ts';
import { startLocalJobs, type LocalJobs } from './local-jobs.ts';
import type { Jobs } from './queue/jobs.ts';
import { allowOrigins } from './cors.ts';
import { OPENAPI } from './openapi.ts';
import { ErrorReply } from './schemas.ts';
import { openStorage } from './storage/open-storage.ts';
import { startSweeper } from './sweeper.ts';
import { uploadRoute } from './routes/upload.ts';
import { generateRoute } from './routes/generate.ts';
import { jobRoutes } from './routes/jobs.ts';
import { downloadRoute } from './routes/download.ts';
import { healthRoutes } from './routes/health.ts';

export interface AppOptions {
  /** How the networks are loaded; tests wrap the real loader to count model runs. */
  loadDiffusion?: (config: ServerConfig) => Promise<NodeDiffusion<string>>;
  logger?: boolean;
}

/** JSON bodies are a few hundred bytes; uploads go through multipart with their own limit. */
const JSON_BODY_LIMIT = 16 * 1024;
const KEEP_ALIVE_MS = 72_000;

/**
 * Fastify's and the plugins' own errors carry a status; they become BAD_INPUT or RATE_LIMITED. A
 * request failing its route's schema gets the reason the UI knows: a bad id, or a bad request.
 */
function frameworkError(error: FastifyError): HttpError {
  const status = error.statusCode ?? 500;
  if (error.validation !== undefined)
    return new HttpError(400, 'BAD_INPUT', error.message, { reason: error.validationContext === 'params' ? 'bad-id' : 'bad-request' });
  if (status === 429) return new HttpError(429, 'RATE_LIMITED', 'too many requests');
  if (status === 413) return new HttpError(413, 'BAD_INPUT', error.message, { reason: 'too-large' });
  if (status >= 400 && status < 500) return new HttpError(status, 'BAD_INPUT', error.message, { frameworkCode: error.code });
  return toHttpError(error);
}

export async function buildApp(config: ServerConfig, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger === true ? { level: config.logLevel } : false,
    bodyLimit: JSON_BODY_LIMIT,
    trustProxy: config.trustProxy,
    // A seed is a number, not a string that looks like one: the schemas check types as the old parser did.
    ajv: { customOptions: { coerceTypes: false } },
    // Longer than a load balancer's idle timeout (often 60 s), so it, not this server, closes idle
    // connections and never sends a request down one being closed.
    keepAliveTimeout: KEEP_ALIVE_MS,
  });
  const log = (error: unknown): void => app.log.error(error);
  const storage = await openStorage(config);
  app.log.info(`uploads and results kept in ${storage.where}`);
  const redis = config.redisUrl === null ? null : await connectRedis(config.redisUrl, 'api');
  redis?.on('error', (error) => app.log.warn(`redis: ${error.message}`));
  const cache = new ResultCache(storage, config.retentionMs, redis === null ? memoryCacheStore() : redisCacheStore(redis, config.retentionMs));
  const local = redis === null ? startLocalJobs(config, storage, cache, options.loadDiffusion, log) : null;
  const queue: Jobs = redis === null ? (local as LocalJobs).jobs : new RedisJobs(redis, config, log);
  const ctx: ServerContext = { config, storage, queue, filter: loadContentFilter(config.wordListFile), cache, streams: new Set() };

  await allowOrigins(app, config.allowedOrigins);
  await app.register(swagger, OPENAPI);
  app.addSchema(ErrorReply);
  await app.register(rateLimit, {
    max: config.rateLimitPerMinute,
    timeWindow: 60_000,
    // Scaled out, the counts are shared by every API server; while Redis is away requests pass.
    ...(redis === null ? {} : { redis, nameSpace: 'bq:rate:', skipOnError: true }),
    // Thrown into the error handler below; the plugin has already set Retry-After.
    errorResponseBuilder: (_request, context) => new HttpError(429, 'RATE_LIMITED', `more than ${context.max} requests a minute`),
  });
  await app.register(multipart, { limits: { fileSize: config.maxUploadBytes, files: 1, fields: 0, parts: 1 }, throwFileSizeLimit: true });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const http = !(error instanceof HttpError) && error.statusCode !== undefined ? frameworkError(error) : toHttpError(error);
    if (http.status >= 500) request.log.error(error);
    return sendError(reply, http);
  });
  app.setNotFoundHandler((_request, reply) => sendError(reply, new HttpError(404, 'NOT_FOUND', 'no such endpoint')));
  app.addHook('onSend', async (_request, reply) => {
    void reply.header('x-content-type-options', 'nosniff');
    // Job states change and errors are per request: only a finished PNG may be kept.
    if (!reply.hasHeader('cache-control')) void reply.header('cache-control', 'no-store');
  });

  uploadRoute(app, ctx);
  generateRoute(app, ctx);
  jobRoutes(app, ctx);
  downloadRoute(app, ctx);
  healthRoutes(app, ctx);

  const sweeper = startSweeper(storage, queue, config, (error) => app.log.error(error));
  app.decorate('sweep', sweeper.sweep);
  app.addHook('onReady', async () => {
    await sweeper.sweep();
  });
  // Open streams end first (their clients reconnect, elsewhere when scaled out), then the jobs drain.
  app.addHook('preClose', async () => {
    for (const close of [...ctx.streams]) close();
  });
  app.addHook('onClose', async () => {
    sweeper.stop();
    await queue.close();
    await local?.close();
    redis?.disconnect();
  });
  return app;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** One retention pass now (also run at start-up and every SWEEP_MINUTES). */
    sweep(): Promise<number>;
  }
}
