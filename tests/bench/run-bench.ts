// `npm run bench`: times every pipeline stage in the real browser (Debian Chromium, the built app,
// its real worker) over several runs per fixture photo, and writes the medians, minima and maxima
// to bench-results/pipeline-<timestamp>.json (and bench-results/latest.json).
//
// Each export preset (WeChat GIF, WhatsApp WebP, Telegram, HD 512/1024) is timed inside the export
// stage. The person cutout's "segmentation" entry: its first use (model fetched, hashed, MediaPipe
// graph made, first image) and the per-image time after that (segmenter + keeping the face's person).
//
// Then the same for the animated sticker (12 frames, GIF + WebP) on one photo, template fusion (a
// template of each blend, and a two-face template), and words →
// expression: the lexicon, and the fixture CLIP text encoder (models/fixtures/clip-text) on wasm
// and WebGPU — its load, and its ranking of free text the lexicon does not know. Then the caption
// layout: the bundled caption fonts' load, and the align stage (caption fitting) per caption.
// Then the AI redraw on the fixture networks, on wasm and WebGPU (tests/bench/ai-redraw.ts), and on
// the real SDXS set when its files are on this machine, or a plain "not measured" (real-set.ts).
// Last, the model store (tests/bench/model-store.ts): a 200 MB file downloaded, verified and stored
// (MB/s), its cached load, and the memory peak of that load against the file size. Then the
// fallback server (tests/bench/server.ts): status and upload requests/s, and redraw jobs/s on the
// fixture networks with onnxruntime-node on the CPU.
// Then the app shell (tests/bench/app-shell.ts): its JS size (gzip) and time to interactive, cold
// and from the service worker's cache. Last, a first visit (tests/bench/first-visit.ts): bytes on
// the wire before the first sticker, and the time to it on a phone's link; and click → sticker
// shown as a ratio to the bare MediaPipe landmarker on the same photo (tests/bench/shown-ratio.ts);
// and the browser's memory, PSS over its processes, opened and at a sticker's peak (browser-memory.ts);
// and how much of a person cutout is not the person, on scenes made to tempt it (cutout-coverage.ts).
// and how strongly each expression family reads on the fixture faces and harder copies of them
// (blendshape and landmark changes, tests/browser/support/expression-strength.ts).
//
// BENCH_RUNS (default 7) sets the timed runs per photo, after one warm-up run; BENCH_DELEGATE
// (cpu | gpu | auto, default cpu) the MediaPipe delegate.

import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { STAGES } from '../../src/core/stage-names.ts';
import { startAppServer } from '../browser/support/app-server.ts';
import { launchChromium, openPage } from '../browser/support/chromium.ts';
import { fixtureFile } from '../browser/support/fixtures.ts';
import { makeSticker, openApp, outcome } from '../browser/support/app-driver.ts';
import { summarize, type Summary } from './stats.ts';
import { phraseAccuracy, wordsToExpression } from './words-to-expression.ts';
import { captionLayout } from './caption-layout.ts';
import { modelStoreBench } from './model-store.ts';
import { aiRedraw } from './ai-redraw.ts';
import { realSetBench } from './real-set.ts';
import { serverBench } from './server.ts';
import { appShellBench } from './app-shell.ts';
import { firstVisitBench } from './first-visit.ts';
import { shownRatioBench } from './shown-ratio.ts';
import { browserMemoryBench } from './browser-memory.ts';
import { cutoutCoverageBench } from './cutout-coverage.ts';
import { measureExpressionStrength } from '../browser/support/expression-strength.ts';
import { errorMessage } from '../../src/core/errors.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const DELEGATE = process.env.BENCH_DELEGATE ?? 'cpu';
const PHOTOS = ['faces/astronaut.png', 'faces/grace_hopper.jpg', 'faces/two_faces.png'];

const server = await startAppServer();
const browser = await launchChromium();
const { page } = await openPage(browser);
const loadStart = performance.now();
await openApp(page, server.url, `face=${DELEGATE}`);
// The worker fetches the face model's files on start; the notice says when they are on the device.
await page
  .getByTestId('notice')
  .filter({ hasText: /已就绪|is ready/ })
  .waitFor({ timeout: 60_000 });
const modelReadyMs = Math.round(performance.now() - loadStart);

