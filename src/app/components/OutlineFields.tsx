import { OUTLINE_MAX_WIDTH, type Outline } from '../../core/sticker-options.ts';
import { t } from '../i18n/index.ts';

/** The die-cut edge's width (0 for none) and colour. */
export function OutlineFields(props: { value: Outline; onChange: (outline: Outline) => void }) {
  return (
    <div class="outline-fields">
      <label class="field">
        <span>
          {t().outlineWidth}: {props.value.width} px
        </span>
        <input
          type="range"
          min="0"
          max={OUTLINE_MAX_WIDTH}
          step="1"
          value={props.value.width}
          data-testid="outline-width"
          onInput={(e) => props.onChange({ ...props.value, width: Number(e.currentTarget.value) })}
        />
      </label>
      <label class="field">
        <span>{t().outlineColour}</span>
        <input
          type="color"
          value={props.value.colour}
          data-testid="outline-colour"
          onInput={(e) => props.onChange({ ...props.value, colour: e.currentTarget.value })}
        />
      </label>
    </div>
  );
}
