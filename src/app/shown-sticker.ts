// The finished sticker as the result card and its downloads show it: the engine's result and the
// blob URLs made from it.

import type { StickerResult } from '../core/protocol.ts';

export interface ShownSticker {
  url: string;
  meta: StickerResult;
  fileName: string;
  /** The animated versions, when they were made. */
  gifUrl: string | null;
  webpUrl: string | null;
  /** Blob URLs of the platform exports (result.exports). */
  exportUrls: { wechat: string; whatsapp: string; telegram: string; hd: string[] };
  /** Its entry in the history (null when it could not be kept), and the user's rating. */
  historyId: string | null;
  rating: number | null;
}
