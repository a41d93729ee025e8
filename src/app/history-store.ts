// Every finished sticker, kept in IndexedDB with what made it (photo, words, expression, style), so
// it can be re-exported, re-edited or deleted later, across reloads and app updates. Photos are
// stored once per content hash: a pack of 16 from one selfie keeps one copy of the selfie.

import { createStore, del, entries, get, type UseStore } from 'idb-keyval';
import type { CaptionPlacement, Cutout } from '../core/sticker-options.ts';
import { setWithBlobs, withBlobs } from './stored-blobs.ts';

export interface HistoryRecord {
  version: 1;
  id: string;
  createdAt: number;
  prompt: string;
  caption: string;
  /** Absent in records kept before placement existed: the bottom band. */
  captionPlacement?: CaptionPlacement;
  style: string;
  /** The template id, when the sticker used one (records from before templates have none). */
  template?: string;
  expression: { id: string; intensity: number } | null;
  /** The cutout asked for; absent in records kept before there was a choice. */
  cutout?: Cutout;
  /** SHA-256 of the photo, the key of its copy in the photo store. */
  photoKey: string;
  photoName: string;
  png: Blob;
  /** The WeChat GIF (animated or not), and the animated WebP when one was made. */
  wechatGif: Blob;
  webp: Blob | null;
  rating: number | null;
}

export interface HistoryUsage {
  stickers: number;
  /** Bytes of stickers and photos this history keeps. */
  bytes: number;
}

let stores: { stickers: UseStore; photos: UseStore } | undefined;
function db(): { stickers: UseStore; photos: UseStore } {
  stores ??= { stickers: createStore('biaoqing-history', 'stickers'), photos: createStore('biaoqing-photos', 'photos') };
  return stores;
}

async function sha256(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

function isRecord(value: unknown): value is HistoryRecord {
  const r = value as Partial<HistoryRecord> | null;
  return typeof r === 'object' && r !== null && r.version === 1 && typeof r.id === 'string' && r.png instanceof Blob && r.wechatGif instanceof Blob;
}

export type NewRecord = Omit<HistoryRecord, 'version' | 'id' | 'createdAt' | 'photoKey' | 'rating'> & { photo: Blob };

/** Keeps a finished sticker; a full or missing IndexedDB only means it is not kept. */
export async function addToHistory(record: NewRecord): Promise<HistoryRecord | null> {
  try {
    const { photo, ...rest } = record;
    const photoKey = await sha256(photo);
    if ((await get(photoKey, db().photos)) === undefined) await setWithBlobs(photoKey, photo, db().photos);
    const kept: HistoryRecord = { ...rest, version: 1, id: crypto.randomUUID(), createdAt: Date.now(), photoKey, rating: null };
    await setWithBlobs(kept.id, kept, db().stickers);
    return kept;
  } catch {
    return null;
  }
}

/** Newest first; entries an older or newer app version cannot read are skipped, not deleted. */
export async function listHistory(): Promise<HistoryRecord[]> {
  try {
    const all = await entries(db().stickers);
    return all
      .map(([, value]) => withBlobs(value))
      .filter(isRecord)
      .sort((a, b) => b.createdAt - a.createdAt);
  } catch {
    return [];
  }
}

export async function historyPhoto(record: HistoryRecord): Promise<Blob | null> {
  try {
    const photo = withBlobs(await get(record.photoKey, db().photos));
    return photo instanceof Blob ? photo : null;
  } catch {
    return null;
  }
}

export async function rateInHistory(id: string, rating: number | null): Promise<void> {
  const record = withBlobs(await get(id, db().stickers));
  if (isRecord(record)) await setWithBlobs(id, { ...record, rating }, db().stickers);
}

/** Deletes a sticker, and its photo when no other sticker uses it. */
export async function deleteFromHistory(id: string): Promise<void> {
  const record = withBlobs(await get(id, db().stickers));
  await del(id, db().stickers);
  if (!isRecord(record)) return;
  const others = await listHistory();
  if (!others.some((r) => r.photoKey === record.photoKey)) await del(record.photoKey, db().photos);
}

export async function historyUsage(records: readonly HistoryRecord[]): Promise<HistoryUsage> {
  const photoKeys = new Set(records.map((r) => r.photoKey));
  let bytes = records.reduce((sum, r) => sum + r.png.size + r.wechatGif.size + (r.webp?.size ?? 0), 0);
  for (const key of photoKeys) {
    const photo = withBlobs(await get(key, db().photos).catch(() => undefined));
    if (photo instanceof Blob) bytes += photo.size;
  }
  return { stickers: records.length, bytes };
}
