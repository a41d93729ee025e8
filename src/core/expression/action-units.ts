// The vocabulary an expression is written in: facial "action units" loosely after FACS, each a
// movement of MediaPipe mesh landmarks that the warp can perform. A recipe gives each unit a
// strength; the engine scales it by the user's intensity and by the face's own size and pose.

export const ACTION_UNITS = [
  /** Both mouth corners up and outwards (FACS AU12). */
  'smile',
  /** Only the subject's left mouth corner up: a smirk (得意, doge). */
  'smirk',
  /** Both mouth corners down (AU15). */
  'frown',
  /** The mouth a wide downturned arch: corners out and a little down, the lips' middle up (难过). */
  'mouthArch',
  /** Jaw drops, lips part (AU26/27). */
  'mouthOpen',
  /** Lips pressed thin and together (AU24). */
  'lipsPress',
  /** Lips pushed together and forward, mouth narrower (AU18, 亲亲). */
  'pucker',
  /** Upper eyelids raised, eyes wide (AU5). */
  'eyesWide',
  /** Lids tightened, eyes narrowed (AU7). */
  'eyesNarrow',
  /** Both eyes closed (AU43). */
  'eyesClosed',
  /** The subject's left eye closed (AU46, 眨眼). */
  'wink',
  /** Irises rolled up under the upper lids (翻白眼). */
  'eyesUp',
  /** Whole brows raised (AU1+2). */
  'browsRaise',
  /** Brows lowered (AU4). */
  'browsLower',
  /** Inner brow ends pulled together and down (AU4, 生气). */
  'browsKnit',
  /** Inner brow ends raised: worried, sad (AU1, 委屈). */
  'browsWorried',
  /** Cheeks raised, lower lids pushed up (AU6). */
  'cheeksRaise',
  /** Head roll; signed: positive tilts the top of the head towards the subject's left. */
  'headTilt',
] as const;

export type ActionUnit = (typeof ACTION_UNITS)[number];

/** Strength per action unit: 0..1 (headTilt −1..1). Units not named are 0. */
export type Recipe = Partial<Record<ActionUnit, number>>;

/** Expression-specific motion for the animated sticker. */
export const MOTIONS = ['none', 'bounce', 'shake', 'tears', 'nod', 'tilt', 'zoom', 'hearts', 'sweat', 'sparkle'] as const;
export type Motion = (typeof MOTIONS)[number];

export interface Expression {
  /** Stable kebab-case id ("laugh", "cry", "speechless"). */
  id: string;
  /** Display names. */
  zh: string;
  en: string;
  /** Words and synonyms users type, most common first (开心, 高兴, 哈哈, 笑死 ...). */
  words: { zh: string[]; en: string[] };
  /** One English sentence describing the face, for text-embedding matching and AI prompts. */
  description: string;
  recipe: Recipe;
  motion: Motion;
}
