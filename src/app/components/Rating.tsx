import { For } from 'solid-js';
import { t } from '../i18n/index.ts';

/** One to five stars as toggle buttons; pressing the current rating clears it. */
export function Rating(props: { value: number | null; onRate: (value: number | null) => void; testId: string }) {
  return (
    <div class="rating" role="group" aria-label={t().rating} data-testid={props.testId} data-value={props.value ?? ''}>
      <For each={[1, 2, 3, 4, 5]}>
        {(n) => (
          <button
            type="button"
            class="star"
            classList={{ on: (props.value ?? 0) >= n }}
            aria-pressed={props.value === n}
            aria-label={t().stars(n)}
            onClick={() => props.onRate(props.value === n ? null : n)}
          >
            {(props.value ?? 0) >= n ? '★' : '☆'}
          </button>
        )}
      </For>
    </div>
  );
}
