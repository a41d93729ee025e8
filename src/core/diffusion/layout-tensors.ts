// The values a network's layout asks for, as plain typed arrays each runtime wraps in its own
// onnxruntime Tensor (web and node share the constructor), and its float outputs read back as
// float32 whatever the graph gave.

import { fromFloat16Bits, toFloat16Bits } from './half-float.ts';
import type { FloatType, IdType, TimestepType } from './graph-layout.ts';

export type TensorData =
  | { type: 'float32'; data: Float32Array; dims: readonly number[] }
  | { type: 'float16'; data: Uint16Array; dims: readonly number[] }
  | { type: 'int32'; data: Int32Array; dims: readonly number[] }
  | { type: 'int64'; data: BigInt64Array; dims: readonly number[] };

export function floatData(values: Float32Array, type: FloatType, dims: readonly number[]): TensorData {
  return type === 'float32' ? { type, data: values, dims } : { type, data: toFloat16Bits(values), dims };
}

export function idData(ids: Int32Array, type: IdType): TensorData {
  const dims = [1, ids.length];
  return type === 'int32' ? { type, data: ids, dims } : { type, data: BigInt64Array.from(ids, (v) => BigInt(v)), dims };
}

/** A training timestep (0–999), as the UNet's `timestep` input takes it. */
export function timestepData(timestep: number, type: TimestepType): TensorData {
  if (type === 'int64') return { type, data: BigInt64Array.of(BigInt(timestep)), dims: [1] };
  if (type === 'int32') return { type, data: Int32Array.of(timestep), dims: [1] };
  return floatData(Float32Array.of(timestep), type, [1]);
}

/** A float output as float32: float16 arrives as 16-bit words, or as Float16Array where the platform has one. */
export function floatsOf(data: unknown, name: string): Float32Array {
  if (data instanceof Float32Array) return data;
  if (data instanceof Uint16Array) return fromFloat16Bits(data);
  const half = (globalThis as { Float16Array?: new (...args: never[]) => ArrayLike<number> }).Float16Array;
  if (half !== undefined && data instanceof half) return Float32Array.from(data as ArrayLike<number>);
  throw new Error(`${name}: expected a float output`);
}
