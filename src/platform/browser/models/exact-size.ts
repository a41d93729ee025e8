// A file pinned by SHA-256 whose exact size the manifest does not know (REAL-WEIGHTS gives only
// "≈ 4.91 MB" for TAESD's encoder): the size its stored part was started with, or each host's own
// answer. The download then runs as for any file, its progress and room check by that size, and the
// hash still decides whether the bytes are the manifest's file.

import { fileSizeFrom } from '../../../core/models/http-range.ts';
import type { ModelEntry } from '../../../core/models/manifest.ts';
import { StoredModel } from './stored-model.ts';

export function withSize(entry: ModelEntry, bytes: number): ModelEntry {
  return { ...entry, bytes, bytesApproximate: false };
}

/** The size an earlier, unfinished or finished, download of this file was started with; null when none was. */
export async function storedSize(entry: ModelEntry): Promise<number | null> {
  const stored = await StoredModel.open(entry);
  return stored.bytes > 0 || stored.complete ? stored.total : null;
}

async function answerSize(url: string, ranged: boolean, signal?: AbortSignal): Promise<number | null> {
  const init: RequestInit = { cache: 'no-store', headers: ranged ? { Range: 'bytes=0-0' } : {} };
  if (signal !== undefined) init.signal = signal;
  const response = await fetch(url, init);
  // Only the headers are wanted: a plain request's body is dropped unread.
  await response.body?.cancel().catch(() => undefined);
  const headers = response.headers;
  return fileSizeFrom({
    status: response.status,
    contentRange: headers.get('content-range'),
    contentLength: headers.get('content-length'),
    contentEncoding: headers.get('content-encoding'),
  });
}

/** The file's size at `url`, or null when the host does not say; throws when the host cannot be reached. */
export async function hostSize(url: string, signal?: AbortSignal): Promise<number | null> {
  // A cross-origin host may hide Content-Range; a plain request's Content-Length is always readable.
  return (await answerSize(url, true, signal)) ?? (await answerSize(url, false, signal));
}
