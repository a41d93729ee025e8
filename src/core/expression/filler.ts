// Parts of a text that carry no feeling of their own: particles, pronouns and the commonest verbs
// (啊 呢 了 我 是, I'm, the). They neither vote for an expression nor make a guess less sure.

const FILLER_HAN = new Set(Array.from('啊呀吧呢嘛哦啦哟呐嘞噢的了着我你他她它们这那就都也还又是在有个一真么吗今天'));
/** In match-key form (word-match.ts): no apostrophes, doubled letters single (feel → fel). */
const FILLER_LATIN = new Set([
  'i',
  'im',
  'am',
  'is',
  'are',
  'was',
  'be',
  'the',
  'a',
  'an',
  'my',
  'me',
  'you',
  'it',
  'this',
  'that',
  'to',
  'of',
  'and',
  'fel',
  'feling',
  'just',
  'today',
  'now',
]);

/** Sounds that go with many faces (哎呀, 哇, 呜呜): a feeling word beside them says more. */
const INTERJECTION = /^[哎呀哟啊哇呃额嗯哦噢诶欸唉呜嘿嘻哈呵咦哼嘤喔嗷]+$/u;

export function isInterjection(word: string): boolean {
  return INTERJECTION.test(word);
}

export function isFillerHan(ch: string): boolean {
  return FILLER_HAN.has(ch);
}

/** How much of `text` has meaning: Chinese characters and emoji count one each, latin words two. */
export function meaningfulLength(text: string): number {
  let units = 0;
  for (const ch of text.matchAll(/\p{Script=Han}|\p{Extended_Pictographic}/gu)) if (!FILLER_HAN.has(ch[0])) units++;
  for (const [word] of text.matchAll(/[a-z0-9']+/gu)) if (!FILLER_LATIN.has(word)) units += 2;
  return units;
}
