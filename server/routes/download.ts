// GET /api/download/:id: a finished redraw's PNG, streamed, or a redirect to a short-lived signed
// URL when the storage gives one (S3_SIGNED_URL_SECONDS). Past the retention it is 410 at once.

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.ts';
import { HttpError } from '../http-error.ts';
import { msLeft } from '../retention.ts';
import { content, errors, IdParams } from '../schemas.ts';

/** Browsers may keep the PNG this long, never past its expiry. */
const MAX_AGE_S = 3600;

export function downloadRoute(app: FastifyInstance, ctx: ServerContext): void {
  const { storage, config } = ctx;
  const schema = {
    summary: "A redraw's PNG",
    params: IdParams,
    response: {
      200: content('image/png', 'The PNG', Type.String({ format: 'binary' })),
      302: { description: 'To a short-lived signed URL of the PNG in object storage (S3_SIGNED_URL_SECONDS)', type: 'null' },
      ...errors({ 400: 'Not an id', 404: 'No such result', 410: 'Past RETENTION_HOURS' }),
    },
  };
  app.withTypeProvider<TypeBoxTypeProvider>().get('/api/download/:id', { schema }, async (request, reply) => {
    const { id } = request.params;
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
