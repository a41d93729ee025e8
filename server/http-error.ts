// Every failure leaves the server as {error: {code, message, reason?}} with the app's error codes
// (src/core/errors.ts), so the UI keeps one sentence per code for the worker and the server.

import type { FastifyReply } from 'fastify';
import { StickerError, type ErrorCode } from '../src/core/errors.ts';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly extra: { reason?: string; retryAfterSeconds?: number } = {},
  ) {
    super(message);
  }
}

/** The sniffer's reasons, as HTTP says them. */
const BAD_INPUT_STATUS: Record<string, number> = { 'too-large': 413, 'not-image': 415, 'unsupported-format': 415 };

export function toHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  if (error instanceof StickerError && error.code === 'BAD_INPUT') {
    const status = BAD_INPUT_STATUS[error.reason ?? ''] ?? 400;
    return new HttpError(status, 'BAD_INPUT', error.message, error.reason === undefined ? {} : { reason: error.reason });
  }
  if (error instanceof StickerError && error.code === 'CONTENT_REJECTED') return new HttpError(422, error.code, error.message);
  return new HttpError(500, 'INTERNAL', 'internal error');
}

export function sendError(reply: FastifyReply, error: HttpError): FastifyReply {
  if (error.extra.retryAfterSeconds !== undefined) void reply.header('retry-after', String(Math.ceil(error.extra.retryAfterSeconds)));
  const body: { code: ErrorCode; message: string; reason?: string } = { code: error.code, message: error.message };
  if (error.extra.reason !== undefined) body.reason = error.extra.reason;
  return reply.code(error.status).send({ error: body });
}
