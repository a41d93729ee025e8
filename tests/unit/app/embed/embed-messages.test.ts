// The embed API's schema: valid host messages come out whole (with defaults), ours-but-wrong are
// refused with a reason and the host's id, and other people's messages are not ours to answer.
import { describe, expect, it } from 'vitest';
import { MAX_CAPTION_LENGTH, MAX_PROMPT_LENGTH, parseHostMessage, type ParsedMessage } from '../../../../src/app/embed/embed-messages.ts';

const photo = new Blob([new Uint8Array([0xff, 0xd8, 0xff])], { type: 'image/jpeg' });

function message(parsed: ParsedMessage) {
  if (parsed.kind !== 'message') throw new Error(`expected a message, got ${JSON.stringify(parsed)}`);
  return parsed.message;
}

describe('parseHostMessage', () => {
  it('takes a generate with a Blob photo and fills the defaults', () => {
    const parsed = message(parseHostMessage({ type: 'biaoqing:generate', photo, prompt: '开心' }));
    expect(parsed).toEqual({ type: 'biaoqing:generate', fields: { photo, prompt: '开心', caption: '', style: 'photo', animate: false } });
  });

  it('takes every optional field of a generate, and echoes the id', () => {
    const parsed = message(
      parseHostMessage({ type: 'biaoqing:generate', id: 'job-7', photo, prompt: 'speechless', caption: '我太难了', style: 'panda', animate: true }),
    );
    expect(parsed).toEqual({
      type: 'biaoqing:generate',
      id: 'job-7',
      fields: { photo, prompt: 'speechless', caption: '我太难了', style: 'panda', animate: true },
    });
  });

  it('turns an ArrayBuffer photo into a Blob of the same bytes', async () => {
    const bytes = new Uint8Array([1, 2, 3, 4]).buffer;
    const parsed = message(parseHostMessage({ type: 'biaoqing:set-photo', id: 3, photo: bytes }));
    if (parsed.type !== 'biaoqing:set-photo') throw new Error(`expected set-photo, got ${parsed.type}`);
    expect(parsed.id).toBe(3);
    const blob = parsed.fields.photo;
    expect(blob).toBeInstanceOf(Blob);
    expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual([1, 2, 3, 4]);
  });

  it('takes set-prompt with and without a caption', () => {
    expect(message(parseHostMessage({ type: 'biaoqing:set-prompt', prompt: '惊讶' }))).toEqual({ type: 'biaoqing:set-prompt', fields: { prompt: '惊讶' } });
    expect(message(parseHostMessage({ type: 'biaoqing:set-prompt', prompt: '惊讶', caption: '哇' }))).toEqual({
      type: 'biaoqing:set-prompt',
      fields: { prompt: '惊讶', caption: '哇' },
    });
  });

  it('takes a cancel, with nothing but an id', () => {
    expect(message(parseHostMessage({ type: 'biaoqing:cancel', id: 'c1' }))).toEqual({ type: 'biaoqing:cancel', id: 'c1' });
    expect(parseHostMessage({ type: 'biaoqing:cancel', prompt: 'x' })).toMatchObject({ kind: 'refused', reason: 'unknown field prompt in biaoqing:cancel' });
  });

  it.each([
    ['an unknown type', { type: 'biaoqing:dance' }, /unknown message type biaoqing:dance/u],
    ['a photo that is a string', { type: 'biaoqing:generate', photo: 'data:image/png;base64,AAAA', prompt: 'x' }, /photo must be a Blob or an ArrayBuffer/u],
    ['a photo as a typed array', { type: 'biaoqing:set-photo', photo: new Uint8Array(4) }, /photo must be/u],
    ['no photo', { type: 'biaoqing:generate', prompt: 'x' }, /photo must be/u],
    ['a numeric prompt', { type: 'biaoqing:generate', photo, prompt: 5 }, /prompt must be a string/u],
    ['no prompt', { type: 'biaoqing:set-prompt' }, /prompt must be a string/u],
    ['a prompt over the limit', { type: 'biaoqing:set-prompt', prompt: '笑'.repeat(MAX_PROMPT_LENGTH + 1) }, /prompt is longer than 60/u],
    ['a caption over the limit', { type: 'biaoqing:generate', photo, prompt: 'x', caption: 'a'.repeat(MAX_CAPTION_LENGTH + 1) }, /caption is longer than 40/u],
    ['a caption that is not text', { type: 'biaoqing:set-prompt', prompt: 'x', caption: null }, /caption must be a string/u],
    ['a style the app does not have', { type: 'biaoqing:generate', photo, prompt: 'x', style: 'watercolour' }, /style must be one of photo, panda, ai/u],
    ['animate as a string', { type: 'biaoqing:generate', photo, prompt: 'x', animate: 'yes' }, /animate must be a boolean/u],
    ['a field the schema does not have', { type: 'biaoqing:generate', photo, prompt: 'x', template: 'cat' }, /unknown field template in biaoqing:generate/u],
    ['a generate field on set-photo', { type: 'biaoqing:set-photo', photo, prompt: 'x' }, /unknown field prompt/u],
    ['an id that is an object', { type: 'biaoqing:set-prompt', prompt: 'x', id: { n: 1 } }, /id must be/u],
    ['an id that is not finite', { type: 'biaoqing:set-prompt', prompt: 'x', id: Number.NaN }, /id must be/u],
  ])('refuses %s', (_name, data, reason) => {
    const parsed = parseHostMessage(data);
    expect(parsed.kind).toBe('refused');
    if (parsed.kind === 'refused') expect(parsed.reason).toMatch(reason);
  });

  it('keeps the host’s id on a refusal, so it can tell which message failed', () => {
    expect(parseHostMessage({ type: 'biaoqing:generate', id: 'a1', photo: 'nope', prompt: 'x' })).toMatchObject({ kind: 'refused', id: 'a1' });
    expect(parseHostMessage({ type: 'biaoqing:dance', id: 9 })).toMatchObject({ kind: 'refused', id: 9 });
  });

  it.each([
    ['a string', 'hello'],
    ['null', null],
    ['a number', 42],
    ['an array', [{ type: 'biaoqing:generate' }]],
    ['an object without a type', { photo }],
    ['another library’s message', { type: 'webpackOk' }],
    ['a type that only looks like ours', { type: 'BIAOQING:generate', photo, prompt: 'x' }],
  ])('leaves %s alone: not ours to answer', (_name, data) => {
    expect(parseHostMessage(data)).toEqual({ kind: 'foreign' });
  });
});
