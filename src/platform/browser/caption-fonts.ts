// The caption faces bundled with the app, so every device measures and draws captions alike: the
// CJK font (src/assets/fonts, OFL-1.1, made by scripts/fonts/build-caption-font.sh), added to the
// worker's fonts, and the emoji atlas (caption-emoji.ts). Vite copies the files into the build:
// nothing comes from another origin.

import type { CaptionFontPreference, CaptionFontReport } from '../../core/protocol.ts';
import { loadEmojiAtlas } from './caption-emoji.ts';

const CJK_URL = new URL('../../assets/fonts/caption-cjk-sc-black.woff2', import.meta.url);

const BUNDLE = [
  {
    name: 'BiaoQing Caption',
    version: 'Noto Sans CJK SC Black 2.004 (GB2312 level 1, ASCII, CJK punctuation, full-width forms)',
    load: async () => {
      self.fonts.add(await new FontFace('BiaoQing Caption', `url(${CJK_URL.href})`, { weight: '900' }).load());
    },
  },
  { name: 'BiaoQing Emoji', version: 'Noto Color Emoji 2.042 bitmaps (scripts/fonts/caption-emoji.txt)', load: loadEmojiAtlas },
] as const;

export async function loadCaptionFonts(preference: CaptionFontPreference): Promise<CaptionFontReport> {
  if (preference === 'system') return { loaded: [], version: null, ms: 0, reason: 'system' };
  const start = performance.now();
  const results = await Promise.allSettled(BUNDLE.map((part) => part.load()));
  const loaded = BUNDLE.filter((_, i) => results[i]?.status === 'fulfilled');
  // What failed falls back to the system's fonts (CJK faces, emoji through fillText); the
  // diagnostics say why.
  const reasons = results.flatMap((r, i) => (r.status === 'rejected' ? [`${BUNDLE[i]?.name}: ${r.reason instanceof Error ? r.reason.message : String(r.reason)}`] : []));
  return {
    loaded: loaded.map((part) => part.name),
    version: loaded.length === 0 ? null : loaded.map((part) => part.version).join('; '),
    ms: performance.now() - start,
    ...(reasons.length === 0 ? {} : { reason: reasons.join('; ') }),
  };
}
