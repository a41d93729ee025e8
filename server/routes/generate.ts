// POST /api/generate: {uploadId, prompt, style, seed, steps, strength} → 202 {jobId} at once. The
// body is checked by its schema; the words pass the content filter here, so a rejected prompt
// never reaches the queue or the model.

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { DIFFUSION_SETS } from '../../src/core/diffusion/model-sets.ts';
import type { ServerContext } from '../context.ts';
import { HttpError } from '../http-error.ts';
import { isExpired } from '../retention.ts';
import { errors, generateBody, GenerateReply } from '../schemas.ts';

export function generateRoute(app: FastifyInstance, ctx: ServerContext): void {
  const { config, storage, queue, filter } = ctx;
  const schema = {
    summary: 'Queue a redraw of an upload; answers at once',
    body: generateBody(DIFFUSION_SETS[config.models].maxSteps),
    response: {
      202: { ...GenerateReply, description: 'Queued' },
      ...errors({
        400: 'The body does not fit the schema',
        404: 'No such upload',
        410: 'The upload is past RETENTION_HOURS',
        422: 'The words are not allowed',
        429: 'Too many requests or unfinished jobs from this client; see Retry-After',
        503: 'The queue is full; see Retry-After',
      }),
    },
  };
  app.withTypeProvider<TypeBoxTypeProvider>().post('/api/generate', { schema }, async (request, reply) => {
    const body = request.body;
    if (filter.match(body.prompt) !== null) throw new HttpError(422, 'CONTENT_REJECTED', 'the words are not allowed');
    const upload = await storage.uploadMeta(body.uploadId);
    if (upload === null) throw new HttpError(404, 'NOT_FOUND', 'no such upload (it may have expired)');
    if (isExpired(upload.createdAt, config.retentionMs)) throw new HttpError(410, 'NOT_FOUND', 'the upload has expired (RETENTION_HOURS)');
    const jobId = await queue.submit(request.ip, { upload, request: body });
    return reply.code(202).send({ jobId, statusUrl: `/api/jobs/${jobId}`, eventsUrl: `/api/jobs/${jobId}/events` });
  });
}
