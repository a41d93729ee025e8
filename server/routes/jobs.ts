// GET /api/jobs/:id (the status), GET /api/jobs/:id/events (SSE: the worker's stage and progress
// event shapes, then done or error; each event has an id, and a stream opened with Last-Event-ID
// gets the events after it, else the job's events so far first), and DELETE /api/jobs/:id (cancel).

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { JobStatus as Status } from '../../src/core/server-api.ts';
import type { ServerContext } from '../context.ts';
import { HttpError } from '../http-error.ts';
import type { JobEventEntry } from '../queue/jobs.ts';
import { content, errors, IdParams, JobStatus } from '../schemas.ts';

/** Proxies close idle streams; a comment line now and then keeps a long queue wait open. */
const HEARTBEAT_MS = 15_000;

/** Event ids: an index in this process, `<ms>-<seq>` in a Redis stream. */
const EVENT_ID = /^[0-9]{1,20}(-[0-9]{1,20})?$/u;

function found(status: Status | null): Status {
  if (status === null) throw new HttpError(404, 'NOT_FOUND', 'no such job (it may have expired)');
  return status;
}

const notFound = errors({ 400: 'Not an id', 404: 'No such job' });

export function jobRoutes(fastify: FastifyInstance, ctx: ServerContext): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const status = { summary: 'A job: queued, running with progress, done with resultUrl, or failed with an error code', params: IdParams };
  app.get('/api/jobs/:id', { schema: { ...status, response: { 200: JobStatus, ...notFound } } }, async (request) =>
    found(await ctx.queue.status(request.params.id)),
  );

  // Answers at once with the status as it stands: a queued job has failed ABORTED already, a
  // running one is still running until its next model run, and its events stream tells the end.
  // Not rate-limited: a client at its limit must still be able to give its slot back.
  const cancel = {
    summary:
      'Cancel a job: a queued one fails ABORTED at once, a running one at its next model run (its events end with the error); a finished one is left as it is',
    params: IdParams,
    response: { 200: { ...JobStatus, description: 'The job as it stands' }, ...notFound },
  };
  app.delete('/api/jobs/:id', { schema: cancel, config: { rateLimit: false } }, async (request) => found(await ctx.queue.cancel(request.params.id)));

  const events = {
    summary: "Server-sent events: stage and progress (the worker's EngineEvent shapes), then done or error; each has an id, and Last-Event-ID resumes after it",
    params: IdParams,
    response: { 200: content('text/event-stream', 'An event stream'), ...notFound },
  };
  app.get('/api/jobs/:id/events', { schema: events }, async (request, reply) => {
    const id = request.params.id;
    const status = found(await ctx.queue.status(id));
    const lastEventId = request.headers['last-event-id'];
    const after = typeof lastEventId === 'string' && EVENT_ID.test(lastEventId) ? lastEventId : null;
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
    // Sent now, not with the first event: a queued job's stream is open, and the client knows it.
    out.flushHeaders();
    let closed = false;
    let stop = (): void => undefined;
    const close = (): void => {
      if (closed) return;
      closed = true;
      clearInterval(heartbeat);
      stop();
      ctx.streams.delete(shutdown);
      out.end();
    };
    // A closing server also ends the connection, or the hijacked socket would keep it open.
    const shutdown = (): void => {
      close();
      request.raw.socket.end();
    };
    const send = ({ id: eventId, event }: JobEventEntry): void => {
      out.write(`id: ${eventId}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
      if (event.type === 'done' || event.type === 'error') close();
    };
    const heartbeat = setInterval(() => out.write(': alive\n\n'), HEARTBEAT_MS);
    ctx.streams.add(shutdown);
    request.raw.on('close', close);
    try {
      stop = await ctx.queue.follow(id, after, send);
    } catch (error) {
      request.log.error(error);
      close();
    }
    // Ended already (its end replayed, or seen before a reconnect): nothing more will come.
    if (closed || status.state === 'done' || status.state === 'failed') close();
  });
}
