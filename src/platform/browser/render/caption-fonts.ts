// The caption faces bundled with the app, so every device measures and draws captions alike: the
// CJK font (src/assets/fonts, OFL-1.1, made by scripts/fonts/build-caption-font.sh), added to the
// worker's fonts, and the emoji atlas (caption-emoji.ts). Vite copies the files into the build:
// nothing comes from another origin. Each loads when a caption first needs it: the font in slices
// by unicode-range (an everyday caption needs the first, 0.3 MB of 1.2), the atlas for a caption
// with an emoji it has; a sticker without words fetches neither.

import type { CaptionFontReport } from '../../../core/platform.ts';
import type { CaptionFontPreference } from '../../../core/runtime-preferences.ts';
import { parseUnicodeRange, slicesNeeded } from '../../../core/font-slices.ts';
import index from '../../../assets/fonts/caption-cjk-slices.json';
import { captionHasAtlasEmoji, loadEmojiAtlas } from './caption-emoji.ts';
import { errorMessage } from '../../../core/errors.ts';

/** Written out, so Vite finds each file; in the order of caption-cjk-slices.json. */
const SLICE_URLS = [
  new URL('../../../assets/fonts/caption-cjk-sc-black-0.woff2', import.meta.url),
  new URL('../../../assets/fonts/caption-cjk-sc-black-1.woff2', import.meta.url),
  new URL('../../../assets/fonts/caption-cjk-sc-black-2.woff2', import.meta.url),
];
const SLICE_RANGES = index.slices.map((slice) => parseUnicodeRange(slice.unicodeRange));

interface Part {
  name: string;
  version: string;
  /** What of this part the caption needs (slices, the atlas); empty: nothing. */
  pieces(caption: string): string[];
  load(piece: string): Promise<void>;
}

const PARTS: readonly Part[] = [
  {
    name: 'BiaoQing Caption',
    version: 'Noto Sans CJK SC Black 2.004 (GB2312 level 1, ASCII, CJK punctuation, full-width forms)',
    pieces: (caption) => slicesNeeded(caption, SLICE_RANGES).map(String),
    load: async (piece) => {
      const n = Number(piece);
      const url = SLICE_URLS[n];
      const slice = index.slices[n];
      if (url === undefined || slice === undefined) throw new Error(`no caption font slice ${piece}`);
      self.fonts.add(await new FontFace('BiaoQing Caption', `url(${url.href})`, { weight: '900', unicodeRange: slice.unicodeRange }).load());
    },
  },
  {
    name: 'BiaoQing Emoji',
    version: 'Noto Color Emoji 2.042 bitmaps (scripts/fonts/caption-emoji.txt)',
    pieces: (caption) => (captionHasAtlasEmoji(caption) ? ['atlas'] : []),
    load: loadEmojiAtlas,
  },
];

type Outcome = { ok: true; ms: number } | { ok: false; reason: string };

export class CaptionFonts {
  /** Each piece's load, by part. */
  private readonly loads = new Map<Part, Map<string, Promise<Outcome>>>();

  constructor(private readonly preference: CaptionFontPreference) {}

  /** Loads what `caption` needs and is not loaded yet; reports every part loaded so far. */
  async forCaption(caption: string): Promise<CaptionFontReport> {
    if (this.preference === 'system') return { loaded: [], version: null, ms: 0, reason: 'system' };
    for (const part of PARTS) {
      const pieces = this.loads.get(part) ?? new Map<string, Promise<Outcome>>();
      for (const piece of part.pieces(caption)) if (!pieces.has(piece)) pieces.set(piece, this.load(part, piece));
      if (pieces.size > 0) this.loads.set(part, pieces);
    }
    const parts = await Promise.all([...this.loads].map(async ([part, pieces]) => ({ part, outcomes: await Promise.all(pieces.values()) })));
    // A part with a piece that failed falls back to the system's fonts for what that piece holds
    // (CJK faces, emoji through fillText); the diagnostics say why.
    const loaded = parts.filter(({ outcomes }) => outcomes.every((o) => o.ok));
    const reasons = parts.flatMap(({ part, outcomes }) => outcomes.flatMap((o) => (o.ok ? [] : [`${part.name}: ${o.reason}`])));
    return {
      loaded: loaded.map(({ part }) => part.name),
      version: loaded.length === 0 ? null : loaded.map(({ part }) => part.version).join('; '),
      ms: loaded.reduce((sum, { outcomes }) => sum + outcomes.reduce((s, o) => s + (o.ok ? o.ms : 0), 0), 0),
      ...(reasons.length === 0 ? {} : { reason: reasons.join('; ') }),
    };
  }

  private async load(part: Part, piece: string): Promise<Outcome> {
    const start = performance.now();
    try {
      await part.load(piece);
      return { ok: true, ms: performance.now() - start };
    } catch (error) {
      return { ok: false, reason: errorMessage(error) };
    }
  }
}
