// What the prompt's words are taken to mean: the offline understanding's best guess, re-ranked by
// the text encoder when that guess is unsure and the encoder is loaded, unless the user picked an
// expression or an intensity of their own.

import { createMemo, createSignal, type Accessor } from 'solid-js';
import type { Expression } from '../../core/expression/action-units.ts';
import { CONFIDENCE_MEDIUM, understand } from '../../core/expression/understand.ts';
import { expressionById } from '../../core/expression/expression-by-id.ts';
import type { ExpressionChoice } from '../../core/sticker-options.ts';
import type { ExpressionSource } from '../components/ExpressionPicker.tsx';
import { createFreeText } from '../free-text.ts';

export function createExpressionChoice(location: Location, prompt: Accessor<string>) {
  const understanding = createMemo(() => understand(prompt()));
  const [picked, setPicked] = createSignal<Expression | null>(null);
  const [strength, setStrength] = createSignal<number | null>(null);
  /** An unsure guess's words, for the text encoder. */
  const freeText = createFreeText(location, () => {
    const u = understanding();
    return u.kind === 'understood' && u.confidence < CONFIDENCE_MEDIUM && u.rest !== '' ? u.rest : null;
  });
  const ranked = () => {
    const m = freeText.meaning();
    return m.kind === 'ranked' ? (m.ranking[0]?.expression ?? null) : null;
  };
  const source = (): ExpressionSource => (picked() !== null ? 'user' : ranked() !== null ? 'meaning' : 'words');
  const chosen = () => {
    const u = understanding();
    if (u.kind === 'empty') return picked();
    return picked() ?? ranked() ?? u.expression;
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
