// GET /api/download/:id: a finished redraw's PNG.

import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.ts';
import { HttpError } from '../http-error.ts';
import { isId } from '../ids.ts';

export function downloadRoute(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/api/download/:id', async (request, reply) => {
    const { id } = request.params as { id: string };
    if (!isId(id)) throw new HttpError(400, 'BAD_INPUT', 'not a result id', { reason: 'bad-id' });
    const png = await ctx.storage.readResult(id);
    if (png === null) throw new HttpError(404, 'NOT_FOUND', 'no such result (it may have expired)');
    return reply
      .type('image/png')
      .header('cache-control', 'private, max-age=3600')
      .send(Buffer.from(png.buffer, png.byteOffset, png.byteLength));
  });
}
