// What the hosted files do not say and the first-load self-check settles (REAL-WEIGHTS.md): whether
// the VAE encoder takes images in [-1, 1] or [0, 1], whether the decoder gives either, and the
// factor between the encoder's latents and the UNet's (1 for TAESD-style latents, 0.18215 for SD's
// full VAE). The redraw works in [-1, 1] and the UNet's latents; this turns the networks' own
// conventions into those.

import type { DiffusionRuntime } from './redraw.ts';

export type PixelRange = 'signed' | 'unit';
export const PIXEL_RANGES: readonly PixelRange[] = ['signed', 'unit'];
/** TAESD's latents are the UNet's; SD's full VAE gives latents 1 / 0.18215 times larger. */
export const LATENT_SCALES: readonly number[] = [1, 0.18215];

export interface VaeCalibration {
  encoderInput: PixelRange;
  decoderOutput: PixelRange;
  /** UNet latents = encoder latents × latentScale. */
  latentScale: number;
}

/** The four networks as their graphs take and give values (after dtype conversion). */
export interface RawNetworks<Text> {
  encode(pixels: Float32Array): Promise<Float32Array>;
  decode(latents: Float32Array): Promise<Float32Array>;
  predictNoise: DiffusionRuntime<Text>['predictNoise'];
}

/** [-1, 1] → the range `to`. */
export function fromSigned(pixels: Float32Array, to: PixelRange): Float32Array {
  return to === 'signed' ? pixels : pixels.map((v) => (v + 1) / 2);
}

/** The range `from` → [-1, 1]. */
export function toSigned(pixels: Float32Array, from: PixelRange): Float32Array {
  return from === 'signed' ? pixels : pixels.map((v) => v * 2 - 1);
}

export function calibratedRuntime<Text>(raw: RawNetworks<Text>, calibration: VaeCalibration): DiffusionRuntime<Text> {
  const { encoderInput, decoderOutput, latentScale } = calibration;
  return {
    encodeImage: async (pixels) => (await raw.encode(fromSigned(pixels, encoderInput))).map((v) => v * latentScale),
    predictNoise: raw.predictNoise,
    decode: async (latents) => toSigned(await raw.decode(latentScale === 1 ? latents : latents.map((v) => v / latentScale)), decoderOutput),
  };
}
