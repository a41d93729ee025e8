// Who may embed the app is a deployment's choice, not a build's: EMBED_ORIGINS (comma-separated
// origins) is read when `npm start` (vite preview) or `npm run dev` starts serving. The page learns
// the list from /embed-config.json, its postMessage allow-list; the browser learns it from the CSP
// `frame-ancestors` on every HTML response, so a page elsewhere cannot even frame the app.

import type { ServerResponse } from 'node:http';
import type { Connect, Plugin } from 'vite';
import { parseOriginList } from '../src/app/embed/embed-origins.ts';

/** The header value for these origins: the app's own origin always, the listed ones beside it. */
export function frameAncestors(origins: readonly string[]): string {
  return ["frame-ancestors 'self'", ...origins].join(' ');
}

/** Whether a response about to be sent is an HTML document (by the headers set or being written). */
function isHtml(res: ServerResponse, args: unknown[]): boolean {
  const types = [res.getHeader('content-type')];
  for (const arg of args) {
    if (typeof arg !== 'object' || arg === null || Array.isArray(arg)) continue;
    for (const [name, value] of Object.entries(arg)) if (name.toLowerCase() === 'content-type') types.push(value);
  }
  return types.some((type) => String(type ?? '').startsWith('text/html'));
}

function embedMiddleware(origins: readonly string[], base: string): Connect.NextHandleFunction {
  const config = JSON.stringify({ origins });
  const policy = frameAncestors(origins);
  return (req, res, next) => {
    if ((req.url ?? '').split('?')[0] === `${base}embed-config.json`) {
      res.setHeader('Content-Type', 'application/json');
      // A changed EMBED_ORIGINS must reach pages at once, never from a cache.
      res.setHeader('Cache-Control', 'no-store');
      res.end(config);
      return;
    }
    // The header goes on HTML only, whichever of Vite's middlewares ends up answering.
    const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
    res.writeHead = ((...args: unknown[]) => {
      if (isHtml(res, args)) res.setHeader('Content-Security-Policy', policy);
      return writeHead(...args);
    }) as ServerResponse['writeHead'];
    next();
  };
}

export function embedPlugin(env: NodeJS.ProcessEnv = process.env): Plugin {
  let base = '/';
  // Read when serving starts (not at build time), so one build serves any deployment's list.
  const middleware = () => embedMiddleware(parseOriginList(env.EMBED_ORIGINS ?? ''), base);
  return {
    name: 'biaoqing-embed',
    configResolved(config) {
      base = config.base;
    },
    configurePreviewServer(server) {
      server.middlewares.use(middleware());
    },
    configureServer(server) {
      server.middlewares.use(middleware());
    },
  };
}
