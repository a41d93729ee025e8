// The caption faces bundled with the app, so every device measures and draws captions alike: the
// CJK font (src/assets/fonts, OFL-1.1, made by scripts/fonts/build-caption-font.sh), added to the
// worker's fonts, and the emoji atlas (caption-emoji.ts). Vite copies the files into the build:
// nothing comes from another origin. Each loads when a caption first needs it (the font for any
// caption, the atlas for one with an emoji it has), so a sticker without words fetches neither.

import type { CaptionFontPreference, CaptionFontReport } from '../../core/protocol.ts';
import { captionHasAtlasEmoji, loadEmojiAtlas } from './caption-emoji.ts';

const CJK_URL = new URL('../../assets/fonts/caption-cjk-sc-black.woff2', import.meta.url);

interface Part {
  name: string;
  version: string;
  needed(caption: string): boolean;
  load(): Promise<void>;
}

const PARTS: readonly Part[] = [
  {
    name: 'BiaoQing Caption',
    version: 'Noto Sans CJK SC Black 2.004 (GB2312 level 1, ASCII, CJK punctuation, full-width forms)',
    needed: (caption) => caption.trim() !== '',
    load: async () => {
      self.fonts.add(await new FontFace('BiaoQing Caption', `url(${CJK_URL.href})`, { weight: '900' }).load());
    },
  },
  { name: 'BiaoQing Emoji', version: 'Noto Color Emoji 2.042 bitmaps (scripts/fonts/caption-emoji.txt)', needed: captionHasAtlasEmoji, load: loadEmojiAtlas },
];

type Outcome = { ok: true; ms: number } | { ok: false; reason: string };

export class CaptionFonts {
  private readonly loads = new Map<Part, Promise<Outcome>>();

  constructor(private readonly preference: CaptionFontPreference) {}

  /** Loads what `caption` needs and is not loaded yet; reports every part loaded so far. */
  async forCaption(caption: string): Promise<CaptionFontReport> {
    if (this.preference === 'system') return { loaded: [], version: null, ms: 0, reason: 'system' };
    for (const part of PARTS) if (part.needed(caption) && !this.loads.has(part)) this.loads.set(part, this.load(part));
    const outcomes = await Promise.all([...this.loads].map(async ([part, outcome]) => ({ part, outcome: await outcome })));
    const loaded = outcomes.flatMap(({ part, outcome }) => (outcome.ok ? [{ part, ms: outcome.ms }] : []));
    // What failed falls back to the system's fonts (CJK faces, emoji through fillText); the
    // diagnostics say why.
    const reasons = outcomes.flatMap(({ part, outcome }) => (outcome.ok ? [] : [`${part.name}: ${outcome.reason}`]));
    return {
      loaded: loaded.map(({ part }) => part.name),
      version: loaded.length === 0 ? null : loaded.map(({ part }) => part.version).join('; '),
      ms: loaded.reduce((sum, { ms }) => sum + ms, 0),
      ...(reasons.length === 0 ? {} : { reason: reasons.join('; ') }),
    };
  }

  private async load(part: Part): Promise<Outcome> {
    const start = performance.now();
    try {
      await part.load();
      return { ok: true, ms: performance.now() - start };
    } catch (error) {
      return { ok: false, reason: error instanceof Error ? error.message : String(error) };
    }
  }
}
