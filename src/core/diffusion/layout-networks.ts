// The VAE and UNet fed by the layout their sessions were read to have: the same code for
// onnxruntime-web and onnxruntime-node, each bringing its own Tensor and run.

import type { DiffusionLayout } from './graph-layout.ts';
import { floatData, timestepData, type TensorData } from './layout-tensors.ts';
import { latentSize, type DiffusionModelSet } from './model-sets.ts';
import type { RawNetworks } from './vae-calibration.ts';

export interface SessionRunner<T, Text> {
  tensor(data: TensorData): T;
  /** The prompt's hidden states as the UNet's text input takes them. */
  textTensor(text: Text): T;
  /** One run; the named float output as float32. */
  run(part: 'vaeEncoder' | 'vaeDecoder' | 'unet', feeds: Record<string, T>, output: string): Promise<Float32Array>;
}

export function layoutNetworks<T, Text>(set: DiffusionModelSet, layout: DiffusionLayout, runner: SessionRunner<T, Text>): RawNetworks<Text> {
  const latent = latentSize(set);
  const imageDims = [1, 3, set.imageSize, set.imageSize];
  const latentDims = [1, set.latentChannels, latent, latent];
  const { vaeEncoder, vaeDecoder, unet } = layout;
  return {
    encode: (pixels) =>
      runner.run('vaeEncoder', { [vaeEncoder.image.name]: runner.tensor(floatData(pixels, vaeEncoder.image.type, imageDims)) }, vaeEncoder.latent.name),
    decode: (latents) =>
      runner.run('vaeDecoder', { [vaeDecoder.latent.name]: runner.tensor(floatData(latents, vaeDecoder.latent.type, latentDims)) }, vaeDecoder.image.name),
    predictNoise: (sample, timestep, text) =>
      runner.run(
        'unet',
        {
          [unet.sample.name]: runner.tensor(floatData(sample, unet.sample.type, latentDims)),
          [unet.timestep.name]: runner.tensor(timestepData(timestep, unet.timestep.type)),
          [unet.text.name]: runner.textTensor(text),
        },
        unet.noise.name,
      ),
  };
}
