// Negated feelings. A negation right before a word (不开心, 没生气, 一点都不怕, 不再难过, not angry,
// no longer sad, don't feel happy) or a "cannot" complement after it (开心不起来) asks for the face a
// person has when the feeling is absent, which is rarely the bare opposite: 没生气 is a calm smile, 不怕
// a determined face, 不好笑 an unamused one. Fixed phrases with a 不 of their own (受不了, 睡不着,
// 不得了, can't even) are words in vocabulary/negated.ts and are read before this rule.
// The text is a match key (word-match.ts): lower case, apostrophes dropped (don't → dont).

/** Chinese negations, longest first, with an optional softener between them and the word (不太, 不是很, 没那么). */
const BEFORE_ZH =
  /(?:一点都不|一点也不|一点儿也不|一点都没|根本不|根本没|完全不|完全没|并不|并没有|并没|毫不|从不|从来不|从来没|从没|绝不|再也不|不再|不怎么|不太|还没|没有|不要|不用|不想|不会|不必|别|不|没)(?:是很|是太|是特别|是那么|很|太|那么|怎么|大|够|再|算|咋|特别)?$/u;
/** 才不 / 才没有: denying a feeling one has, which is said with a pout (我才没有害羞). */
const DENIAL_ZH = /才(?:不|没有|没)(?:是|会|要)?$/u;
/** English negations in match-key form (don't → dont, feel → fel), with the words that may stand between them and the feeling (not really, don't feel like). */
const BEFORE_EN =
  /\b(?:not|never|no longer|no more|no|dont|doesnt|didnt|isnt|arent|wasnt|werent|cant|canot|couldnt|wont|wouldnt|aint|hardly|barely)\s(?:(?:realy|very|so|that|to|even|fel|feling|felt|like|be|being|ben|geting|get|at al|a bit|remotely|particularly|gona|going to|in the mod to)\s)*$/u;
/** A "cannot" complement: 开心不起来, 笑不出来, 生气不了. */
const AFTER = /^(?:不起来|不出来|不了|不动|不下去)/u;

/** The face for a feeling that is negated, per family of feelings; a feeling not listed becomes a blank face. */
const NEGATED_FACE: Readonly<Record<string, string>> = {
  // Happy and amused: sad, or excitement's absence.
  laugh: 'sad',
  smile: 'sad',
  'silly-grin': 'sad',
  snicker: 'indifferent',
  'laugh-cry': 'speechless',
  excited: 'indifferent',
  touched: 'indifferent',
  surprised: 'indifferent',
  // Liking and love: the face of dislike.
  smitten: 'disgusted',
  kiss: 'pout',
  // Pride and poise: knocked down.
  cool: 'awkward',
  smug: 'aggrieved',
  // Sorrow, anger and scorn: calmed to a smile.
  cry: 'smile',
  wail: 'smile',
  sad: 'smile',
  aggrieved: 'smile',
  'puppy-eyes': 'smile',
  angry: 'smile',
  pout: 'smile',
  disgusted: 'smile',
  contempt: 'smile',
  scornful: 'smile',
  speechless: 'smile',
  sigh: 'smile',
  indifferent: 'smile',
  confused: 'smile',
  // Sleepy: awake; worn out: ready again.
  sleepy: 'smile',
  tired: 'determined',
  'dead-inside': 'determined',
  helpless: 'determined',
  // Fear: courage; nerves and embarrassment: poise.
  scared: 'determined',
  horrified: 'determined',
  nervous: 'cool',
  frantic: 'cool',
  shy: 'cool',
  awkward: 'cool',
  // Will: its lack; doubt: its end (毫不犹豫).
  determined: 'tired',
  thinking: 'determined',
};
const BLANK_FACE = 'indifferent';

/** Feelings one denies having with a pout (我才不害羞, 才没哭); others are just negated (我才不怕 is determined). */
const POUTED = new Set(['shy', 'smitten', 'cry', 'wail', 'sad', 'aggrieved', 'touched', 'kiss', 'puppy-eyes', 'angry', 'pout']);

/** Words for amusement whose absence is an unamused face, not a sad one (不好笑, not funny). */
const AMUSEMENT = /^(?:好笑|搞笑|可笑|有趣|有意思|逗|funny|hilarious|amusing|lol|haha)$/u;

export interface Negation {
  /** How many UTF-16 units of the text the negation takes, before the word and after it. */
  before: number;
  after: number;
  /** The expression the negated feeling asks for. */
  expressionId: string;
}

/**
 * The negation before the word at `at`, as its length and whether it is a denial; none for an
 * A-not-A question (是不是很帅, 开不开心), which asks rather than negates.
 */
function negationBefore(text: string, at: number): { length: number; denial: boolean } {
  const head = text.slice(0, at);
  const denial = DENIAL_ZH.exec(head)?.[0].length ?? 0;
  if (denial > 0) return { length: denial, denial: true };
  const zh = BEFORE_ZH.exec(head);
  if (zh !== null) {
    const start = at - zh[0].length;
    const question = /^[不没]/u.test(zh[0]) && text.charAt(start - 1) === text.charAt(start + 1);
    return { length: question ? 0 : zh[0].length, denial: false };
  }
  return { length: BEFORE_EN.exec(head)?.[0].length ?? 0, denial: false };
}

/** The negation of the word `word` at [at, end) in `text`, or null when it is not negated. */
export function negationOf(text: string, at: number, end: number, word: string, expressionId: string): Negation | null {
  const { length: before, denial } = negationBefore(text, at);
  const after = AFTER.exec(text.slice(end))?.[0].length ?? 0;
  if (before === 0 && after === 0) return null;
  const face = denial && POUTED.has(expressionId) ? 'pout' : AMUSEMENT.test(word) ? 'speechless' : (NEGATED_FACE[expressionId] ?? BLANK_FACE);
  return { before, after, expressionId: face };
}
