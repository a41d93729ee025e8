// Cross-origin access for the app's own origins (ALLOWED_ORIGINS), when the app and the server are
// not served from one origin; with none listed only same-origin pages can read the answers.

import cors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';

const PREFLIGHT_MAX_AGE_S = 600;

export async function allowOrigins(app: FastifyInstance, origins: readonly string[]): Promise<void> {
  if (origins.length === 0) return;
  await app.register(cors, {
    origin: [...origins],
    // The app cancels a job with DELETE.
    methods: ['GET', 'POST', 'DELETE'],
    allowedHeaders: ['content-type'],
    maxAge: PREFLIGHT_MAX_AGE_S,
    // Any OPTIONS from a listed origin is answered, as before, never with a text/plain 400.
    strictPreflight: false,
  });
}