async function stageTimes(): Promise<Record<string, number>> {
  const times: Record<string, number> = {};
  for (const stage of STAGES) {
    const ms = await page.getByTestId(`timing-${stage}`).getAttribute('data-ms');
    if (ms !== null && ms !== '') times[stage] = Number(ms);
  }
  return times;
}

/** Each export preset's share of the export stage, as the result card reports it. */
async function exportTimes(): Promise<Record<string, number>> {
  const times: Record<string, number> = {};
  for (const preset of ['wechat', 'whatsapp', 'telegram', 'hd']) {
    const ms = await page.getByTestId(`export-${preset}`).getAttribute('data-ms');
    if (ms !== null) times[`export ${preset}`] = Number(ms);
  }
  return times;
}

let lastSrc: string | null = null;
async function oneRun(photo: string): Promise<{ stages: Record<string, number>; endToEnd: number }> {
  const start = performance.now();
  await makeSticker(page, fixtureFile(photo), { prompt: '开心大笑', caption: '今天也要开心' });
  const done = await outcome(page, lastSrc);
  const endToEnd = performance.now() - start;
  if (done.kind !== 'result') throw new Error(`${photo}: ${done.text}`);
  lastSrc = done.src;
  return { stages: { ...(await stageTimes()), ...(await exportTimes()) }, endToEnd };
}

const coldStart = await oneRun(PHOTOS[0]!);
const perPhoto: Record<string, Record<string, Summary>> = {};
const all: Record<string, number[]> = {};
for (const photo of PHOTOS) {
  await oneRun(photo); // warm-up: caches, JIT, font
  const samples: Record<string, number[]> = { 'end-to-end': [] };
  for (let i = 0; i < RUNS; i++) {
    const run = await oneRun(photo);
    samples['end-to-end']!.push(run.endToEnd);
    for (const [stage, ms] of Object.entries(run.stages)) (samples[stage] ??= []).push(ms);
  }
  perPhoto[photo] = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, summarize(v)]));
  for (const [k, v] of Object.entries(samples)) (all[k] ??= []).push(...v);
}

// Animated sticker: the same job with the looping GIF + WebP frames drawn and encoded.
await page.getByTestId('animate-toggle').check();
await oneRun(PHOTOS[1]!); // warm-up
const animationSamples: Record<string, number[]> = { 'end-to-end': [] };
for (let i = 0; i < RUNS; i++) {
  const run = await oneRun(PHOTOS[1]!);
  animationSamples['end-to-end']!.push(run.endToEnd);
  for (const stage of ['animate', 'encode-animation', 'export wechat', 'export whatsapp'] as const) {
    const ms = run.stages[stage];
    if (ms !== undefined) (animationSamples[stage] ??= []).push(ms);
  }
}
const animation = Object.fromEntries(Object.entries(animationSamples).map(([k, v]) => [k, summarize(v)]));
await page.getByTestId('animate-toggle').uncheck();

// Template fusion: the same still job set into templates of each blend (photo, 熊猫头 ink, tint),
// and a two-slot template filled from the two-face photo.
const FUSIONS = [
  { template: 'reaction-shock', photo: PHOTOS[1]! },
  { template: 'panda-head', photo: PHOTOS[1]! },
  { template: 'festival-moon', photo: PHOTOS[1]! },
  { template: 'reaction-duo', photo: PHOTOS[2]! },
];
const templateFusion: Record<string, Record<string, Summary>> = {};
for (const { template, photo } of FUSIONS) {
  await page.getByTestId('template-select').selectOption(template);
  await oneRun(photo); // warm-up
  const samples: Record<string, number[]> = { 'end-to-end': [] };
  for (let i = 0; i < RUNS; i++) {
    const run = await oneRun(photo);
    samples['end-to-end']!.push(run.endToEnd);
    for (const stage of ['align', 'compose', 'encode'] as const) {
      const ms = run.stages[stage];
      if (ms !== undefined) (samples[stage] ??= []).push(ms);
    }
  }
  templateFusion[`${template} (${photo})`] = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, summarize(v)]));
}
await page.getByTestId('template-select').selectOption('');

/** The sections measured so far, in bench-results/partial.json as each lands. */
const landed: Record<string, unknown> = { pipeline: { coldStart, perPhoto, animation, templateFusion } };
const failures: string[] = [];

