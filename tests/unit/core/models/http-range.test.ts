// What a server's answer to `Range: bytes=N-` means for the bytes already stored.
import { describe, expect, it } from 'vitest';
import { fileSizeFrom, parseContentRange, rangeHeader, readRangeAnswer, type RangeResponse } from '../../../../src/core/models/http-range.ts';

const SIZE = 10_000;
const answer = (r: Partial<RangeResponse> & { status: number }, from: number) =>
  readRangeAnswer({ contentRange: null, contentLength: null, contentEncoding: null, ...r }, from, SIZE);

describe('parseContentRange', () => {
  it('reads start, end and total', () => {
    expect(parseContentRange('bytes 100-9999/10000')).toEqual({ start: 100, end: 9999, total: 10000 });
    expect(parseContentRange('Bytes 0-0/1')).toEqual({ start: 0, end: 0, total: 1 });
    expect(parseContentRange('bytes 5-9/*')).toEqual({ start: 5, end: 9, total: null });
  });

  it.each([null, '', 'bytes */10000', 'bytes 10-5/100', 'bytes 0-100/100', 'items 0-1/2', 'bytes 1-2/3, bytes 4-5/6', 'bytes -1-2/3'])(
    'refuses %j',
    (header) => {
      expect(parseContentRange(header)).toBeNull();
    },
  );
});

describe('readRangeAnswer', () => {
  it('asks for bytes from N to the end', () => {
    expect(rangeHeader(4_194_304)).toBe('bytes=4194304-');
  });

  it('a 200 is the whole file from byte 0, whatever was asked (the stored part is dropped)', () => {
    expect(answer({ status: 200, contentLength: String(SIZE) }, 0)).toEqual({ kind: 'body-from', from: 0 });
    expect(answer({ status: 200, contentLength: String(SIZE) }, 6_000)).toEqual({ kind: 'body-from', from: 0 });
    expect(answer({ status: 200 }, 6_000)).toEqual({ kind: 'body-from', from: 0 });
  });

  it('a 200 of another length is another file', () => {
    expect(answer({ status: 200, contentLength: String(SIZE - 1000) }, 0)).toEqual({ kind: 'wrong-size', size: SIZE - 1000 });
  });

  it('a compressed 200 says nothing about the file length', () => {
    expect(answer({ status: 200, contentLength: '1234', contentEncoding: 'gzip' }, 0)).toEqual({ kind: 'body-from', from: 0 });
    expect(answer({ status: 200, contentLength: '1234', contentEncoding: 'identity' }, 0)).toEqual({ kind: 'wrong-size', size: 1234 });
  });

  it('a 206 continues when its Content-Range starts where the stored bytes end and runs to the end', () => {
    expect(answer({ status: 206, contentRange: `bytes 6000-9999/${SIZE}`, contentLength: '4000' }, 6_000)).toEqual({ kind: 'body-from', from: 6_000 });
    expect(answer({ status: 206, contentRange: 'bytes 6000-9999/*' }, 6_000)).toEqual({ kind: 'body-from', from: 6_000 });
  });

  it('a 206 that starts elsewhere or stops early cannot be lined up: ask for the whole file', () => {
    expect(answer({ status: 206, contentRange: `bytes 5000-9999/${SIZE}` }, 6_000)).toEqual({ kind: 'ask-whole' });
    expect(answer({ status: 206, contentRange: `bytes 6001-9999/${SIZE}` }, 6_000)).toEqual({ kind: 'ask-whole' });
    expect(answer({ status: 206, contentRange: `bytes 6000-7999/${SIZE}` }, 6_000)).toEqual({ kind: 'ask-whole' });
    expect(answer({ status: 206, contentRange: 'garbage' }, 6_000)).toEqual({ kind: 'ask-whole' });
    expect(answer({ status: 206, contentRange: `bytes 6000-9999/${SIZE}`, contentEncoding: 'br' }, 6_000)).toEqual({ kind: 'ask-whole' });
  });

  it('a 206 for a file of another size is another file', () => {
    expect(answer({ status: 206, contentRange: 'bytes 6000-10999/11000' }, 6_000)).toEqual({ kind: 'wrong-size', size: 11_000 });
  });

  it('a 206 whose Content-Range is hidden (cross-origin) continues only when its length is exactly what is missing', () => {
    expect(answer({ status: 206, contentLength: '4000' }, 6_000)).toEqual({ kind: 'body-from', from: 6_000 });
    expect(answer({ status: 206, contentLength: '3999' }, 6_000)).toEqual({ kind: 'ask-whole' });
    expect(answer({ status: 206 }, 6_000)).toEqual({ kind: 'ask-whole' });
  });

  it('416 (nothing at that offset) asks for the whole file; other statuses are errors', () => {
    expect(answer({ status: 416 }, 6_000)).toEqual({ kind: 'ask-whole' });
    expect(answer({ status: 416 }, 0)).toEqual({ kind: 'http-error', status: 416 });
    expect(answer({ status: 404 }, 0)).toEqual({ kind: 'http-error', status: 404 });
    expect(answer({ status: 503 }, 6_000)).toEqual({ kind: 'http-error', status: 503 });
  });
});

describe('fileSizeFrom (a file pinned by hash, its size read from the host)', () => {
  const response = (r: Partial<RangeResponse> & { status: number }): RangeResponse => ({
    contentRange: null,
    contentLength: null,
    contentEncoding: null,
    ...r,
  });

  it('reads the total of a 206 to bytes=0-0, or the length of a 200', () => {
    expect(fileSizeFrom(response({ status: 206, contentRange: 'bytes 0-0/4912312', contentLength: '1' }))).toBe(4_912_312);
    expect(fileSizeFrom(response({ status: 200, contentLength: '4912312' }))).toBe(4_912_312);
  });

  it('says nothing when the answer does not tell the size', () => {
    expect(fileSizeFrom(response({ status: 206, contentLength: '1' }))).toBeNull(); // Content-Range hidden cross-origin
    expect(fileSizeFrom(response({ status: 206, contentRange: 'bytes 0-0/*' }))).toBeNull();
    expect(fileSizeFrom(response({ status: 200, contentLength: '1000', contentEncoding: 'gzip' }))).toBeNull();
    expect(fileSizeFrom(response({ status: 404, contentLength: '9' }))).toBeNull();
  });
});
