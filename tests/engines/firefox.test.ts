// Firefox headless: no WebGL and no WebGPU at all, so the complete CPU path (MediaPipe fed from
// memory, the warp and compose on Canvas 2D).
import { describeJourneys } from './journeys.ts';
import { launchFirefox } from './support/firefox.ts';

describeJourneys(async () => {
  const firefox = await launchFirefox(false);
  return { name: 'firefox', open: () => firefox.open(), close: () => firefox.close(), warp: 'canvas2d-affine' };
});
