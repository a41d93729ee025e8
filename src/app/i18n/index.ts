// Everything the UI says comes through here, zh-CN first and English, one file per area beside
// this one; lang() picks the table, and setLang() is the user's switch.

import type { ErrorCode, ErrorInfo, ErrorReason } from '../../core/errors.ts';
import { t } from './app.ts';
import { ERROR_SENTENCES, sentenceFor } from './errors.ts';
import { LANG_STORAGE_KEY, lang, setLangSignal, type Lang } from './lang.ts';

export { lang, type Lang } from './lang.ts';
export { t } from './app.ts';
export { aiText } from './ai.ts';
export { motionText } from './motion.ts';
export { weChatText } from './wechat.ts';
export { pwaText, type NetworkFeature } from './pwa.ts';

export function setLang(next: Lang): void {
  setLangSignal(next);
  globalThis.localStorage?.setItem(LANG_STORAGE_KEY, next);
  document.documentElement.lang = next;
  document.title = t().appTitle;
}

/** The sentence for a failure: by code and reason, with the numbers when storage was short. */
export function errorSentence(info: ErrorInfo): string {
  const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(bytes < 10 * 2 ** 20 ? 1 : 0);
  if (info.code === 'STORAGE_FULL' && info.storage !== undefined) return t().storageFull(mb(info.storage.neededBytes), mb(info.storage.freeBytes));
  return errorText(info.code, info.reason);
}

/** The sentence for an error code (and reason, when there is a finer one). */
export function errorText(code: ErrorCode, reason?: ErrorReason): string {
  return sentenceFor(ERROR_SENTENCES[lang()], code, reason);
}
