// Degree complements: what follows a feeling to say how much (累到不行, 气死了, 笑到肚子疼,
// 气得发抖). The feeling is the face; the complement makes it stronger and is not a face of its own
// (气得发抖 is angry, not scared).

/** Complements that end a degree phrase. */
const COMPLEMENTS = /^(?:死我了|死了|到不行|得不行|得要命|要命|到爆|爆了|坏了|极了|透了|炸了|疯了|到飞起|飞起|上天了|哭了|翻了|惨了|麻了|晕了)/u;
/** 得 / 到 after a feeling: the rest of the clause says how much (笑得合不拢嘴, 困到睁不开眼). */
const DEGREE_CLAUSE = /^[得到][^,.;!?~，。；！？、\s]*/u;

/** How much a complement strengthens the face. */
export const COMPLEMENT_FACTOR = 1.25;

/** The length of the degree complement that starts at `from`, or 0. */
export function complementAt(text: string, from: number): number {
  const rest = text.slice(from);
  return COMPLEMENTS.exec(rest)?.[0].length ?? DEGREE_CLAUSE.exec(rest)?.[0].length ?? 0;
}
