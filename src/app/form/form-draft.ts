// What the draft keeps of the form, and how each kept field comes back after a reload: one entry per
// field, so a field joins the draft with one line here. Stored under the form's own field names
// (draft-store.ts); a missing or broken field of an older draft takes its default.

import { DEFAULT_CAPTION_PLACEMENT, DEFAULT_CUTOUT, DEFAULT_OUTLINE, isCaptionPlacement, isCutout, isStyle } from '../../core/sticker-options.ts';
import { templateById } from '../../core/templates/index.ts';
import { settled, type StickerForm } from './sticker-form.ts';

/** A draft as read back from storage: any field may be missing or not what it should be. */
export type StoredDraft = Partial<Record<keyof StickerForm, unknown>>;

const text = (value: unknown, fallback: string): string => (typeof value === 'string' ? value : fallback);

/** The draft is read after the page shows: a photo the user chose meanwhile is not replaced, nor its name. */
const photoComesBack = (stored: StoredDraft, now: StickerForm): stored is StoredDraft & { photo: Blob } => now.photo === null && stored.photo instanceof Blob;

/** Each kept field: the stored value as the form takes it, or undefined to leave the form's own. */
const DRAFT_FIELDS = {
  photo: (s, now) => (photoComesBack(s, now) ? s.photo : undefined),
  photoName: (s, now) => (photoComesBack(s, now) ? text(s.photoName, '') : undefined),
  // Words typed before the draft was read are the user's.
  prompt: (s, now) => (now.prompt === '' ? text(s.prompt, '') : undefined),
  caption: (s, now) => (now.caption === '' ? text(s.caption, '') : undefined),
  // A style this version does not know leaves the form's; none stored is the photo style.
  style: (s) => {
    const style = text(s.style, 'photo');
    return isStyle(style) ? style : undefined;
  },
  template: (s) => templateById(text(s.template, ''))?.id ?? '',
  outlineWidth: (s) => (typeof s.outlineWidth === 'number' ? s.outlineWidth : DEFAULT_OUTLINE.width),
  outlineColour: (s) => text(s.outlineColour, DEFAULT_OUTLINE.colour),
  cutout: (s) => (isCutout(s.cutout) ? s.cutout : DEFAULT_CUTOUT),
  captionPlacement: (s) => (isCaptionPlacement(s.captionPlacement) ? s.captionPlacement : DEFAULT_CAPTION_PLACEMENT),
} satisfies { [K in keyof StickerForm]?: (stored: StoredDraft, now: StickerForm) => StickerForm[K] | undefined };

type DraftKey = keyof typeof DRAFT_FIELDS;
/** What is stored: the kept fields of the form, as they are. */
export type Draft = Pick<StickerForm, DraftKey>;

const DRAFT_KEYS = Object.keys(DRAFT_FIELDS) as DraftKey[];

export function draftOf(form: StickerForm): Draft {
  return Object.fromEntries(DRAFT_KEYS.map((key) => [key, form[key]])) as Draft;
}

/** Whether a change to the form changes what the draft keeps. */
export function changesDraft(patch: Partial<StickerForm>): boolean {
  return DRAFT_KEYS.some((key) => key in patch);
}

/** The change a stored draft makes to the form as it is now. */
export function restoreDraft(stored: StoredDraft, now: StickerForm): Partial<StickerForm> {
  const restored = DRAFT_KEYS.map((key) => [key, DRAFT_FIELDS[key](stored, now)] as const).filter(([, value]) => value !== undefined);
  return settled(Object.fromEntries(restored) as Partial<StickerForm>);
}
