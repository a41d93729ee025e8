// GET /api/jobs/:id (the status), GET /api/jobs/:id/events (SSE: the worker's stage and progress
// event shapes, then done or error; a late subscriber gets the job's events so far first), and
// DELETE /api/jobs/:id (cancel).

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { JobEvent } from '../../src/core/server-api.ts';
import type { ServerContext } from '../context.ts';
import { HttpError } from '../http-error.ts';
import type { Job } from '../job-queue.ts';
import { content, errors, IdParams, JobStatus } from '../schemas.ts';

/** Proxies close idle streams; a comment line now and then keeps a long queue wait open. */
const HEARTBEAT_MS = 15_000;

function jobOf(ctx: ServerContext, id: string): Job {
  const job = ctx.queue.get(id);
  if (job === undefined) throw new HttpError(404, 'NOT_FOUND', 'no such job (it may have expired)');
  return job;
}

const notFound = errors({ 400: 'Not an id', 404: 'No such job' });

export function jobRoutes(fastify: FastifyInstance, ctx: ServerContext): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const status = { summary: 'A job: queued, running with progress, done with resultUrl, or failed with an error code', params: IdParams };
  app.get('/api/jobs/:id', { schema: { ...status, response: { 200: JobStatus, ...notFound } } }, async (request) => jobOf(ctx, request.params.id).status);

  // Answers at once with the status as it stands: a queued job has failed ABORTED already, a
  // running one is still running until its next model run, and its events stream tells the end.
  // Not rate-limited: a client at its limit must still be able to give its slot back.
  const cancel = {
    summary:
      'Cancel a job: a queued one fails ABORTED at once, a running one at its next model run (its events end with the error); a finished one is left as it is',
    params: IdParams,
    response: { 200: { ...JobStatus, description: 'The job as it stands' }, ...notFound },
  };
  app.delete('/api/jobs/:id', { schema: cancel, config: { rateLimit: false } }, async (request) => {
    const job = jobOf(ctx, request.params.id);
    ctx.queue.cancel(job);
    return job.status;
  });

  const events = {
    summary: "Server-sent events: stage and progress (the worker's EngineEvent shapes), then done or error",
    params: IdParams,
    response: { 200: content('text/event-stream', 'An event stream'), ...notFound },
  };
  app.get('/api/jobs/:id/events', { schema: events }, async (request, reply) => {
    const job = jobOf(ctx, request.params.id);
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
