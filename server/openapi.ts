// The API described as OpenAPI 3.1 at /api/openapi.json: @fastify/swagger builds it from the
// routes' own schemas (schemas.ts), so the document cannot drift from what the server checks.

import type { SwaggerOptions } from '@fastify/swagger';
import { DOCUMENTED_BODY } from './schemas.ts';

export const OPENAPI: SwaggerOptions = {
  openapi: {
    openapi: '3.1.0',
    info: {
      title: 'BiaoQing fallback server',
      version: '1',
      description: 'The AI redraw for phones without WebGPU. Upload the face square, ask for a redraw, follow the job, download the PNG.',
    },
  },
  // Shared schemas keep their own names in components (Error), not def-0.
  refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
  transform: ({ schema, url }) => {
    const { [DOCUMENTED_BODY]: body, ...rest } = (schema ?? {}) as Record<string, unknown>;
    return { schema: body === undefined ? rest : { ...rest, body }, url };
  },
};
