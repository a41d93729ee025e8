// What the UI is told about the AI redraw: which models, whether this device runs them and why,
// and how far their download and loading have got. One event shape whether the redraw runs in the
// worker or on the fallback server (`server`, and the engine's provider 'server').

import type { ErrorInfo } from '../errors.ts';
import type { GateReason } from './capability.ts';

export interface RedrawEngineInfo {
  set: string;
  /** Fixture networks: results are test output, and the UI says so. */
  test: boolean;
  /** 'server': the fallback server ran it (its own provider is its business). */
  provider: 'webgpu' | 'wasm' | 'server';
  dtype: string;
  /** Milliseconds from the first file request to sessions ready (cold: downloads included). */
  loadMs: number;
}

export interface RedrawDecisionReport {
  run: 'local' | 'elsewhere';
  provider?: 'webgpu' | 'wasm';
  dtype?: string;
  reason: GateReason;
  detail: string;
}

export interface RedrawDownload {
  loaded: number;
  total: number;
  bytesPerSecond: number | null;
  secondsLeft: number | null;
}

export type RedrawState = 'unavailable' | 'needs-download' | 'downloading' | 'loading' | 'ready' | 'failed';

export interface RedrawStatus {
  state: RedrawState;
  set: { id: string; name: string; test: boolean };
  decision: RedrawDecisionReport;
  /** Bytes still to download (needs-download). */
  bytes?: number;
  download?: RedrawDownload;
  engine?: RedrawEngineInfo;
  /** The AI runs on the fallback server (ready), or would have but it did not answer (unavailable, with the error). */
  server?: { url: string; retentionHours?: number };
  /** After an AI job: GPU tensors the engine still holds (0 unless something leaked). */
  gpuTensorsLeft?: number;
  error?: ErrorInfo;
}

/** What a job asks of the redraw. */
export interface RedrawRequest {
  steps: number;
  strength: number;
  seed: number;
}

export function isRedrawRequest(value: unknown): value is RedrawRequest {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return (
    typeof r.steps === 'number' &&
    Number.isInteger(r.steps) &&
    r.steps >= 1 &&
    r.steps <= 8 &&
    typeof r.strength === 'number' &&
    r.strength > 0 &&
    r.strength <= 1 &&
    typeof r.seed === 'number' &&
    Number.isInteger(r.seed) &&
    r.seed >= 0 &&
    r.seed <= 0xffffffff
  );
}
