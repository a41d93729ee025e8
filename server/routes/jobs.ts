// GET /api/jobs/:id (the status), GET /api/jobs/:id/events (SSE: the worker's stage and progress
// event shapes, then done or error; a late subscriber gets the job's events so far first), and
// DELETE /api/jobs/:id (cancel).

import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { JobEvent } from '../../src/core/server-api.ts';
import type { ServerContext } from '../context.ts';
import { HttpError } from '../http-error.ts';
import { isId } from '../ids.ts';
import type { Job } from '../job-queue.ts';

/** Proxies close idle streams; a comment line now and then keeps a long queue wait open. */
const HEARTBEAT_MS = 15_000;

function jobOf(ctx: ServerContext, request: FastifyRequest): Job {
  const { id } = request.params as { id: string };
  if (!isId(id)) throw new HttpError(400, 'BAD_INPUT', 'not a job id', { reason: 'bad-id' });
  const job = ctx.queue.get(id);
  if (job === undefined) throw new HttpError(404, 'NOT_FOUND', 'no such job (it may have expired)');
  return job;
}

export function jobRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/api/jobs/:id', async (request) => jobOf(ctx, request).status);

  // Answers at once with the status as it stands: a queued job has failed ABORTED already, a
  // running one is still running until its next model run, and its events stream tells the end.
  // Not rate-limited: a client at its limit must still be able to give its slot back.
  app.delete('/api/jobs/:id', { config: { rateLimit: false } }, async (request) => {
    const job = jobOf(ctx, request);
    ctx.queue.cancel(job);
    return job.status;
  });

  app.get('/api/jobs/:id/events', async (request, reply) => {
    const job = jobOf(ctx, request);
    reply.hijack();
    const out = reply.raw;
    // Hijacked: the headers set so far (CORS, rate limit) are passed on by hand.
    const kept = Object.entries(reply.getHeaders()).filter((entry): entry is [string, string | number | string[]] => entry[1] !== undefined);
    out.writeHead(200, {
      ...Object.fromEntries(kept),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-content-type-options': 'nosniff',
    });
    const send = (event: JobEvent): void => {
      out.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
      if (event.type === 'done' || event.type === 'error') close();
    };
    const heartbeat = setInterval(() => out.write(': alive\n\n'), HEARTBEAT_MS);
    const close = (): void => {
      clearInterval(heartbeat);
      job.events.off('event', send);
      out.end();
    };
    request.raw.on('close', close);
    // Events are emitted synchronously, so none falls between the replay and the subscription.
    const finished = job.finishedAt !== null;
    for (const event of job.history) send(event);
    if (!finished) job.events.on('event', send);
  });
}
