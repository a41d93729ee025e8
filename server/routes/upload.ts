// POST /api/upload: one multipart image → {id, width, height, expiresAt}. Judged by its bytes
// (upload-validation.ts), reviewed by the configured hook, stored without metadata.

import { createHash } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.ts';
import { HttpError } from '../http-error.ts';
import { newId } from '../ids.ts';
import { DOCUMENTED_BODY, errors, UploadReply } from '../schemas.ts';
import { validateUpload } from '../upload-validation.ts';

/** Multipart framing around the file. */
const ENVELOPE_BYTES = 64 * 1024;

export function uploadRoute(app: FastifyInstance, ctx: ServerContext): void {
  const { config, storage } = ctx;
  const schema = {
    summary: `Upload a PNG or JPEG (≤ ${config.maxUploadBytes} bytes, ≤ ${config.maxUploadPixels} pixels); metadata is dropped`,
    consumes: ['multipart/form-data'],
    [DOCUMENTED_BODY]: Type.Object({ file: Type.String({ format: 'binary' }) }),
    response: {
      201: { ...UploadReply, description: 'Stored' },
      ...errors({
        400: 'Empty, truncated or damaged',
        413: 'Too many bytes or pixels',
        415: 'Not a PNG or JPEG, or not multipart',
        422: 'Refused by the image review',
        429: 'Too many requests; see Retry-After',
      }),
    },
  };
  app.post(
    '/api/upload',
    {
      schema,
      // A declared length over the limit is refused before a byte of the body is read.
      onRequest: async (request) => {
        const declared = Number(request.headers['content-length'] ?? 0);
        if (declared > config.maxUploadBytes + ENVELOPE_BYTES)
          throw new HttpError(413, 'BAD_INPUT', `more than ${config.maxUploadBytes} bytes`, { reason: 'too-large' });
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw new HttpError(415, 'BAD_INPUT', 'send the image as multipart/form-data', { reason: 'not-multipart' });
      const file = await request.file();
      if (file === undefined) throw new HttpError(400, 'BAD_INPUT', 'no file in the form', { reason: 'empty' });
      const bytes = new Uint8Array(await file.toBuffer());
      const image = await validateUpload(bytes, config.maxUploadPixels);
      const id = newId();
      const review = await config.reviewImage({ id, bytes: image.bytes, format: image.format, width: image.width, height: image.height });
      if (!review.allowed) throw new HttpError(422, 'CONTENT_REJECTED', review.reason);
      const createdAt = Date.now();
      const sha256 = createHash('sha256').update(image.bytes).digest('hex');
      await storage.putUpload(
        { id, format: image.format, width: image.width, height: image.height, orientation: image.orientation, sha256, createdAt },
        image.bytes,
      );
      return reply.code(201).send({ id, width: image.width, height: image.height, expiresAt: new Date(createdAt + config.retentionMs).toISOString() });
    },
  );
}
