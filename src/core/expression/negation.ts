// Negated feelings. A negation right before a word (不开心, 没生气, 一点都不怕, not angry) or a
// "cannot" complement after it (开心不起来) asks for the face a person has when the feeling is
// absent, which is rarely the bare opposite: 没生气 is a calm smile, 不怕 a determined face.

/** Negation words, with an optional softener between them and the word (不太, 不是很, 没那么). */
const BEFORE =
  /(?:一点都不|一点也不|根本不|并不|毫不|从不|不怎么|没有|不要|不用|不想|别|不|没)(?:是很|是太|很|太|那么|怎么|大|够)?$|\b(?:not|never|no|don't|dont|didn't|isn't|aren't|wasn't|not very|not so|not that)\s$/u;
const AFTER = /^(?:不起来|不出来|不了|不动)/u;

/** The face for a feeling that is negated; a feeling not listed becomes a blank face. */
const NEGATED_FACE: Readonly<Record<string, string>> = {
  laugh: 'sad',
  smile: 'sad',
  excited: 'indifferent',
  smitten: 'disgusted',
  touched: 'indifferent',
  cool: 'awkward',
  cry: 'smile',
  wail: 'smile',
  sad: 'smile',
  aggrieved: 'smile',
  angry: 'smile',
  pout: 'smile',
  disgusted: 'smile',
  contempt: 'smile',
  scornful: 'smile',
  speechless: 'smile',
  sigh: 'smile',
  sleepy: 'smile',
  indifferent: 'smile',
  scared: 'determined',
  horrified: 'determined',
  'dead-inside': 'determined',
  helpless: 'determined',
  tired: 'determined',
  nervous: 'cool',
  frantic: 'cool',
  shy: 'cool',
  awkward: 'cool',
  smug: 'aggrieved',
  kiss: 'pout',
  determined: 'tired',
  thinking: 'daze',
};
const BLANK_FACE = 'indifferent';

export interface Negation {
  /** How many UTF-16 units of the text the negation takes, before the word and after it. */
  before: number;
  after: number;
  /** The expression the negated feeling asks for. */
  expressionId: string;
}

/** The negation of the word at [at, end) in `text`, or null when it is not negated. */
export function negationOf(text: string, at: number, end: number, expressionId: string): Negation | null {
  const before = BEFORE.exec(text.slice(0, at))?.[0].length ?? 0;
  const after = AFTER.exec(text.slice(end))?.[0].length ?? 0;
  if (before === 0 && after === 0) return null;
  return { before, after, expressionId: NEGATED_FACE[expressionId] ?? BLANK_FACE };
}
