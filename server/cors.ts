// Cross-origin access for the app's own origins (ALLOWED_ORIGINS), when the app and the server are
// not served from one origin; with none listed only same-origin pages can read the answers.

import type { FastifyInstance } from 'fastify';

const PREFLIGHT_MAX_AGE_S = 600;

export function allowOrigins(app: FastifyInstance, origins: readonly string[]): void {
  if (origins.length === 0) return;
  const allowed = new Set(origins);
  app.addHook('onRequest', async (request, reply) => {
    const origin = request.headers.origin;
    void reply.header('vary', 'origin');
    if (origin === undefined || !allowed.has(origin)) return;
    void reply.header('access-control-allow-origin', origin);
    if (request.method !== 'OPTIONS') return;
    await reply
      .code(204)
      .header('access-control-allow-methods', 'GET, POST, DELETE')
      .header('access-control-allow-headers', 'content-type')
      .header('access-control-max-age', String(PREFLIGHT_MAX_AGE_S))
      .send();
  });
}
