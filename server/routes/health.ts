// GET /healthz for load balancers (no rate limit), and GET /api/openapi.json.

import type { FastifyInstance } from 'fastify';
import type { ServerHealth } from '../../src/core/server-api.ts';
import type { ServerContext } from '../context.ts';
import { openApiDocument } from '../openapi.ts';

export function healthRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const retentionHours = ctx.config.retentionMs / 3_600_000;
  app.get('/healthz', { config: { rateLimit: false } }, async (): Promise<ServerHealth> => ({
    ok: true,
    models: ctx.config.models,
    retentionHours,
    queue: await ctx.queue.counts(),
  }));
  const document = openApiDocument(ctx.config);
  app.get('/api/openapi.json', async () => document);
}
