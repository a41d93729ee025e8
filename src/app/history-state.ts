// The history as UI state: the kept stickers and the room they take, read again after every change.

import { batch, createSignal } from 'solid-js';
import { DEFAULT_CAPTION_PLACEMENT, DEFAULT_CUTOUT, type GenerateRequest } from '../core/sticker-options.ts';
import type { StickerResult } from '../core/protocol.ts';
import { addToHistory, deleteFromHistory, historyUsage, listHistory, rateInHistory, type HistoryRecord, type HistoryUsage } from './history-store.ts';

export function createHistory() {
  const [records, setRecords] = createSignal<HistoryRecord[]>([]);
  const [usage, setUsage] = createSignal<HistoryUsage | null>(null);
  let reads = 0;
  const refresh = async () => {
    const read = ++reads;
    const list = await listHistory();
    const used = await historyUsage(list);
    // A slower, older read must not overwrite a newer one; list and count change together.
    if (read !== reads) return;
    batch(() => {
      setRecords(list);
      setUsage(used);
    });
  };
  /** Keeps a finished sticker with what made it; returns its history id (null when not kept). */
  const keep = async (photo: Blob, photoName: string, request: GenerateRequest, result: StickerResult): Promise<string | null> => {
    const kept = await addToHistory({
      photo,
      photoName,
      prompt: request.prompt,
      caption: request.caption,
      captionPlacement: request.captionPlacement ?? DEFAULT_CAPTION_PLACEMENT,
      style: request.style,
      ...(request.template !== undefined && { template: request.template }),
      expression: request.expression,
      cutout: request.cutout ?? DEFAULT_CUTOUT,
      png: new Blob([result.png], { type: 'image/png' }),
      wechatGif: new Blob([result.exports.wechat.gif], { type: 'image/gif' }),
      webp: result.animation === null ? null : new Blob([result.animation.webp], { type: 'image/webp' }),
    });
    await refresh();
    return kept?.id ?? null;
  };
  const rate = (id: string, rating: number | null) => rateInHistory(id, rating).then(refresh);
  const remove = (id: string) => deleteFromHistory(id).then(refresh);
  return { records, usage, refresh, keep, rate, remove };
}
