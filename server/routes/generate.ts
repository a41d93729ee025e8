// POST /api/generate: {uploadId, prompt, style, seed, steps, strength} → 202 {jobId} at once. The
// words pass the content filter here, so a rejected prompt never reaches the queue or the model.

import type { FastifyInstance } from 'fastify';
import { parseServerGenerate } from '../../src/core/server-api.ts';
import { DIFFUSION_SETS } from '../../src/core/diffusion/model-sets.ts';
import type { ServerContext } from '../context.ts';
import { HttpError } from '../http-error.ts';
import { isId } from '../ids.ts';

export function generateRoute(app: FastifyInstance, ctx: ServerContext): void {
  const { config, storage, queue, filter } = ctx;
  const maxSteps = DIFFUSION_SETS[config.models].maxSteps;
  app.post('/api/generate', async (request, reply) => {
    const body = parseServerGenerate(request.body);
    if (body === null) throw new HttpError(400, 'BAD_INPUT', 'expected {uploadId, prompt, style: "ai", seed, steps, strength}', { reason: 'bad-request' });
    if (body.steps > maxSteps) throw new HttpError(400, 'BAD_INPUT', `at most ${maxSteps} steps`, { reason: 'bad-request' });
    if (!isId(body.uploadId)) throw new HttpError(400, 'BAD_INPUT', 'not an upload id', { reason: 'bad-id' });
    if (filter.match(body.prompt) !== null) throw new HttpError(422, 'CONTENT_REJECTED', 'the words are not allowed');
    const upload = await storage.uploadMeta(body.uploadId);
    if (upload === null) throw new HttpError(404, 'NOT_FOUND', 'no such upload (it may have expired)');
    const jobId = await queue.submit(request.ip, { upload, request: body });
    return reply.code(202).send({ jobId, statusUrl: `/api/jobs/${jobId}`, eventsUrl: `/api/jobs/${jobId}/events` });
  });
}
