import { For } from 'solid-js';
import type { StageName } from '../../core/stage-names.ts';
import { t } from '../i18n/index.ts';

export type StageState = 'waiting' | 'running' | 'done';

interface Props {
  /** The stages this job will run, in order. */
  stages: readonly StageName[];
  states: Partial<Record<StageName, StageState>>;
}

/** The stages of the current job, as an ordered checklist screen readers can follow. */
export function ProgressList(props: Props) {
  const done = () => props.stages.filter((s) => props.states[s] === 'done').length;
  return (
    <div class="progress" data-testid="progress">
      <progress max={props.stages.length} value={done()} aria-label={t().generating} />
      <ol class="stages">
        <For each={props.stages}>
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
