// What `npm start` sends over the wire: the build writes a brotli copy (quality 11) next to each
// compressible file (scripts, styles, HTML, wasm, model files up to 32 MB), and `vite preview` sends
// it to browsers that accept br. Vite's own preview compresses only text with gzip, never wasm, which is most of what
// the first sticker needs (MediaPipe's 13 MB runtime goes as 2.7 MB). Files named by their content
// (assets/, mediapipe/<version>/) are sent as cacheable for good, so no visit asks for them twice.
// A Range request gets the plain file: its offsets count the file's own bytes (model downloads).
//
// Brotli at quality 11 takes a while on large wasm: each result is kept in node_modules/.cache by
// the SHA-256 of its input, so only changed files cost time on the next build.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants } from 'node:zlib';
import type { Connect, Plugin } from 'vite';

const COMPRESSIBLE = /\.(?:m?js|css|html|wasm|svg|json|webmanifest|task|tflite|onnx)$/u;
/** Below this, brotli's framing outweighs its gain. */
const MIN_BYTES = 1024;
/** Above this, quality 11 takes minutes for a few per cent (weights compress little). */
const MAX_BYTES = 32 * 2 ** 20;
const IMMUTABLE = /^\/(?:assets|mediapipe)\//u;
const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.html': 'text/html; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

const brotli = promisify(brotliCompress);

async function compress(source: Buffer, cacheDir: string): Promise<Buffer> {
  const cached = path.join(cacheDir, `${createHash('sha256').update(source).digest('hex')}.br`);
  if (existsSync(cached)) return readFileSync(cached);
  const out = await brotli(source, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: source.length } });
  writeFileSync(cached, out);
  return out;
}

/** Writes `<file>.br` beside every compressible file of the build that brotli makes smaller. */
export async function writeBrotliCopies(outDir: string, cacheDir: string): Promise<void> {
  mkdirSync(cacheDir, { recursive: true });
  const files = readdirSync(outDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && COMPRESSIBLE.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => statSync(file).size >= MIN_BYTES && statSync(file).size <= MAX_BYTES);
  await Promise.all(
    files.map(async (file) => {
      const source = readFileSync(file);
      const out = await compress(source, cacheDir);
      if (out.length < source.length) writeFileSync(`${file}.br`, out);
    }),
  );
}

/**
 * The brotli copy's validator (a hash of its bytes, worked out once per version of the file): with
 * it a browser's revalidation of a no-cache file (the service worker's update check of sw.js, which
 * follows every first visit) is answered 304, not with the file again.
 */
const validators = new Map<string, { mtimeMs: number; etag: string }>();

function validator(file: string): string {
  const { mtimeMs } = statSync(file);
  const known = validators.get(file);
  if (known?.mtimeMs === mtimeMs) return known.etag;
  const etag = `"br-${createHash('sha256').update(readFileSync(file)).digest('base64url').slice(0, 22)}"`;
  validators.set(file, { mtimeMs, etag });
  return etag;
}

export function previewMiddleware(outDir: string): Connect.NextHandleFunction {
  return (req, res, next) => {
    const pathname = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
    res.setHeader('Cache-Control', IMMUTABLE.test(pathname) ? 'public, max-age=31536000, immutable' : 'no-cache');
    const file = path.join(outDir, pathname);
    const accepts = /\bbr\b/u.test(String(req.headers['accept-encoding'] ?? ''));
    if (!file.startsWith(outDir + path.sep) || req.headers.range !== undefined || !accepts || !existsSync(`${file}.br`)) return next();
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const etag = validator(`${file}.br`);
    res.setHeader('ETag', etag);
    res.setHeader('Vary', 'Accept-Encoding');
    if (
      String(req.headers['if-none-match'] ?? '')
        .split(/\s*,\s*/u)
        .includes(etag)
    ) {
      res.statusCode = 304;
      res.end();
      return;
    }
    const body = readFileSync(`${file}.br`);
    res.setHeader('Content-Type', TYPES[path.extname(file)] ?? 'application/octet-stream');
    res.setHeader('Content-Encoding', 'br');
    res.setHeader('Content-Length', body.length);
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}

export function compressedAssetsPlugin(root: string): Plugin {
  let outDir = '';
  return {
    name: 'biaoqing-compressed-assets',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    // After every other plugin's closeBundle, so the service worker (sw.js) is written too.
    closeBundle: {
      order: 'post',
      sequential: true,
      handler: () => writeBrotliCopies(outDir, path.join(root, 'node_modules/.cache/biaoqing-brotli')),
    },
    configurePreviewServer(server) {
      server.middlewares.use(previewMiddleware(outDir));
    },
  };
}
