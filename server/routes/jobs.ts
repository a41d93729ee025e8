// GET /api/jobs/:id (the status), GET /api/jobs/:id/events (SSE: the worker's stage and progress
// event shapes, then done or error; each event has an id, and a stream opened with Last-Event-ID
// gets the events after it, else the job's events so far first), and DELETE /api/jobs/:id (cancel).

import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { JobStatus } from '../../src/core/server-api.ts';
import type { ServerContext } from '../context.ts';
import { HttpError } from '../http-error.ts';
import { isId } from '../ids.ts';
import type { JobEventEntry } from '../queue/jobs.ts';

/** Proxies close idle streams; a comment line now and then keeps a long queue wait open. */
const HEARTBEAT_MS = 15_000;

/** Event ids: an index in this process, `<ms>-<seq>` in a Redis stream. */
const EVENT_ID = /^[0-9]{1,20}(-[0-9]{1,20})?$/u;

function idOf(request: FastifyRequest): string {
  const { id } = request.params as { id: string };
  if (!isId(id)) throw new HttpError(400, 'BAD_INPUT', 'not a job id', { reason: 'bad-id' });
  return id;
}

function found(status: JobStatus | null): JobStatus {
  if (status === null) throw new HttpError(404, 'NOT_FOUND', 'no such job (it may have expired)');
  return status;
}

export function jobRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/api/jobs/:id', async (request) => found(await ctx.queue.status(idOf(request))));

  // Answers at once with the status as it stands: a queued job has failed ABORTED already, a
  // running one is still running until its next model run, and its events stream tells the end.
  // Not rate-limited: a client at its limit must still be able to give its slot back.
  app.delete('/api/jobs/:id', { config: { rateLimit: false } }, async (request) => found(await ctx.queue.cancel(idOf(request))));

  app.get('/api/jobs/:id/events', async (request, reply) => {
    const id = idOf(request);
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
