import { For } from 'solid-js';
import { STAGES, type StageName } from '../../core/protocol.ts';
import { t } from '../i18n.ts';

export type StageState = 'waiting' | 'running' | 'done';

interface Props {
  states: Partial<Record<StageName, StageState>>;
}

/** The stages of the current job, as an ordered checklist screen readers can follow. */
export function ProgressList(props: Props) {
  const done = () => STAGES.filter((s) => props.states[s] === 'done').length;
  return (
    <div class="progress" data-testid="progress">
      <progress max={STAGES.length} value={done()} aria-label={t().generating} />
      <ol class="stages">
        <For each={STAGES}>
          {(stage) => (
            <li class={props.states[stage] ?? 'waiting'} aria-current={props.states[stage] === 'running' ? 'step' : undefined}>
              {t().stages[stage]}
            </li>
          )}
        </For>
      </ol>
    </div>
  );
}
