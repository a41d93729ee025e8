import { describe, expect, it } from 'vitest';
import { ERROR_CODES, ERROR_REASONS, type ErrorCode } from '../../../../src/core/errors.ts';
import { ERROR_SENTENCES, sentenceFor } from '../../../../src/app/i18n/errors.ts';

// The tables' types already refuse a missing sentence; this guards the lookup that reads them.
const REASONS = Object.entries(ERROR_REASONS).flatMap(([code, reasons]) => reasons.map((reason) => [code as ErrorCode, reason] as const));

describe.each(Object.entries(ERROR_SENTENCES))('error sentences in %s', (_lang, sentences) => {
  it('say something for every code', () => {
    for (const code of ERROR_CODES) expect(sentenceFor(sentences, code).trim(), code).not.toBe('');
  });

  it.each(REASONS)('say their own sentence for %s %s', (code, reason) => {
    const said = sentenceFor(sentences, code, reason);
    expect(said.trim()).not.toBe('');
    expect(said).not.toBe(sentences.general[code]);
  });

  it('say the code’s general sentence for a reason they do not know', () => {
    expect(sentenceFor(sentences, 'BAD_INPUT', 'from-a-newer-worker')).toBe(sentences.general.BAD_INPUT);
    expect(sentenceFor(sentences, 'NO_FACE_FOUND', 'empty')).toBe(sentences.general.NO_FACE_FOUND);
    expect(sentenceFor(sentences, 'MODEL_INTEGRITY', 'truncated')).toBe(sentences.general.MODEL_INTEGRITY);
    expect(sentenceFor(sentences, 'BAD_INPUT', 'toString')).toBe(sentences.general.BAD_INPUT);
  });

  it('say INTERNAL’s sentence for a code they do not know', () => {
    expect(sentenceFor(sentences, 'FROM_A_NEWER_WORKER' as ErrorCode, 'empty')).toBe(sentences.general.INTERNAL);
  });
});

describe('error sentences', () => {
  it('differ between the languages', () => {
    for (const code of ERROR_CODES) expect(sentenceFor(ERROR_SENTENCES.en, code), code).not.toBe(sentenceFor(ERROR_SENTENCES['zh-CN'], code));
    for (const [code, reason] of REASONS)
      expect(sentenceFor(ERROR_SENTENCES.en, code, reason), reason).not.toBe(sentenceFor(ERROR_SENTENCES['zh-CN'], code, reason));
  });
});
