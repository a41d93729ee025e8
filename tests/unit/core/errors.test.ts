import { describe, expect, it } from 'vitest';
import { ERROR_CODES, ERROR_REASONS, StickerError, errorReason, isErrorCode, toErrorInfo, type ErrorCode } from '../../../src/core/errors.ts';

// Which failures a retry can fix: transient device, network and worker trouble, and cancellation.
const RETRYABLE: readonly ErrorCode[] = [
  'DEVICE_LOST',
  'MODEL_DOWNLOAD_FAILED',
  'SERVER_BUSY',
  'RATE_LIMITED',
  'SERVER_UNREACHABLE',
  'WORKER_CRASHED',
  'WORKER_HUNG',
  'ABORTED',
];

describe('StickerError', () => {
  it('is an Error with name, code, stage and reason', () => {
    const e = new StickerError('BAD_INPUT', 'cut short', { stage: 'decode', reason: 'truncated' });
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('StickerError');
    expect(e.message).toBe('cut short');
    expect(e.code).toBe('BAD_INPUT');
    expect(e.stage).toBe('decode');
    expect(e.reason).toBe('truncated');
  });

  it.each(ERROR_CODES.map((code) => [code, RETRYABLE.includes(code)] as const))('toInfo: %s retryable = %s', (code, retryable) => {
    expect(new StickerError(code, 'm').toInfo().retryable).toBe(retryable);
  });

  it('toInfo carries stage and reason', () => {
    const info = new StickerError('BAD_INPUT', 'empty file', { stage: 'decode', reason: 'empty' }).toInfo();
    expect(info).toEqual({ code: 'BAD_INPUT', message: 'empty file', retryable: false, stage: 'decode', reason: 'empty' });
  });

  it('toInfo carries what a full storage needed and had free', () => {
    const info = new StickerError('STORAGE_FULL', 'no room', { stage: 'load-models', storage: { neededBytes: 300e6, freeBytes: 12e6 } }).toInfo();
    expect(info).toEqual({
      code: 'STORAGE_FULL',
      message: 'no room',
      retryable: false,
      stage: 'load-models',
      storage: { neededBytes: 300e6, freeBytes: 12e6 },
    });
  });

  it('toInfo leaves stage and reason out (not undefined) when absent', () => {
    const info = new StickerError('NO_FACE_FOUND', 'none').toInfo();
    expect(info).toEqual({ code: 'NO_FACE_FOUND', message: 'none', retryable: false });
    expect('stage' in info).toBe(false);
    expect('reason' in info).toBe(false);
    expect('storage' in info).toBe(false);
  });
});

describe('toErrorInfo', () => {
  it('keeps a StickerError as it is, including its own stage', () => {
    const e = new StickerError('DEVICE_LOST', 'gpu gone', { stage: 'compose' });
    expect(toErrorInfo(e, 'encode')).toEqual({ code: 'DEVICE_LOST', message: 'gpu gone', retryable: true, stage: 'compose' });
  });

  it('tags a stageless StickerError with the given stage', () => {
    const e = new StickerError('ABORTED', 'cancelled');
    expect(toErrorInfo(e, 'align')).toEqual({ code: 'ABORTED', message: 'cancelled', retryable: true, stage: 'align' });
    expect(toErrorInfo(e)).toEqual({ code: 'ABORTED', message: 'cancelled', retryable: true });
  });

  it('turns a plain Error into INTERNAL, not retryable', () => {
    expect(toErrorInfo(new TypeError('x is undefined'), 'detect-face')).toEqual({
      code: 'INTERNAL',
      message: 'x is undefined',
      retryable: false,
      stage: 'detect-face',
    });
  });

  it('turns a thrown string or other value into INTERNAL with its text', () => {
    expect(toErrorInfo('boom')).toEqual({ code: 'INTERNAL', message: 'boom', retryable: false });
    expect(toErrorInfo(42, 'decode')).toEqual({ code: 'INTERNAL', message: '42', retryable: false, stage: 'decode' });
  });
});

describe('isErrorCode', () => {
  it('accepts every listed code', () => {
    for (const code of ERROR_CODES) expect(isErrorCode(code)).toBe(true);
  });

  it.each([['NOPE'], ['bad_input'], [''], [null], [undefined], [7], [{ code: 'INTERNAL' }]])('rejects %j', (value) => {
    expect(isErrorCode(value)).toBe(false);
  });
});

describe('errorReason', () => {
  it('keeps every reason listed for its code', () => {
    for (const [code, reasons] of Object.entries(ERROR_REASONS)) for (const reason of reasons) expect(errorReason(code as ErrorCode, reason)).toBe(reason);
  });

  it.each([
    ['BAD_INPUT', 'from-a-newer-server'],
    ['BAD_INPUT', 'text-encoder'],
    ['NO_FACE_FOUND', 'empty'],
    ['BAD_INPUT', 'FST_ERR_CTP_INVALID_MEDIA_TYPE'],
    ['BAD_INPUT', 'toString'],
    ['BAD_INPUT', 7],
    ['BAD_INPUT', null],
    ['BAD_INPUT', undefined],
  ] as const)('drops %s %j', (code, value) => {
    expect(errorReason(code, value)).toBeUndefined();
  });
});
