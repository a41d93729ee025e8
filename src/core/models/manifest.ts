// The one list of model files the app may load, each pinned by SHA-256. The build copies local
// copies next to the app when it has them; otherwise the public URL is used. Either way the bytes
// are checked against the hash before use.

import manifestJson from '../../../models/manifest.json';

export interface ModelEntry {
  id: string;
  stage: string;
  runtime: string;
  /**
   * 'shared': a published file, found in ../shared/models on development machines; 'repo': built by
   * this repository, under models/; 'derived': made at build time from `derivedFrom`.
   */
  source: string;
  /** The published model this file is made from; where the app's own folder lacks this file, that one is loaded instead. */
  derivedFrom?: string;
  /** Path under the source folder, and under models/ in the build. */
  file: string;
  bytes: number;
  /**
   * `bytes` is only the published approximate size: the exact one is taken from the host's answer
   * (or the stored copy's record) before the download, and the SHA-256 checks the file either way.
   */
  bytesApproximate?: boolean;
  sha256: string;
  dtype: string;
  license: string;
  /** Public source; null for files only this repository makes (fixtures). */
  url: string | null;
  description: string;
  /** Bytes of the largest weight tensor (diffusion networks): the capability gate checks it against GPU buffer limits. */
  largestTensorBytes?: number;
}

export interface ModelManifest {
  version: number;
  models: ModelEntry[];
}

export const MODEL_MANIFEST: ModelManifest = manifestJson;

export function modelEntry(id: string): ModelEntry {
  const entry = findModelEntry(id);
  if (entry === undefined) throw new Error(`model ${id} is not in models/manifest.json`);
  return entry;
}

/** The URLs to try, in order: the copy served beside the app, then the public source. */
export function modelUrls(entry: ModelEntry, assetBase: string): string[] {
  const base = assetBase.endsWith('/') ? assetBase : `${assetBase}/`;
  const local = `${base}models/${entry.file}`;
  return entry.url === null || entry.url === local ? [local] : [local, entry.url];
}

/** The entry, or undefined when this build's manifest does not list it (weights not yet pinned). */
export function findModelEntry(id: string): ModelEntry | undefined {
  return MODEL_MANIFEST.models.find((m) => m.id === id);
}
