// Firefox with a window (under xvfb-run): WebGL through Mesa, no WebGPU.
import { describeJourneys } from './journeys.ts';
import { launchFirefox } from './support/firefox.ts';

describeJourneys(async () => {
  const firefox = await launchFirefox(true);
  return { name: 'firefox-webgl', open: () => firefox.open(), close: () => firefox.close(), warp: 'webgl2' };
});
