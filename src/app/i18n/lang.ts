// The language the app speaks: zh-CN unless the browser asks only for others; the user's choice is
// remembered.

import { createSignal } from 'solid-js';

export type Lang = 'zh-CN' | 'en';

export const LANG_STORAGE_KEY = 'biaoqing.lang';

function initialLang(): Lang {
  const saved = globalThis.localStorage?.getItem(LANG_STORAGE_KEY);
  if (saved === 'zh-CN' || saved === 'en') return saved;
  const prefersChinese = (navigator.languages ?? [navigator.language]).some((l) => l.toLowerCase().startsWith('zh'));
  const prefersOther = (navigator.languages ?? [navigator.language]).some((l) => l && !l.toLowerCase().startsWith('zh'));
  return !prefersChinese && prefersOther ? 'en' : 'zh-CN';
}

const [lang, setLangSignal] = createSignal<Lang>(initialLang());

export { lang, setLangSignal };

/** An area's words in the current language: each area keeps a zh-CN table and an English one of the same shape. */
export function inLang<D>(zh: D, en: D): D {
  return lang() === 'en' ? en : zh;
}
