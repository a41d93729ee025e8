// GET /healthz for load balancers (no rate limit), and GET /api/openapi.json.

import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.ts';
import { openApiDocument } from '../openapi.ts';

export function healthRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/healthz', { config: { rateLimit: false } }, async () => ({ ok: true, models: ctx.config.models, queue: ctx.queue.counts() }));
  const document = openApiDocument(ctx.config);
  app.get('/api/openapi.json', async () => document);
}
