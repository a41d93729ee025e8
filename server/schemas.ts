// Every route's request and answer as TypeBox JSON schemas: Fastify validates requests with them
// (a failure is a 400 in the server's error shape), the routes take their TypeScript types from
// them, and @fastify/swagger publishes them at /api/openapi.json; one source for all three.

import { Type, type Static, type TSchema, type TUnsafe } from '@sinclair/typebox';
import { ERROR_CODES } from '../src/core/errors.ts';
import { EXPRESSIONS } from '../src/core/expression/lexicon.ts';
import { MAX_PROMPT_CHARS, SERVER_STYLES } from '../src/core/server-api.ts';
import { ID_PATTERN } from './ids.ts';

/** One of these strings, typed as their union; a plain enum keeps the document short. */
function oneOf<const T extends readonly string[]>(values: T, options: { description?: string } = {}): TUnsafe<T[number]> {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });
}

/** Upload, job and result ids (ids.ts): 128 random bits as base64url. */
export const Id = Type.String({ pattern: ID_PATTERN, description: '128 random bits, base64url' });

export const IdParams = Type.Object({ id: Id });

/** Every failure: {error: {code, message, reason?}} (http-error.ts); shared by id, so the document holds it once. */
export const ErrorReply = Type.Object(
  {
    error: Type.Object({
      code: oneOf(ERROR_CODES),
      message: Type.String(),
      reason: Type.Optional(Type.String({ description: 'A finer reason within the code, or the framework’s own code' })),
    }),
  },
  { $id: 'Error', description: 'An error' },
);

/** The error answers a route may give, each with what it means here. */
export function errors(described: Record<number, string>): Record<number, { $ref: string; description: string }> {
  return Object.fromEntries(Object.entries(described).map(([status, description]) => [status, { $ref: 'Error#', description }]));
}

export const UploadReply = Type.Object({
  id: Id,
  width: Type.Integer({ description: 'As displayed, after the EXIF orientation' }),
  height: Type.Integer(),
  expiresAt: Type.String({ format: 'date-time' }),
});

/** The generate body; `maxSteps` is the model set's. Fields not listed are dropped. */
export function generateBody(maxSteps: number) {
  return Type.Object({
    uploadId: Id,
    prompt: Type.String({ maxLength: MAX_PROMPT_CHARS, description: 'The words as typed (Chinese or English)' }),
    expression: Type.Optional(
      oneOf(
        EXPRESSIONS.map((e) => e.id),
        { description: 'An expression id from the app’s lexicon; absent: the server reads the words' },
      ),
    ),
    style: oneOf(SERVER_STYLES),
    seed: Type.Integer({ minimum: 0, maximum: 0xffffffff }),
    steps: Type.Integer({ minimum: 1, maximum: maxSteps }),
    strength: Type.Number({ exclusiveMinimum: 0, maximum: 1 }),
  });
}

export type GenerateBody = Static<ReturnType<typeof generateBody>>;

export const GenerateReply = Type.Object({ jobId: Id, statusUrl: Type.String(), eventsUrl: Type.String() });

/** ErrorInfo (src/core/errors.ts) as a job's status and error event carry it. */
const ErrorInfo = Type.Object({
  code: oneOf(ERROR_CODES),
  message: Type.String(),
  retryable: Type.Boolean(),
  stage: Type.Optional(Type.String()),
  reason: Type.Optional(Type.String()),
});

/** Open to more fields, so what a newer server adds to a status or health answer is passed on, not cut. */
const open = { additionalProperties: true } as const;

export const JobStatus = Type.Object(
  {
    id: Id,
    state: oneOf(['queued', 'running', 'done', 'failed'] as const),
    progress: Type.Optional(Type.Object({ done: Type.Integer(), total: Type.Integer() }, { description: 'Model runs done of total' })),
    resultUrl: Type.Optional(Type.String()),
    cached: Type.Optional(Type.Boolean({ description: 'Served from the result cache without running the model' })),
    error: Type.Optional(ErrorInfo),
  },
  { ...open, description: 'A job: queued, running with progress, done with resultUrl, or failed with an error' },
);

export const Health = Type.Object(
  {
    ok: Type.Literal(true),
    models: Type.String(),
    retentionHours: Type.Number(),
    queue: Type.Object({ waiting: Type.Integer(), running: Type.Integer() }, open),
  },
  open,
);

/**
 * A body read by the route itself (a multipart stream) that Fastify must not validate: the
 * document shows it as the body (openapi.ts).
 */
export const DOCUMENTED_BODY = 'x-documented-body';

/** Non-JSON answers, described for the document only. */
export function content(
  type: string,
  description: string,
  schema: TSchema = Type.String(),
): { description: string; content: Record<string, { schema: TSchema }> } {
  return { description, content: { [type]: { schema } } };
}
