// Starts a worker thread whose entry is a TypeScript module: a worker's entry cannot be TypeScript by
// itself, so a two-line script loads it through tsx's ESM API, as `npm run server` does, also when
// the server runs inside the tests.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/** tsx's ESM API file, by the package's own export map (require.resolve would give its CJS twin). */
function tsxEsmApi(): string {
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
  const { exports } = JSON.parse(readFileSync(manifest, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  const file = exports['./esm/api']?.import.default;
  if (file === undefined) throw new Error('tsx has no ./esm/api export');
  return path.join(path.dirname(manifest), file);
}

export function startTsWorker(entry: URL, workerData?: unknown): Worker {
  const api = pathToFileURL(tsxEsmApi()).href;
  const boot = `import(${JSON.stringify(api)}).then(({ tsImport }) => tsImport(${JSON.stringify(entry.href)}, ${JSON.stringify(entry.href)}));`;
  return new Worker(boot, { eval: true, workerData });
}
