// The first-load self-check of a downloaded model set, before it is used: a built-in picture is
// encoded and decoded under each input and output range, and the pair that gives it back is kept;
// the latent factor is the one that brings the encoder's latents nearest unit variance, as the UNet
// was trained on; then one UNet prediction on those latents, noised as the set's default strength
// noises them, must correlate with the noise — a wrong factor shows there. A set that fails throws
// with the file to blame, so it is not used and nothing stored is lost.

import { StickerError } from '../errors.ts';
import { gaussian } from './gaussian.ts';
import { alphasCumprod, SD_SCHEDULE } from './noise-schedule.ts';
import { img2imgTimesteps } from './timesteps.ts';
import { fromSigned, LATENT_SCALES, PIXEL_RANGES, toSigned, type PixelRange, type RawNetworks, type VaeCalibration } from './vae-calibration.ts';

/** Mean absolute error on the [-1, 1] scale above which the VAE does not give the picture back (≈ 25 of 255 levels). */
export const MAX_RECONSTRUCTION_ERROR = 0.2;
/** Unit-variance latents within this factor count as the UNet's scale. */
const MAX_LATENT_STD_RATIO = 3;
/**
 * At the default strength's timestep a working UNet's prediction follows the noise closely (the
 * fixtures: 0.98); fed latents at the wrong scale, the SDXS-layout fixture's falls to 0.72.
 */
export const MIN_NOISE_CORRELATION = 0.8;
const CHECK_SEED = 14;

export interface SelfCheckFiles {
  vaeEncoder: string;
  vaeDecoder: string;
  unet: string;
}

export interface SelfCheckResult {
  calibration: VaeCalibration;
  /** Mean abs error of the round trip, [-1, 1] scale. */
  reconstructionError: number;
  /** Standard deviation of the encoder's latents times the chosen factor. */
  latentStd: number;
  /** Correlation of the UNet's prediction with the noise that was added. */
  noiseCorrelation: number;
}

/** Candidates to try; tests narrow them to show a wrong convention is caught. */
export interface SelfCheckCandidates {
  ranges?: readonly PixelRange[];
  scales?: readonly number[];
}

/**
 * A smooth picture, [3, size, size] in [-1, 1]: a lit face-coloured oval with darker eyes and mouth on
 * a gradient. Smooth, so any VAE worth using gives it back closely.
 */
export function checkPicture(size: number): Float32Array {
  const plane = size * size;
  const out = new Float32Array(3 * plane);
  const blob = (x: number, y: number, cx: number, cy: number, rx: number, ry: number) => Math.exp(-(((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2));
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      const x = i / size;
      const y = j / size;
      const face = blob(x, y, 0.5, 0.5, 0.28, 0.36);
      const features = blob(x, y, 0.4, 0.42, 0.05, 0.03) + blob(x, y, 0.6, 0.42, 0.05, 0.03) + blob(x, y, 0.5, 0.66, 0.1, 0.03);
      const background = [0.2 + 0.3 * y, 0.35 + 0.2 * x, 0.6 - 0.2 * y];
      const skin = [0.92, 0.72, 0.6];
      for (let c = 0; c < 3; c++) {
        const value = (background[c] ?? 0) * (1 - face) + (skin[c] ?? 0) * face - 0.45 * features;
        out[c * plane + j * size + i] = Math.min(1, Math.max(0, value)) * 2 - 1;
      }
    }
  }
  return out;
}

function meanAbs(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs((a[i] ?? 0) - (b[i] ?? 0));
  return sum / a.length;
}

function std(values: Float32Array): number {
  let mean = 0;
  for (const v of values) mean += v;
  mean /= values.length;
  let variance = 0;
  for (const v of values) variance += (v - mean) ** 2;
  return Math.sqrt(variance / values.length);
}

export function correlation(a: Float32Array, b: Float32Array): number {
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    ab += x * y;
    aa += x * x;
    bb += y * y;
  }
  return aa === 0 || bb === 0 ? 0 : ab / Math.sqrt(aa * bb);
}

const failure = (model: string, message: string) => new StickerError('MODEL_INTEGRITY', message, { stage: 'redraw', reason: 'ai-self-check', model });

/** What of the set the check needs: its picture size, and the strength whose timestep the UNet is checked at. */
export interface SelfCheckSet {
  imageSize: number;
  defaultStrength: number;
}

export async function selfCheck<Text>(
  raw: RawNetworks<Text>,
  text: Text,
  set: SelfCheckSet,
  files: SelfCheckFiles,
  candidates: SelfCheckCandidates = {},
): Promise<SelfCheckResult> {
  const picture = checkPicture(set.imageSize);
  const ranges = candidates.ranges ?? PIXEL_RANGES;
  let best: { encoderInput: PixelRange; decoderOutput: PixelRange; error: number; latents: Float32Array } | undefined;
  for (const encoderInput of ranges) {
    const latents = await raw.encode(fromSigned(picture, encoderInput));
    const decoded = await raw.decode(latents);
    for (const decoderOutput of ranges) {
      const error = meanAbs(toSigned(decoded, decoderOutput), picture);
      if (Number.isFinite(error) && (best === undefined || error < best.error)) best = { encoderInput, decoderOutput, error, latents };
    }
  }
  if (best === undefined || best.error > MAX_RECONSTRUCTION_ERROR) {
    const error = best === undefined ? 'no finite output' : `mean error ${best.error.toFixed(3)} > ${MAX_RECONSTRUCTION_ERROR}`;
    throw failure(
      files.vaeEncoder,
      `self-check: ${files.vaeEncoder} + ${files.vaeDecoder} do not give the built-in picture back under any input/output range tried (${error})`,
    );
  }

  const latentStd = std(best.latents);
  const scales = candidates.scales ?? LATENT_SCALES;
  const ratio = (scale: number) => Math.abs(Math.log(latentStd * scale));
  const latentScale = scales.reduce((a, b) => (ratio(b) < ratio(a) ? b : a));
  if (!(ratio(latentScale) <= Math.log(MAX_LATENT_STD_RATIO))) {
    throw failure(
      files.vaeEncoder,
      `self-check: ${files.vaeEncoder}'s latents have standard deviation ${latentStd.toFixed(3)}, not near 1 under any factor tried (${scales.join(', ')})`,
    );
  }

  const [timestep = 0] = img2imgTimesteps(1, set.defaultStrength, SD_SCHEDULE.trainTimesteps);
  const alphaBar = alphasCumprod()[timestep] ?? 0;
  const next = gaussian(CHECK_SEED);
  const noise = Float32Array.from(best.latents, () => next());
  const noisy = best.latents.map((v, i) => Math.sqrt(alphaBar) * v * latentScale + Math.sqrt(1 - alphaBar) * (noise[i] ?? 0));
  const noiseCorrelation = correlation(await raw.predictNoise(noisy, timestep, text), noise);
  if (!(noiseCorrelation >= MIN_NOISE_CORRELATION)) {
    throw failure(
      files.unet,
      `self-check: ${files.unet}'s noise prediction at timestep ${timestep} correlates ${noiseCorrelation.toFixed(3)} with the noise, below ${MIN_NOISE_CORRELATION} (latents from ${files.vaeEncoder} × ${latentScale})`,
    );
  }
  return {
    calibration: { encoderInput: best.encoderInput, decoderOutput: best.decoderOutput, latentScale },
    reconstructionError: best.error,
    latentStd: latentStd * latentScale,
    noiseCorrelation,
  };
}
