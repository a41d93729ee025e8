// GET /healthz for load balancers (no rate limit), and GET /api/openapi.json.

import type { FastifyInstance } from 'fastify';
import type { ServerHealth } from '../../src/core/server-api.ts';
import type { ServerContext } from '../context.ts';
import { Health } from '../schemas.ts';

export function healthRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const retentionHours = ctx.config.retentionMs / 3_600_000;
  const schema = { summary: 'Liveness, the model set, the retention in hours and the queue', response: { 200: { ...Health, description: 'Up' } } };
  app.get('/healthz', { schema, config: { rateLimit: false } }, async (): Promise<ServerHealth> => ({
    ok: true,
    models: ctx.config.models,
    retentionHours,
    queue: await ctx.queue.counts(),
  }));
  // The document itself is left out of the document.
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
