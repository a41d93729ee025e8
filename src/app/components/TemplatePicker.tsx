import { For } from 'solid-js';
import { TEMPLATES } from '../../core/templates/index.ts';
import { THEMES } from '../../core/templates/template.ts';
import { lang, t } from '../i18n/index.ts';

interface Props {
  /** A template id, or '' for none. */
  value: string;
  onChange: (id: string) => void;
}

/** The template library as a native select, grouped by theme (keyboard and screen readers for free). */
export function TemplatePicker(props: Props) {
  const name = (n: { zh: string; en: string }) => (lang() === 'en' ? n.en : n.zh);
  return (
    <label class="field">
      <span>{t().templateLabel}</span>
      <select data-testid="template-select" value={props.value} aria-describedby="template-hint" onChange={(e) => props.onChange(e.currentTarget.value)}>
        <option value="">{t().templateNone}</option>
        <For each={THEMES}>
          {(theme) => (
            <optgroup label={t().themes[theme]}>
              <For each={TEMPLATES.filter((tpl) => tpl.theme === theme)}>
                {(tpl) => (
                  <option value={tpl.id} selected={props.value === tpl.id}>
                    {name(tpl.name)}
                    {tpl.slots.length > 1 ? ` (×${tpl.slots.length})` : ''}
                  </option>
                )}
              </For>
            </optgroup>
          )}
        </For>
      </select>
      <span class="hint" id="template-hint">
        {t().templateHint}
      </span>
    </label>
  );
}
