// The caption faces bundled with the app (src/assets/fonts, OFL-1.1, made by
// scripts/fonts/build-caption-font.sh), added to the worker's fonts so every device measures and
// draws captions alike. Vite copies the files into the build: nothing comes from another origin.

import type { CaptionFontPreference, CaptionFontReport } from '../../core/protocol.ts';

const FACES = [
  { family: 'BiaoQing Caption', url: new URL('../../assets/fonts/caption-cjk-sc-black.woff2', import.meta.url), weight: '900' },
  // Covers every weight so the caption's 900 never asks for a synthetic bold of a colour bitmap.
  { family: 'BiaoQing Emoji', url: new URL('../../assets/fonts/caption-emoji.woff2', import.meta.url), weight: '100 900' },
] as const;

const VERSION = 'Noto Sans CJK SC Black 2.004 (GB2312 level 1, ASCII, CJK punctuation, full-width forms); Noto Color Emoji 2.042 (scripts/fonts/caption-emoji.txt)';

export async function loadCaptionFonts(preference: CaptionFontPreference): Promise<CaptionFontReport> {
  if (preference === 'system') return { loaded: [], version: null, ms: 0, reason: 'system' };
  const start = performance.now();
  try {
    const faces = await Promise.all(FACES.map((f) => new FontFace(f.family, `url(${f.url.href})`, { weight: f.weight }).load()));
    for (const face of faces) self.fonts.add(face);
    return { loaded: FACES.map((f) => f.family), version: VERSION, ms: performance.now() - start };
  } catch (error) {
    // The system's CJK fonts still draw the caption; the diagnostics say why the bundle did not.
    return { loaded: [], version: null, ms: performance.now() - start, reason: error instanceof Error ? error.message : String(error) };
  }
}
