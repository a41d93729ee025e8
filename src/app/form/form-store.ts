// The sticker form as one Solid store. Every change goes through `edit`, which also keeps the draft
// (form-draft.ts says what it holds) in IndexedDB: no input saves the draft itself.

import { createMemo, onCleanup } from 'solid-js';
import { createStore, unwrap } from 'solid-js/store';
import type { RedrawRequest } from '../../core/diffusion/redraw-status.ts';
import { loadDraft, saveDraft } from './draft-store.ts';
import { changesDraft, draftOf, restoreDraft } from './form-draft.ts';
import { defaultForm, settled, type StickerForm } from './sticker-form.ts';

export interface FormStore {
  /** The form, read reactively. */
  form: StickerForm;
  /** The photo as an object URL for the page, revoked when another photo takes its place. */
  photoUrl: () => string | null;
  /** The form's current values without the store's proxies, for the engine (postMessage) and IndexedDB. */
  snapshot(): StickerForm;
  /** Changes the form and saves the draft; `save: false` while a change is still under way (a caption being dragged). */
  edit(patch: Partial<StickerForm>, options?: { save: boolean }): void;
  /** Puts the stored draft back into the form, under the draft's own rules (form-draft.ts). */
  restore(): Promise<void>;
}

/** `onPhoto`: told whenever the form gets a photo, chosen or restored. */
export function createFormStore(redraw: RedrawRequest, onPhoto: () => void): FormStore {
  const [form, setForm] = createStore(defaultForm(redraw));
  const snapshot = () => unwrap(form);
  const apply = (patch: Partial<StickerForm>) => {
    setForm(settled(patch));
    if (patch.photo) onPhoto();
  };
  const photoUrl = createMemo(() => {
    const photo = form.photo;
    if (photo === null) return null;
    const url = URL.createObjectURL(photo);
    onCleanup(() => URL.revokeObjectURL(url));
    return url;
  });
  return {
    form,
    photoUrl,
    snapshot,
    edit(patch, options = { save: true }) {
      apply(patch);
      if (options.save && changesDraft(patch)) void saveDraft(draftOf(snapshot()));
    },
    async restore() {
      const stored = await loadDraft();
      if (stored !== undefined) apply(restoreDraft(stored, snapshot()));
    },
  };
}
