// Every failure leaves the server as {error: {code, message, reason?}} with the app's error codes
// (src/core/errors.ts), so the UI keeps one sentence per code for the worker and the server.

import type { FastifyReply } from 'fastify';
import { errorReason, StickerError, type ErrorCode, type ErrorReason } from '../src/core/errors.ts';

export class HttpError<C extends ErrorCode = ErrorCode> extends Error {
  constructor(
    readonly status: number,
    readonly code: C,
    message: string,
    /** frameworkCode: Fastify's or a plugin's own code (FST_…) for a request refused before a route ran, sent as the reason. */
    readonly extra: { reason?: ErrorReason<C>; frameworkCode?: string; retryAfterSeconds?: number } = {},
  ) {
    super(message);
  }
}

/** The sniffer's reasons, as HTTP says them. */
const BAD_INPUT_STATUS: Partial<Record<ErrorReason<'BAD_INPUT'>, number>> = { 'too-large': 413, 'not-image': 415, 'unsupported-format': 415 };

export function toHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  if (error instanceof StickerError && error.code === 'BAD_INPUT') {
    const reason = errorReason('BAD_INPUT', error.reason);
    if (reason === undefined) return new HttpError(400, 'BAD_INPUT', error.message);
    return new HttpError(BAD_INPUT_STATUS[reason] ?? 400, 'BAD_INPUT', error.message, { reason });
  }
  if (error instanceof StickerError && error.code === 'CONTENT_REJECTED') return new HttpError(422, error.code, error.message);
  return new HttpError(500, 'INTERNAL', 'internal error');
}

export function sendError(reply: FastifyReply, error: HttpError): FastifyReply {
  if (error.extra.retryAfterSeconds !== undefined) void reply.header('retry-after', String(Math.ceil(error.extra.retryAfterSeconds)));
  const body: { code: ErrorCode; message: string; reason?: string } = { code: error.code, message: error.message };
  const reason = error.extra.reason ?? error.extra.frameworkCode;
  if (reason !== undefined) body.reason = reason;
  return reply.code(error.status).send({ error: body });
}
