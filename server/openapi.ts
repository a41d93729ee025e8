// The API described as OpenAPI 3.1, served at /api/openapi.json; limits come from the config.

import { ERROR_CODES } from '../src/core/errors.ts';
import { MAX_PROMPT_CHARS, SERVER_STYLES } from '../src/core/server-api.ts';
import { DIFFUSION_SETS } from '../src/core/diffusion/model-sets.ts';
import type { ServerConfig } from './config.ts';

const error = { $ref: '#/components/responses/Error' };
const id = { type: 'string', pattern: '^[A-Za-z0-9_-]{22}$' };
const idParam = [{ name: 'id', in: 'path', required: true, schema: id }];

export function openApiDocument(config: ServerConfig): object {
  const set = DIFFUSION_SETS[config.models];
  return {
    openapi: '3.1.0',
    info: {
      title: 'BiaoQing fallback server',
      version: '1',
      description: 'The AI redraw for phones without WebGPU. Upload the face square, ask for a redraw, follow the job, download the PNG.',
    },
    paths: {
      '/api/upload': {
        post: {
          summary: `Upload a PNG or JPEG (≤ ${config.maxUploadBytes} bytes, ≤ ${config.maxUploadPixels} pixels); metadata is dropped`,
          requestBody: {
            required: true,
            content: { 'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] } } },
          },
          responses: {
            201: {
              description: 'Stored',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    properties: { id, width: { type: 'integer' }, height: { type: 'integer' }, expiresAt: { type: 'string', format: 'date-time' } },
                  },
                },
              },
            },
            400: error,
            413: error,
            415: error,
            422: error,
            429: error,
          },
        },
      },
      '/api/generate': {
        post: {
          summary: 'Queue a redraw of an upload; answers at once',
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['uploadId', 'prompt', 'style', 'seed', 'steps', 'strength'],
                  properties: {
                    uploadId: id,
                    prompt: { type: 'string', maxLength: MAX_PROMPT_CHARS, description: 'The words as typed (Chinese or English)' },
                    expression: { type: 'string', description: 'An expression id from the app’s lexicon; absent: the server reads the words' },
                    style: { enum: [...SERVER_STYLES] },
                    seed: { type: 'integer', minimum: 0, maximum: 4294967295 },
                    steps: { type: 'integer', minimum: 1, maximum: set.maxSteps },
                    strength: { type: 'number', exclusiveMinimum: 0, maximum: 1 },
                  },
                },
              },
            },
          },
          responses: {
            202: {
              description: 'Queued',
              content: {
                'application/json': { schema: { type: 'object', properties: { jobId: id, statusUrl: { type: 'string' }, eventsUrl: { type: 'string' } } } },
              },
            },
            400: error,
            404: error,
            422: error,
            429: { ...error, description: 'Too many requests or unfinished jobs from this client; see Retry-After' },
            503: { ...error, description: 'The queue is full; see Retry-After' },
          },
        },
      },
      '/api/jobs/{id}': {
        get: {
          summary: 'A job: queued, running with progress, done with resultUrl, or failed with an error code',
          parameters: idParam,
          responses: {
            200: { description: 'The job', content: { 'application/json': { schema: { $ref: '#/components/schemas/JobStatus' } } } },
            400: error,
            404: error,
          },
        },
        delete: {
          summary:
            'Cancel a job: a queued one fails ABORTED at once, a running one at its next model run (its events end with the error); a finished one is left as it is',
          parameters: idParam,
          responses: {
            200: { description: 'The job as it stands', content: { 'application/json': { schema: { $ref: '#/components/schemas/JobStatus' } } } },
            400: error,
            404: error,
          },
        },
      },
      '/api/jobs/{id}/events': {
        get: {
          summary: "Server-sent events: stage and progress (the worker's EngineEvent shapes), then done or error",
          parameters: idParam,
          responses: { 200: { description: 'An event stream', content: { 'text/event-stream': {} } }, 400: error, 404: error },
        },
      },
      '/api/download/{id}': {
        get: {
          summary: "A redraw's PNG",
          parameters: idParam,
          responses: { 200: { description: 'The PNG', content: { 'image/png': {} } }, 400: error, 404: error },
        },
      },
      '/healthz': {
        get: {
          summary: 'Liveness, the model set, the retention in hours and the queue',
          responses: { 200: { description: 'Up: {ok, models, retentionHours, queue: {waiting, running}}' } },
        },
      },
    },
    components: {
      schemas: {
        Error: {
          type: 'object',
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: { code: { enum: [...ERROR_CODES] }, message: { type: 'string' }, reason: { type: 'string' } },
            },
          },
        },
        JobStatus: {
          type: 'object',
          required: ['id', 'state'],
          properties: {
            id,
            state: { enum: ['queued', 'running', 'done', 'failed'] },
            progress: { type: 'object', properties: { done: { type: 'integer' }, total: { type: 'integer' } } },
            resultUrl: { type: 'string' },
            cached: { type: 'boolean' },
            error: { type: 'object' },
          },
        },
      },
      responses: { Error: { description: 'An error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } } },
    },
  };
}
