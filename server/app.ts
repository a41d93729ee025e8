// The app factory: plugins, routes, error shapes, queue and sweeper, started on any port (tests
// use port 0). Everything long-lived is stopped by app.close().

import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import type { ServerConfig } from './config.ts';
import { loadContentFilter } from './content-filter.ts';
import type { ServerContext } from './context.ts';
import { loadNodeDiffusion, type NodeDiffusion } from './diffusion/node-diffusion.ts';
import { HttpError, sendError, toHttpError } from './http-error.ts';
import { JobQueue } from './job-queue.ts';
import { ResultCache } from './result-cache.ts';
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
  loadDiffusion?: (config: ServerConfig) => Promise<NodeDiffusion>;
  logger?: boolean;
}

/** JSON bodies are a few hundred bytes; uploads go through multipart with their own limit. */
const JSON_BODY_LIMIT = 16 * 1024;

function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () => {
    pending ??= load().catch((error: unknown) => {
      pending = null;
      throw error;
    });
    return pending;
  };
}

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
  });
  const storage = await openStorage(config);
  app.log.info(`uploads and results kept in ${storage.where}`);
  const queue = new JobQueue(config, (error) => app.log.error(error));
  const load = options.loadDiffusion ?? ((c: ServerConfig) => loadNodeDiffusion(c.models, c.sharedModelsDir));
  const ctx: ServerContext = {
    config,
    storage,
    queue,
    filter: loadContentFilter(config.wordListFile),
    cache: new ResultCache(storage, config.retentionMs),
    diffusion: lazy(() => load(config)),
  };

  await allowOrigins(app, config.allowedOrigins);
  await app.register(swagger, OPENAPI);
  app.addSchema(ErrorReply);
  await app.register(rateLimit, {
    max: config.rateLimitPerMinute,
    timeWindow: 60_000,
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
  app.addHook('onClose', async () => {
    sweeper.stop();
  });
  return app;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** One retention pass now (also run at start-up and every SWEEP_MINUTES). */
    sweep(): Promise<number>;
  }
}
