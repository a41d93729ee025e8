// The four networks' input and output names and dtypes, read from each session when it is created:
// real exports differ (the hosted SDXS files take int64 ids and a float32 timestep; this
// repository's own exports int32 ids and an int64 timestep; some name the latents `latent`, some
// take float16 tensors), so the runtime feeds whatever layout it finds among the known ones and
// refuses any other with a sentence naming the file and what differed.

import { StickerError } from '../errors.ts';
import type { DiffusionPart } from './model-sets.ts';

export type FloatType = 'float32' | 'float16';
export type IdType = 'int32' | 'int64';
export type TimestepType = FloatType | IdType;

/** One input or output as the session describes it. */
export interface GraphValue {
  name: string;
  /** onnxruntime's type name ('float32', 'int64', ...); undefined for a non-tensor value. */
  type: string | undefined;
}

export interface GraphSignature {
  inputs: readonly GraphValue[];
  outputs: readonly GraphValue[];
}

/** What onnxruntime (web and node alike) says of a session's inputs and outputs. */
interface SessionMetadata {
  inputMetadata: readonly { name: string; isTensor: boolean; type?: string }[];
  outputMetadata: readonly { name: string; isTensor: boolean; type?: string }[];
}

export function signatureOf(session: SessionMetadata): GraphSignature {
  const values = (list: SessionMetadata['inputMetadata']) => list.map((v) => ({ name: v.name, type: v.isTensor ? v.type : undefined }));
  return { inputs: values(session.inputMetadata), outputs: values(session.outputMetadata) };
}

export interface Port<T extends string = FloatType> {
  name: string;
  type: T;
}

export interface DiffusionLayout {
  textEncoder: { ids: Port<IdType>; hidden: Port };
  unet: { sample: Port; timestep: Port<TimestepType>; text: Port; noise: Port };
  vaeEncoder: { image: Port; latent: Port };
  vaeDecoder: { latent: Port; image: Port };
}

const FLOATS: readonly FloatType[] = ['float32', 'float16'];
const IDS: readonly IdType[] = ['int32', 'int64'];
const TIMESTEPS: readonly TimestepType[] = ['float32', 'float16', 'int64', 'int32'];
const LATENT_NAMES = ['latent_sample', 'latent'] as const;

class Reader {
  constructor(
    private readonly file: string,
    private readonly signature: GraphSignature,
  ) {}

  private refuse(what: string): never {
    const list = (values: readonly GraphValue[]) => values.map((v) => `${v.name} ${v.type ?? '?'}`).join(', ');
    throw new StickerError(
      'MODEL_INTEGRITY',
      `${this.file} does not match a known layout: ${what} (inputs: ${list(this.signature.inputs)}; outputs: ${list(this.signature.outputs)})`,
      { stage: 'redraw', reason: 'ai-layout', model: this.file },
    );
  }

  /** The one value among `names`, of one of `types`. */
  port<T extends string>(side: 'input' | 'output', names: readonly string[], types: readonly T[]): Port<T> {
    const values = side === 'input' ? this.signature.inputs : this.signature.outputs;
    const found = values.find((v) => names.includes(v.name));
    if (found === undefined) this.refuse(`no ${side} named ${names.join(' or ')}`);
    const type = types.find((t) => t === found.type);
    if (type === undefined) this.refuse(`${side} ${found.name} is ${found.type ?? 'not a tensor'}, expected ${types.join(' or ')}`);
    return { name: found.name, type };
  }

  /** Every input must be one the app feeds: an extra one would be left unfed. */
  only(fed: readonly Port<string>[]): void {
    const extra = this.signature.inputs.filter((v) => !fed.some((p) => p.name === v.name));
    if (extra.length > 0) this.refuse(`unexpected input ${extra.map((v) => v.name).join(', ')}`);
  }
}

export function readPartLayout<P extends DiffusionPart>(part: P, file: string, signature: GraphSignature): DiffusionLayout[P];
export function readPartLayout(part: DiffusionPart, file: string, signature: GraphSignature): DiffusionLayout[DiffusionPart] {
  const r = new Reader(file, signature);
  switch (part) {
    case 'textEncoder': {
      const layout = { ids: r.port('input', ['input_ids'], IDS), hidden: r.port('output', ['last_hidden_state'], FLOATS) };
      r.only([layout.ids]);
      return layout;
    }
    case 'unet': {
      const layout = {
        sample: r.port('input', ['sample'], FLOATS),
        timestep: r.port('input', ['timestep'], TIMESTEPS),
        text: r.port('input', ['encoder_hidden_states'], FLOATS),
        noise: r.port('output', ['out_sample'], FLOATS),
      };
      r.only([layout.sample, layout.timestep, layout.text]);
      return layout;
    }
    case 'vaeEncoder': {
      const layout = { image: r.port('input', ['sample'], FLOATS), latent: r.port('output', LATENT_NAMES, FLOATS) };
      r.only([layout.image]);
      return layout;
    }
    case 'vaeDecoder': {
      const layout = { latent: r.port('input', LATENT_NAMES, FLOATS), image: r.port('output', ['sample'], FLOATS) };
      r.only([layout.latent]);
      return layout;
    }
  }
}
