// The user's work in progress (photo, words, style) kept in IndexedDB, so a reload, a crash or an
// app update never loses it.

import { get } from 'idb-keyval';
import { setWithBlobs, withBlobs } from './stored-blobs.ts';
import { DEFAULT_CAPTION_PLACEMENT, DEFAULT_CUTOUT, DEFAULT_OUTLINE, isCaptionPlacement, isCutout, type CaptionPlacement, type Cutout } from '../core/sticker-options.ts';

export interface Draft {
  photo: Blob | null;
  photoName: string;
  prompt: string;
  caption: string;
  style: string;
  /** A template id, '' for none. */
  template: string;
  outlineWidth: number;
  outlineColour: string;
  cutout: Cutout;
  captionPlacement: CaptionPlacement;
}

const KEY = 'draft:v1';

export async function loadDraft(): Promise<Draft | undefined> {
  try {
    const value = withBlobs(await get(KEY));
    if (typeof value !== 'object' || value === null) return undefined;
    const d = value as Partial<Draft>;
    return {
      photo: d.photo instanceof Blob ? d.photo : null,
      photoName: typeof d.photoName === 'string' ? d.photoName : '',
      prompt: typeof d.prompt === 'string' ? d.prompt : '',
      caption: typeof d.caption === 'string' ? d.caption : '',
      style: typeof d.style === 'string' ? d.style : 'photo',
      template: typeof d.template === 'string' ? d.template : '',
      outlineWidth: typeof d.outlineWidth === 'number' ? d.outlineWidth : DEFAULT_OUTLINE.width,
      outlineColour: typeof d.outlineColour === 'string' ? d.outlineColour : DEFAULT_OUTLINE.colour,
      cutout: isCutout(d.cutout) ? d.cutout : DEFAULT_CUTOUT,
      captionPlacement: isCaptionPlacement(d.captionPlacement) ? d.captionPlacement : DEFAULT_CAPTION_PLACEMENT,
    };
  } catch {
    return undefined; // No IndexedDB (some private modes): the app still works, without restore.
  }
}

export async function saveDraft(draft: Draft): Promise<void> {
  try {
    await setWithBlobs(KEY, draft);
  } catch {
    // Storage full or unavailable: keep working from memory.
  }
}

