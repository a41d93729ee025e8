import { Show, createSignal } from 'solid-js';
import { t } from '../i18n/index.ts';

interface Props {
  photoUrl: string | null;
  onPhoto: (file: Blob, name: string) => void;
}

/** Choose, drop (or paste, handled page-wide) a photo; shows it once chosen. */
export function PhotoPicker(props: Props) {
  const [dragging, setDragging] = createSignal(false);

  const take = (files: FileList | null | undefined) => {
    const file = files?.[0];
    if (file !== undefined) props.onPhoto(file, file.name);
  };

  return (
    <fieldset class="card">
      <legend>{t().photoLegend}</legend>
      <label
        class="dropzone"
        classList={{ dragging: dragging(), filled: props.photoUrl !== null }}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          take(e.dataTransfer?.files);
        }}
      >
        <input
          class="visually-hidden"
          type="file"
          accept="image/*"
          data-testid="photo-input"
          onChange={(e) => {
            take(e.currentTarget.files);
            // Let the same file be chosen again after an error.
            e.currentTarget.value = '';
          }}
        />
        <Show when={props.photoUrl} fallback={<span class="dropzone-text">{t().photoDrop}</span>}>
          {(url) => (
            <>
              <img class="photo-preview" src={url()} alt={t().photoAlt} data-testid="photo-preview" />
              <span class="dropzone-change">{t().photoChange}</span>
            </>
          )}
        </Show>
      </label>
      <p class="hint">{t().photoHint}</p>
    </fieldset>
  );
}
