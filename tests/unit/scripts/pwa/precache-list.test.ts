// What the service worker is told to keep, from a build folder, in its three groups: the shell at
// install (the entry, the UI it imports, their static imports; a revision that follows the bytes
// where the name does not), the sticker files after the first sticker, onnxruntime-web after the
// AI; never models/, source maps, brotli copies or sw.js.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { precacheGroups } from '../../../../scripts/pwa/precache-list.ts';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function build(files: Record<string, string>): string {
  dir = mkdtempSync(path.join(os.tmpdir(), 'precache-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

const INDEX =
  '<html><script type="module" crossorigin src="/assets/index-abc.js"></script><link rel="stylesheet" crossorigin href="/assets/index-abc.css"><link rel="icon" href="/assets/favicon-f00.svg" type="image/svg+xml" /></html>';

describe('precacheGroups', () => {
  it('splits the build into the shell, the sticker files and the AI runtime, and leaves out models, maps, screenshots and the worker itself', () => {
    const out = build({
      'index.html': INDEX,
      'manifest.webmanifest': '{}',
      'icons/icon-192.png': 'png',
      'assets/index-abc.js': 'import{a}from"./shared-def.js";import(`./start-ui-ghi.js`)',
      'assets/start-ui-ghi.js': 'import{b}from"./ui-def.js";import("./pack-panel-jkl.js")',
      'assets/shared-def.js': 'export const a=1',
      'assets/ui-def.js': 'export const b=1',
      'assets/pack-panel-jkl.js': 'panel',
      'assets/index-abc.js.map': 'map',
      'assets/index-abc.js.br': 'brotli',
      'assets/index-abc.css': 'css',
      'assets/favicon-f00.svg': 'svg',
      'assets/sticker-worker-main-xyz.js': 'worker',
      'assets/caption-font-123.woff2': 'font',
      'assets/ort-wasm-simd-threaded.jsep-xyz.wasm': 'wasm',
      'mediapipe/1.1.0/vision_wasm_module_internal.js': 'js',
      'mediapipe/1.1.0/vision_wasm_module_internal.wasm': 'wasm',
      'models/face_landmarker.task': 'weights',
      'models/fixtures/diffusion/unet.onnx': 'weights',
      'screenshots/wide.png': 'png',
      'sw.js': 'self',
      'robots.txt': 'text',
    });
    const groups = precacheGroups(out);
    // The favicon is named by its content: the precache takes the copy the page just had, not a second download.
    expect(groups.shell).toEqual([
      { url: 'assets/favicon-f00.svg', revision: null },
      { url: 'assets/index-abc.css', revision: null },
      { url: 'assets/index-abc.js', revision: null },
      { url: 'assets/shared-def.js', revision: null },
      { url: 'assets/start-ui-ghi.js', revision: null },
      { url: 'assets/ui-def.js', revision: null },
      { url: 'icons/icon-192.png', revision: expect.stringMatching(/^[0-9a-f]{16}$/u) },
      { url: 'index.html', revision: expect.stringMatching(/^[0-9a-f]{16}$/u) },
      { url: 'manifest.webmanifest', revision: expect.stringMatching(/^[0-9a-f]{16}$/u) },
    ]);
    // Only the entry's own dynamic import (the UI) is in the shell; the UI's are not.
    expect(groups.stickers).toEqual([
      'assets/caption-font-123.woff2',
      'assets/pack-panel-jkl.js',
      'assets/sticker-worker-main-xyz.js',
      'mediapipe/1.1.0/vision_wasm_module_internal.js',
      'mediapipe/1.1.0/vision_wasm_module_internal.wasm',
    ]);
    expect(groups.ai).toEqual(['assets/ort-wasm-simd-threaded.jsep-xyz.wasm']);
  });

  it('gives a file a new revision when its bytes change, and the same one when they do not', () => {
    const revision = (html: string) =>
      precacheGroups(build({ 'index.html': `${INDEX}${html}`, 'assets/index-abc.js': '', 'assets/index-abc.css': '' })).shell.find(
        (e) => e.url === 'index.html',
      )!.revision;
    const first = revision('v1');
    rmSync(dir, { recursive: true, force: true });
    const same = revision('v1');
    rmSync(dir, { recursive: true, force: true });
    expect(same).toBe(first);
    expect(revision('v2')).not.toBe(first);
  });
});
