// The routes' JSON schemas over real HTTP: /api/openapi.json is generated from the same schemas that
// validate requests, and a request that fails one gets a JSON 400 in the server's error shape.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIFFUSION_SETS } from '../../src/core/diffusion/model-sets.ts';
import { generate, start, type Running } from './support/harness.ts';
import { REQUEST, errorOf, uploadId } from './support/requests.ts';

interface Operation {
  summary?: string;
  parameters?: { name: string; in: string; required: boolean; schema: { pattern?: string } }[];
  requestBody?: { content: Record<string, { schema: { required?: string[]; properties: Record<string, Record<string, unknown>> } }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: Record<string, unknown> }> }>;
}

interface Document {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, { properties: { error: { required: string[] } } }> };
}

describe('route schemas', () => {
  let server: Running;
  let doc: Document;
  beforeAll(async () => {
    server = await start();
    doc = (await (await fetch(`${server.base}/api/openapi.json`)).json()) as Document;
  });
  afterAll(async () => {
    await server.app.close();
  });

  it('publishes every route with its parameters, body and answers', () => {
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => [`${method.toUpperCase()} ${path}`, op] as const),
    );
    expect(operations.map(([name]) => name).sort()).toEqual([
      'DELETE /api/jobs/{id}',
      'GET /api/download/{id}',
      'GET /api/jobs/{id}',
      'GET /api/jobs/{id}/events',
      'GET /healthz',
      'POST /api/generate',
      'POST /api/upload',
    ]);
    expect(doc.components.schemas.Error?.properties.error.required).toEqual(['code', 'message']);
    for (const [name, op] of operations) {
      expect(op.summary, name).toBeTruthy();
      const statuses = Object.keys(op.responses);
      expect(
        statuses.some((s) => s.startsWith('2')),
        name,
      ).toBe(true);
      for (const status of statuses.filter((s) => s.startsWith('4') || s.startsWith('5'))) {
        expect(op.responses[status]!.content?.['application/json']?.schema, `${name} ${status}`).toEqual({ $ref: '#/components/schemas/Error' });
      }
      if (name.includes('{id}')) {
        expect(op.parameters, name).toEqual([
          expect.objectContaining({ name: 'id', in: 'path', required: true, schema: expect.objectContaining({ pattern: '^[A-Za-z0-9_-]{22}$' }) }),
        ]);
        expect(statuses, name).toContain('400');
      }
    }
    const body = doc.paths['/api/generate']!.post!.requestBody!.content['application/json']!.schema;
    expect(body.required?.sort()).toEqual(['prompt', 'seed', 'steps', 'strength', 'style', 'uploadId']);
    expect(body.properties.steps).toMatchObject({ type: 'integer', minimum: 1, maximum: DIFFUSION_SETS.fixtures.maxSteps });
    expect(body.properties.style).toMatchObject({ enum: ['ai'] });
    expect(body.properties.expression?.enum).toContain('laugh');
    expect(Object.keys(doc.paths['/api/upload']!.post!.requestBody!.content)).toEqual(['multipart/form-data']);
    expect(doc.paths['/api/download/{id}']!.get!.responses).toHaveProperty('410');
    expect(Object.keys(doc.paths['/api/jobs/{id}/events']!.get!.responses['200']!.content!)).toEqual(['text/event-stream']);
  });

  it('answers a request that fails its schema with a JSON 400 saying what is wrong', async () => {
    const id = await uploadId(server.base);
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ ...REQUEST, uploadId: id, seed: '7' }, /body\/seed must be integer/],
      [{ ...REQUEST, uploadId: id, steps: 1.5 }, /body\/steps must be integer/],
      [{ ...REQUEST, uploadId: id, expression: 'not-an-expression' }, /body\/expression must be equal to one of the allowed values/],
      [{ ...REQUEST, uploadId: id, prompt: undefined }, /body must have required property 'prompt'/],
      [{ ...REQUEST, uploadId: 'short' }, /body\/uploadId must match pattern/],
    ];
    for (const [body, message] of cases) {
      const response = await generate(server.base, body);
      expect(response.status, message.source).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await errorOf(response)).toEqual({ code: 'BAD_INPUT', reason: 'bad-request', message: expect.stringMatching(message) });
    }
    const notJson = await fetch(`${server.base}/api/generate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"uploadId":' });
    expect(notJson.status).toBe(400);
    expect((await errorOf(notJson)).code).toBe('BAD_INPUT');
    const badId = await fetch(`${server.base}/api/jobs/not-an-id`);
    expect(badId.status).toBe(400);
    expect(await errorOf(badId)).toEqual({ code: 'BAD_INPUT', reason: 'bad-id', message: expect.stringMatching(/params\/id must match pattern/) });
    // Fields the schema does not list are dropped, not refused, as before: this one passes to the lookup.
    expect((await generate(server.base, { ...REQUEST, uploadId: 'AAAAAAAAAAAAAAAAAAAAAA', extra: true })).status).toBe(404);
  });
});
