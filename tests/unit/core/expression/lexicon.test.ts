import { describe, expect, it } from 'vitest';
import { ACTION_UNITS, MOTIONS, type ActionUnit, type Expression } from '../../../../src/core/expression/action-units.ts';
import { INTENSITY_WORDS } from '../../../../src/core/expression/intensity.ts';
import { EXPRESSIONS } from '../../../../src/core/expression/lexicon.ts';
import { expressionById } from '../../../../src/core/expression/expression-by-id.ts';
import { matchKey } from '../../../../src/core/expression/word-match.ts';

const allWords = (e: Expression) => [...e.words.zh, ...e.words.en];
const unit = (id: string, u: ActionUnit) => expressionById(id).recipe[u] ?? 0;

describe('the lexicon', () => {
  it('has at least 40 expressions with unique kebab-case ids', () => {
    expect(EXPRESSIONS.length).toBeGreaterThanOrEqual(40);
    const ids = EXPRESSIONS.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it('has the expressions the studio promises', () => {
    const required = [
      'laugh',
      'smile',
      'cry',
      'wail',
      'laugh-cry',
      'aggrieved',
      'puppy-eyes',
      'surprised',
      'angry',
      'speechless',
      'shy',
      'smug',
      'confused',
      'sleepy',
      'tired',
      'disgusted',
      'contempt',
      'awkward',
      'kiss',
      'wink',
      'doge',
      'eyes-closed',
      'scared',
      'sad',
      'indifferent',
      'helpless',
      'evil-grin',
      'silly-grin',
      'touched',
      'thinking',
      'horrified',
      'daze',
      'smitten',
      'determined',
      'frantic',
      'dizzy',
      'shush',
      'cool',
      'cute-dumb',
      'tongue-out',
      'sigh',
      'scornful',
    ];
    for (const id of required) expect(() => expressionById(id), id).not.toThrow();
  });

  it('names every entry in both languages and gives several words in each', () => {
    for (const e of EXPRESSIONS) {
      expect(e.zh, e.id).toMatch(/\p{Script=Han}/u);
      expect(e.en, e.id).toMatch(/^[A-Z][a-z -]+$/);
      expect(e.words.zh.length, e.id).toBeGreaterThanOrEqual(3);
      expect(e.words.en.length, e.id).toBeGreaterThanOrEqual(3);
      expect(e.words.zh[0], `${e.id}: the most common Chinese word first`).toMatch(/\p{Script=Han}/u);
      for (const w of e.words.en) expect(w, e.id).not.toMatch(/\p{Script=Han}/u);
    }
  });

  it('gives every word to one expression only, also after normalisation', () => {
    const owner = new Map<string, string>();
    for (const e of EXPRESSIONS) {
      for (const word of allWords(e)) {
        const key = matchKey(word);
        expect(key, `${e.id}: "${word}"`).not.toBe('');
        expect(owner.get(key), `"${word}" is in ${owner.get(key) ?? ''} and ${e.id}`).toBeUndefined();
        owner.set(key, e.id);
      }
    }
  });

  it('uses no intensity word as an expression word', () => {
    for (const e of EXPRESSIONS) for (const word of allWords(e)) expect(INTENSITY_WORDS.has(matchKey(word)), word).toBe(false);
  });

  it('describes each face in one English sentence naming mouth, eyes and brows', () => {
    const descriptions = EXPRESSIONS.map((e) => e.description);
    expect(new Set(descriptions).size).toBe(descriptions.length);
    for (const e of EXPRESSIONS) {
      const d = e.description;
      expect(d, e.id).toMatch(/^[A-Z].{30,160}\.$/u);
      expect(d.slice(0, -1), `${e.id}: one sentence`).not.toMatch(/[.!?] /u);
      expect(d, e.id).not.toMatch(/\p{Script=Han}/u);
      expect(d, `${e.id}: mouth`).toMatch(/mouth|lip|grin|smile/u);
      expect(d, `${e.id}: eyes`).toMatch(/eye/u);
      expect(d, `${e.id}: brows`).toMatch(/brow/u);
    }
  });

  it('writes recipes in action units, in range, with at least one unit moving', () => {
    for (const e of EXPRESSIONS) {
      const entries = Object.entries(e.recipe);
      expect(
        entries.some(([, v]) => v !== 0),
        e.id,
      ).toBe(true);
      for (const [name, value] of entries) {
        expect(ACTION_UNITS as readonly string[], `${e.id}.${name}`).toContain(name);
        expect(Number.isFinite(value), `${e.id}.${name}`).toBe(true);
        const [lo, hi] = name === 'headTilt' ? [-1, 1] : [0, 1];
        expect(value, `${e.id}.${name}`).toBeGreaterThanOrEqual(lo);
        expect(value, `${e.id}.${name}`).toBeLessThanOrEqual(hi);
      }
    }
  });

  it('gives no two expressions the same recipe', () => {
    const seen = new Map<string, string>();
    for (const e of EXPRESSIONS) {
      const key = JSON.stringify(ACTION_UNITS.map((u) => e.recipe[u] ?? 0));
      expect(seen.get(key), `${e.id} repeats ${seen.get(key) ?? ''}`).toBeUndefined();
      seen.set(key, e.id);
    }
  });

  it('uses only known motions', () => {
    for (const e of EXPRESSIONS) expect(MOTIONS as readonly string[], e.id).toContain(e.motion);
  });

  it('moves the units each face is known by', () => {
    expect(unit('laugh', 'smile')).toBeGreaterThanOrEqual(0.8);
    expect(unit('laugh', 'mouthOpen')).toBeGreaterThanOrEqual(0.5);
    expect(unit('smile', 'smile')).toBeGreaterThan(0);
    expect(unit('smile', 'mouthOpen')).toBe(0);
    expect(unit('surprised', 'eyesWide')).toBe(1);
    expect(unit('surprised', 'browsRaise')).toBe(1);
    expect(unit('angry', 'browsKnit')).toBe(1);
    expect(unit('angry', 'smile')).toBe(0);
    expect(unit('cry', 'browsWorried')).toBeGreaterThan(0.5);
    expect(unit('cry', 'frown')).toBeGreaterThan(0.5);
    expect(unit('speechless', 'eyesUp')).toBe(1);
    expect(unit('kiss', 'pucker')).toBe(1);
    expect(unit('wink', 'wink')).toBe(1);
    expect(unit('wink', 'eyesClosed')).toBe(0);
    expect(unit('smug', 'smirk')).toBe(1);
    expect(unit('eyes-closed', 'eyesClosed')).toBe(1);
    expect(unit('sleepy', 'eyesClosed')).toBeGreaterThanOrEqual(0.6);
    expect(unit('sleepy', 'eyesClosed')).toBeLessThan(1);
  });

  it('gives laughter bounce, anger shake and crying tears', () => {
    expect(expressionById('laugh').motion).toBe('bounce');
    expect(expressionById('angry').motion).toBe('shake');
    for (const id of ['cry', 'wail', 'laugh-cry']) expect(expressionById(id).motion, id).toBe('tears');
    expect(expressionById('kiss').motion).toBe('hearts');
  });
});
