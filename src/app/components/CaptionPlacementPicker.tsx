import { For, Show } from 'solid-js';
import type { CaptionPlacement } from '../../core/sticker-options.ts';
import { t } from '../i18n/index.ts';

const KINDS = ['top', 'bottom', 'free'] as const;

/** Where the caption goes: top or bottom band, or free at a point set by two sliders (or by dragging
 *  on the preview, see ResultCard). The sliders are what keyboard and screen-reader users move. */
export function CaptionPlacementPicker(props: { value: CaptionPlacement; freePoint: { x: number; y: number }; onChange: (p: CaptionPlacement) => void }) {
  const label = (kind: (typeof KINDS)[number]) => (kind === 'top' ? t().captionTop : kind === 'bottom' ? t().captionBottom : t().captionFree);
  const choose = (kind: (typeof KINDS)[number]) => props.onChange(kind === 'free' ? { kind, ...props.freePoint } : { kind });
  const percent = (v: number) => Math.round(v * 100);
  const slider = (axis: 'x' | 'y') => (
    <label class="field">
      <span>
        {axis === 'x' ? t().captionX : t().captionY}: {percent(props.freePoint[axis])}%
      </span>
      <input
        type="range"
        min="0"
        max="100"
        step="1"
        value={percent(props.freePoint[axis])}
        data-testid={`caption-${axis}`}
        aria-valuetext={`${percent(props.freePoint[axis])}%`}
        onInput={(e) => props.onChange({ kind: 'free', ...props.freePoint, [axis]: Number(e.currentTarget.value) / 100 })}
      />
    </label>
  );
  return (
    <fieldset class="caption-placement">
      <legend>{t().captionPlacement}</legend>
      <div role="radiogroup" aria-label={t().captionPlacement} data-testid="caption-placement" class="segmented">
        <For each={KINDS}>
          {(kind) => (
            <label>
              <input
                type="radio"
                name="caption-placement"
                value={kind}
                checked={props.value.kind === kind}
                data-testid={`caption-placement-${kind}`}
                onChange={() => choose(kind)}
              />
              <span>{label(kind)}</span>
            </label>
          )}
        </For>
      </div>
      <Show when={props.value.kind === 'free'}>
        <p class="hint">{t().captionFreeHint}</p>
        <div class="outline-fields">
          {slider('x')}
          {slider('y')}
        </div>
      </Show>
    </fieldset>
  );
}
