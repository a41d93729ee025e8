// GET /api/download/:id: a finished redraw's PNG, streamed, or a redirect to a short-lived signed
// URL when the storage gives one (S3_SIGNED_URL_SECONDS). Past the retention it is 410 at once.

import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.ts';
import { HttpError } from '../http-error.ts';
import { isId } from '../ids.ts';
import { msLeft } from '../retention.ts';

/** Browsers may keep the PNG this long, never past its expiry. */
const MAX_AGE_S = 3600;

export function downloadRoute(app: FastifyInstance, ctx: ServerContext): void {
  const { storage, config } = ctx;
  app.get('/api/download/:id', async (request, reply) => {
    const { id } = request.params as { id: string };
    if (!isId(id)) throw new HttpError(400, 'BAD_INPUT', 'not a result id', { reason: 'bad-id' });
    const gone = new HttpError(404, 'NOT_FOUND', 'no such result (it may have expired)');
    const createdAt = await storage.resultCreatedAt(id);
    if (createdAt === null) throw gone;
    const left = msLeft(createdAt, config.retentionMs);
    if (left <= 0) throw new HttpError(410, 'NOT_FOUND', 'the result has expired (RETENTION_HOURS)');
    const signed = await storage.signedResultUrl(id, left / 1000);
    if (signed !== null) return reply.redirect(signed, 302);
    const png = await storage.openResult(id);
    if (png === null) throw gone;
    return reply
      .type('image/png')
      .header('cache-control', `private, max-age=${Math.min(MAX_AGE_S, Math.floor(left / 1000))}`)
      .send(png);
  });
}
