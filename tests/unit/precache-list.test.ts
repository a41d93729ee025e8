// What the service worker is told to precache, from a build folder: the shell and the runtime
// wasm, each with a revision that follows its bytes; never models/, source maps or sw.js itself.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { precacheList } from '../../scripts/pwa/precache-list.ts';

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

describe('precacheList', () => {
  it('lists the shell and the runtime wasm, and leaves out models, maps, screenshots and the worker itself', () => {
    const out = build({
      'index.html': '<html>',
      'manifest.webmanifest': '{}',
      'icons/icon-192.png': 'png',
      'assets/index-abc.js': 'js',
      'assets/index-abc.js.map': 'map',
      'assets/index-abc.css': 'css',
      'assets/caption-font.woff2': 'font',
      'assets/ort-wasm-simd-threaded.jsep-xyz.wasm': 'wasm',
      'mediapipe/vision_wasm_module_internal.js': 'js',
      'mediapipe/vision_wasm_module_internal.wasm': 'wasm',
      'models/face_landmarker.task': 'weights',
      'models/fixtures/diffusion/unet.onnx': 'weights',
      'models/fixtures/clip-text/tokenizer.json': '{}',
      'screenshots/wide.png': 'png',
      'sw.js': 'self',
      'robots.txt': 'text',
    });
    expect(precacheList(out).map((e) => e.url)).toEqual([
      'assets/caption-font.woff2',
      'assets/index-abc.css',
      'assets/index-abc.js',
      'assets/ort-wasm-simd-threaded.jsep-xyz.wasm',
      'icons/icon-192.png',
      'index.html',
      'manifest.webmanifest',
      'mediapipe/vision_wasm_module_internal.js',
      'mediapipe/vision_wasm_module_internal.wasm',
    ]);
  });

  it('gives a file a new revision when its bytes change, and the same one when they do not', () => {
    const revision = (html: string) => precacheList(build({ 'index.html': html }))[0]!.revision;
    const first = revision('<html>v1');
    rmSync(dir, { recursive: true, force: true });
    const same = revision('<html>v1');
    rmSync(dir, { recursive: true, force: true });
    expect(same).toBe(first);
    expect(revision('<html>v2')).not.toBe(first);
  });
});
