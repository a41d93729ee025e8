// What the prompt's words are taken to mean: the lexicon's match, else the text encoder's best guess
// for the words it did not know, unless the user picked an expression or an intensity of their own.

import { createMemo, createSignal, type Accessor } from 'solid-js';
import type { Expression } from '../../core/expression/action-units.ts';
import { expressionById, understand } from '../../core/expression/understand.ts';
import type { ExpressionChoice } from '../../core/sticker-options.ts';
import { createFreeText } from '../free-text.ts';

export function createExpressionChoice(location: Location, prompt: Accessor<string>) {
  const understanding = createMemo(() => understand(prompt()));
  const [picked, setPicked] = createSignal<Expression | null>(null);
  const [strength, setStrength] = createSignal<number | null>(null);
  /** Words the lexicon did not know, for the text encoder. */
  const freeText = createFreeText(location, () => {
    const u = understanding();
    return u.kind === 'suggestions' && u.rest !== '' ? u.rest : null;
  });
  const source = (): 'lexicon' | 'meaning' | 'user' => (picked() !== null ? 'user' : understanding().kind === 'matched' ? 'lexicon' : 'meaning');
  const chosen = () => {
    const u = understanding();
    if (picked() !== null) return picked();
    if (u.kind === 'matched') return u.expression;
    const m = freeText.meaning();
    return m.kind === 'ranked' ? (m.ranking[0]?.expression ?? null) : null;
  };
  const intensity = () => {
    const u = understanding();
    return strength() ?? (u.kind === 'empty' ? 1 : u.intensity);
  };
  return {
    understanding,
    meaning: freeText.meaning,
    encoder: freeText.encoder,
    loadEncoder: () => freeText.load(),
    dispose: () => freeText.dispose(),
    source,
    chosen,
    intensity,
    pick: setPicked,
    setIntensity: setStrength,
    /** The expression a sticker is asked for. */
    choice: (): ExpressionChoice | null => {
      const expression = chosen();
      return expression === null ? null : { id: expression.id, intensity: intensity() };
    },
    /** Sets the user's own pick and intensity: none (new words), or a kept sticker's. */
    set(choice: ExpressionChoice | null) {
      setPicked(choice === null ? null : expressionById(choice.id));
      setStrength(choice?.intensity ?? null);
    },
  };
}