/** One section of the bench: a section that fails says why in its place, and the others still run and land. */
async function section<T>(name: string, measure: () => Promise<T>): Promise<T | { failed: string }> {
  let value: T | { failed: string };
  try {
    value = await measure();
  } catch (error) {
    value = { failed: errorMessage(error) };
    failures.push(name);
    console.error(`bench: ${name} failed: ${value.failed}`);
  }
  landed[name] = value;
  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/partial.json', `${JSON.stringify(landed, null, 2)}\n`);
  return value;
}

const words = {
  wasm: await section('words (wasm)', () => wordsToExpression(browser, server.url, 'wasm')),
  webgpu: await section('words (webgpu)', () => wordsToExpression(browser, server.url, 'webgpu')),
};

const captions = await section('caption layout', () => captionLayout(browser, server.url, RUNS));

const ai = {
  wasm: await section('AI redraw (wasm)', () => aiRedraw(browser, server.url, 'wasm', RUNS)),
  webgpu: await section('AI redraw (webgpu)', () => aiRedraw(browser, server.url, 'webgpu', Math.min(RUNS, 3))),
};
const realAiSet = await section('real AI set', () => realSetBench(browser, server.url, Math.min(RUNS, 3)));

const modelStore = await section('model store', () => modelStoreBench(browser));

const fallbackServer = await section('fallback server', () => serverBench());

const appShell = await section('app shell', () => appShellBench(browser, server.url, RUNS));

const firstVisit = await section('first visit', () => firstVisitBench(browser, server.url));

const shown = await section('click to shown', () => shownRatioBench(browser, server.url, RUNS));

const memory = await section('browser memory', () => browserMemoryBench(server.url));

const cutout = await section('cutout coverage', () => cutoutCoverageBench(browser, server.url));
const expressionStrength = await section('expression strength', () => measureExpressionStrength(browser, server.url));

