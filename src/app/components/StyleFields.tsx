import { Show } from 'solid-js';
import { isCutout, type Cutout } from '../../core/sticker-options.ts';
import { t } from '../i18n/index.ts';

interface Props {
  style: string;
  cutout: Cutout;
  /** A template decides the look itself: then neither choice applies. */
  templated: boolean;
  onStyle: (style: string) => void;
  onCutout: (cutout: Cutout) => void;
}

/** The style (photo, 熊猫头 or AI redraw) and, for a photo sticker, how much of the person is cut out. */
export function StyleFields(props: Props) {
  return (
    <Show when={!props.templated}>
      <label class="field">
        <span>{t().styleLabel}</span>
        <select data-testid="style-select" value={props.style} onChange={(e) => props.onStyle(e.currentTarget.value)}>
          <option value="photo">{t().stylePhoto}</option>
          <option value="panda">{t().stylePanda}</option>
          <option value="ai">{t().styleAi}</option>
        </select>
      </label>
      <Show when={props.style !== 'panda'}>
        <label class="field">
          <span>{t().cutoutLabel}</span>
          <select
            data-testid="cutout-select"
            value={props.cutout}
            onChange={(e) => {
              const value = e.currentTarget.value;
              if (isCutout(value)) props.onCutout(value);
            }}
          >
            <option value="person">{t().cutoutPerson}</option>
            <option value="face">{t().cutoutFace}</option>
          </select>
        </label>
      </Show>
    </Show>
  );
}
