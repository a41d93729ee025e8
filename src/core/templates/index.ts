// The template library: every theme's templates in one list, in the order the picker shows them.

import { ANIMAL_TEMPLATES } from './animals.ts';
import { FESTIVAL_TEMPLATES } from './festival.ts';
import { PANDA_TEMPLATES } from './panda.ts';
import { REACTION_TEMPLATES } from './reaction.ts';
import type { Template } from './template.ts';
import { WORK_STUDY_TEMPLATES } from './work-study.ts';

export const TEMPLATES: readonly Template[] = [...REACTION_TEMPLATES, ...PANDA_TEMPLATES, ...ANIMAL_TEMPLATES, ...FESTIVAL_TEMPLATES, ...WORK_STUDY_TEMPLATES];

const BY_ID = new Map(TEMPLATES.map((t) => [t.id, t]));

export function templateById(id: string): Template | undefined {
  return BY_ID.get(id);
}