const gpu = await page.getByTestId('diagnostics').evaluate((el) => {
  const none = el.querySelector('[data-testid="gpu-none"]');
  if (none !== null) return { available: false, reason: none.textContent ?? '' };
  const terms = [...el.querySelectorAll('[data-testid="gpu-report"] dt')].map((dt) => dt.textContent ?? '');
  const values = [...el.querySelectorAll('[data-testid="gpu-report"] dd')].map((dd) => dd.textContent ?? '');
  return Object.fromEntries(terms.map((term, i) => [term, values[i] ?? '']));
});
const backends = Object.fromEntries(
  await Promise.all(STAGES.map(async (s) => [s, await page.getByTestId(`timing-${s}`).getAttribute('data-backend')] as const)),
);
const report = {
  benchmark: 'sticker pipeline (photo style, expression 开心大笑)',
  date: new Date().toISOString(),
  runsPerPhoto: RUNS,
  delegate: DELEGATE,
  machine: {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? '',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    browser: `chromium ${browser.version()}`,
  },
  gpu,
  backends,
  startup: {
    note: 'page load until the face model’s files are on the device (fresh profile: fetched, hashed, cached; the model starts with the first photo)',
    ms: modelReadyMs,
  },
  coldStart: {
    note: 'first sticker after the model is ready (first MediaPipe graph run included)',
    stages: coldStart.stages,
    endToEnd: Math.round(coldStart.endToEnd),
  },
  overall: Object.fromEntries(Object.entries(all).map(([k, v]) => [k, summarize(v)])),
  perPhoto,
  animation: { note: `12 frames, GIF 240×240 + WebP 512×512, on ${PHOTOS[1]}`, ...animation },
  templateFusion: { note: 'still sticker, expression 开心大笑, in a template: align (every slot), compose (art + faces by blend), encode', ...templateFusion },
  segmentation: {
    note: 'selfie segmenter (segment stage): the wait for the person after the warp (the segmenter runs beside the face landmarker and the person is kept round the face beside the warp, in the segmenter’s own worker); first use loads the model lazily',
    firstUseMs: coldStart.stages.segment ?? null,
    modelLoadMs:
      coldStart.stages.segment === undefined || all.segment === undefined ? null : Math.round(coldStart.stages.segment - summarize(all.segment).median),
    perImage: all.segment === undefined ? null : summarize(all.segment),
  },
  cutoutCoverage: {
    note: 'person cutout, no die-cut edge, on the fixtures and scenes made from them (busy background, a photographed print): outside = share of the opaque pixels outside the head-and-shoulders region round the landmarks found on the sticker; topCorners = opaque share of its two top corner squares (a fifth of the side); faceKept = share of the face oval fully opaque',
    ...cutout,
  },
  warp512: { note: `the expression warp of ${PHOTOS[0]}, a 512×512 face photo`, ...perPhoto[PHOTOS[0]!]?.warp },
  wordsToExpression: { offlinePhraseAccuracy: phraseAccuracy(), ...words },
  'caption layout': { note: 'bundled caption fonts: load in a fresh worker; align stage (caption fit + wrap with those fonts) per caption', ...captions },
  aiRedraw: {
    note: 'fixture networks (models/fixtures/diffusion), 2 steps at strength 0.5, expression 开心大笑; WebGPU here is SwiftShader (a CPU emulation) and gets 3 runs at most',
    ...ai,
  },
  realAiSet,
  modelStore,
  fallbackServer,
  appShell: {
    note: 'the JavaScript that opens the page (the entry, the UI it imports once the sticker worker has started, their static imports; gzip level 6); time to interactive = navigation start until the generate button is enabled, cold (fresh context, no service worker) and from the service worker cache',
    ...appShell,
  },
  clickToShown: {
    note: 'click on 生成 until the sticker is on screen (the still, drawn from its pixels; its PNG and exports follow), against MediaPipe’s bare face landmarker (decode + detect, CPU delegate, landmarks only) on the same photo in another tab of the same browser, runs alternating; ratio of the medians. samePhoto: 生成 again on the photo of the last sticker (its decode, faces and person kept); newPhoto: 生成 at once after choosing a photo the app has not seen (the same picture with other bytes); newPhotoThenWords: such a photo chosen, then the words typed (1 s) before 生成, while the app looks at the photo; stagesBeforeShownMs: the worker’s median time per stage',
    ...shown,
  },
  browserMemory: {
    note: 'PSS summed over every process of a Chromium launched for this alone (Linux /proc), in MB: one blank tab, the app opened and ready (its files fetched, no model started), the peak while a captioned sticker is made (sampled every 50 ms, from choosing the photo), and 2 s after it',
    ...memory,
  },
  expressionStrength: {
    note: 'per face and words: the mean change of the family’s MediaPipe blendshapes (smile mouthSmile, open mouth jawOpen, brows down browDown, eyes closed eyeBlink, sad mouth mouthFrown; left/right mean) on the finished sticker against the same photo’s sticker without an expression (change), that sticker’s own score (neutral), and the family’s landmark measure in iris distances (moved: corner lift, mouth gap, inner brow height, lid aperture)',
    faces: expressionStrength,
  },
  firstVisit: {
    note: 'a fresh profile through a counting proxy: MB on the wire when the form is ready, when the first sticker (开心大笑, Grace Hopper) is shown, and 15 s later (the service worker keeping the sticker files); the time from opening to the sticker, unshaped and on a 10 Mbit/s, 40 ms link shared by the page, its workers and the service worker (there the median of five fresh profiles, each in openToStickerRunsMs)',
    ...firstVisit,
  },
  unit: 'ms',
};

await browser.close();
await server.close();
mkdirSync('bench-results', { recursive: true });
const file = `bench-results/pipeline-${report.date.replace(/[:.]/g, '-')}.json`;
writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
writeFileSync('bench-results/latest.json', `${JSON.stringify(report, null, 2)}\n`);
if (failures.length > 0) {
  console.error(`bench: written to ${file}, but these sections failed (their entries say why): ${failures.join(', ')}`);
  process.exitCode = 1;
}
console.log(`Wrote ${file}`);
console.table(report.overall);
console.table(animation);
console.table(Object.fromEntries(Object.entries(templateFusion).map(([k, v]) => [k, { 'end-to-end': v['end-to-end']?.median, compose: v.compose?.median }])));
// Each section's figures are in the JSON; here, which landed.
console.table(
  Object.fromEntries(
    Object.entries(landed).map(([name, value]) => [
      name,
      typeof value === 'object' && value !== null && 'failed' in value ? `failed: ${String(value.failed)}` : 'measured',
    ]),
  ),
);
