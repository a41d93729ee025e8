// WebKit (WebKitGTK 2.50's MiniBrowser: the engine of Safari 26.0 and of every iOS browser):
// no BYOB readers, no WebGPU, no WebGL in workers, no WebP from the canvas, Blobs refused by
// IndexedDB in its (automated, so private) session.
import { describeJourneys } from './journeys.ts';
import { openWebKit } from './support/webkit.ts';

describeJourneys(async () => ({ name: 'webkit', open: () => openWebKit(), close: async () => undefined, warp: 'canvas2d-affine' }));
