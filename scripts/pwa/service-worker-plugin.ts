// Builds dist/sw.js after the app: the file list is only known once the app's build is written, so
// the service worker (workers/service-worker.ts, Workbox's precaching) is bundled then, in a build
// of its own, with that list written in. Build only: `vite` (dev) registers no service worker.

import path from 'node:path';
import { build, type Plugin } from 'vite';
import { precacheGroups } from './precache-list.ts';

export function serviceWorkerPlugin(root: string): Plugin {
  let outDir = '';
  return {
    name: 'biaoqing-service-worker',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const { shell, ...groups } = precacheGroups(outDir);
      await build({
        configFile: false,
        root,
        logLevel: 'warn',
        publicDir: false,
        define: {
          __PRECACHE_SHELL__: JSON.stringify(shell),
          __PRECACHE_GROUPS__: JSON.stringify(groups),
          // Workbox's development logging is left out of the production worker.
          'process.env.NODE_ENV': JSON.stringify('production'),
        },
        build: {
          outDir,
          emptyOutDir: false,
          target: 'es2022',
          sourcemap: false,
          lib: { entry: path.join(root, 'workers/service-worker.ts'), formats: ['iife'], name: 'biaoqingServiceWorker', fileName: () => 'sw.js' },
        },
      });
    },
  };
}
