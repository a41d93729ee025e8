import { For, Match, Show, Switch } from 'solid-js';
import type { Expression } from '../../core/expression/action-units.ts';
import type { Understanding } from '../../core/expression/understand.ts';
import { MAX_INTENSITY, MIN_INTENSITY } from '../../core/expression/intensity.ts';
import { lang, t } from '../i18n.ts';

interface Props {
  understanding: Understanding;
  chosen: Expression | null;
  intensity: number;
  onChoose: (expression: Expression) => void;
  onIntensity: (value: number) => void;
}

function name(e: Expression): string {
  return lang() === 'en' ? e.en : `${e.zh} · ${e.en}`;
}

/** Says what the words were understood as; offers choices when they were not; sets the strength. */
export function ExpressionPicker(props: Props) {
  return (
    <div class="expression" aria-live="polite">
      <Switch>
        <Match when={props.understanding.kind === 'empty'}>
          <p class="hint">{t().expressionNone}</p>
        </Match>
        <Match when={props.understanding.kind === 'suggestions' && props.understanding}>
          {(u) => (
            <div>
              <p class="hint">{t().expressionSuggest}</p>
              <div class="chips" role="group" aria-label={t().expressionSuggest}>
                <For each={u().kind === 'suggestions' ? (u() as Extract<Understanding, { kind: 'suggestions' }>).candidates : []}>
                  {(e) => (
                    <button
                      type="button"
                      class="chip"
                      classList={{ selected: props.chosen?.id === e.id }}
                      aria-pressed={props.chosen?.id === e.id}
                      data-testid="expression-suggestion"
                      data-expression-id={e.id}
                      onClick={() => props.onChoose(e)}
                    >
                      {name(e)}
                    </button>
                  )}
                </For>
              </div>
            </div>
          )}
        </Match>
      </Switch>
      <Show when={props.chosen}>
        {(e) => (
          <>
            <p class="understood" data-testid="expression-understood" data-expression-id={e().id}>
              {t().expressionUnderstood} <strong>{name(e())}</strong>
            </p>
            <label class="field intensity">
              <span>
                {t().intensity}: {props.intensity.toFixed(1)}
              </span>
              <input
                type="range"
                min={MIN_INTENSITY}
                max={MAX_INTENSITY}
                step="0.1"
                value={props.intensity}
                data-testid="intensity-input"
                onInput={(ev) => props.onIntensity(Number(ev.currentTarget.value))}
              />
            </label>
          </>
        )}
      </Show>
    </div>
  );
}
