// Resuming a download with `Range: bytes=N-`: what a server's answer means for the bytes already
// stored. Pure, so the rules are unit-tested (tests/unit/core/models/http-range.test.ts).

export function rangeHeader(from: number): string {
  return `bytes=${from}-`;
}

export interface ContentRange {
  start: number;
  end: number;
  /** null for `*` (length unknown). */
  total: number | null;
}

/** `bytes 100-199/1000` or `bytes 100-199/*`; null for anything else. */
export function parseContentRange(header: string | null): ContentRange | null {
  const match = /^\s*bytes\s+(\d+)-(\d+)\/(\d+|\*)\s*$/i.exec(header ?? '');
  if (match === null) return null;
  const [, start, end, total] = match;
  const range = { start: Number(start), end: Number(end), total: total === '*' ? null : Number(total) };
  return range.start <= range.end && (range.total === null || range.end < range.total) ? range : null;
}

export interface RangeResponse {
  status: number;
  contentRange: string | null;
  contentLength: string | null;
  /** A compressed body's length and ranges count encoded bytes, not the file's. */
  contentEncoding: string | null;
}

export type RangeAnswer =
  /** The body is the file from byte `from` to its end. */
  | { kind: 'body-from'; from: number }
  /** The server's file has another size than the one expected: not the file asked for. */
  | { kind: 'wrong-size'; size: number }
  /** A partial answer that cannot be lined up with what is stored: ask again for the whole file. */
  | { kind: 'ask-whole' }
  | { kind: 'http-error'; status: number };

function isEncoded(response: RangeResponse): boolean {
  return response.contentEncoding !== null && response.contentEncoding.trim().toLowerCase() !== 'identity';
}

function declaredLength(response: RangeResponse): number | null {
  if (isEncoded(response) || response.contentLength === null || !/^\d+$/.test(response.contentLength.trim())) return null;
  return Number(response.contentLength);
}

/**
 * The answer to a request for bytes `from`- (no Range header when from is 0) of a `size`-byte file.
 * A 200 is the whole file: the stored part is dropped and the download starts over. A 206 must say
 * it starts at `from` and runs to the end; a cross-origin server may hide Content-Range (it is not
 * exposed by default), and then the 206's Content-Length must be exactly what is left.
 */
export function readRangeAnswer(response: RangeResponse, from: number, size: number): RangeAnswer {
  const length = declaredLength(response);
  if (response.status === 200) return length !== null && length !== size ? { kind: 'wrong-size', size: length } : { kind: 'body-from', from: 0 };
  if (response.status === 206) {
    if (isEncoded(response)) return { kind: 'ask-whole' };
    const range = parseContentRange(response.contentRange);
    if (range === null) return response.contentRange === null && length === size - from ? { kind: 'body-from', from } : { kind: 'ask-whole' };
    if (range.total !== null && range.total !== size) return { kind: 'wrong-size', size: range.total };
    return range.start === from && range.end === size - 1 ? { kind: 'body-from', from } : { kind: 'ask-whole' };
  }
  // 416: nothing at `from` (the server's file is shorter, or changed): ask for all of it.
  if (response.status === 416 && from > 0) return { kind: 'ask-whole' };
  return { kind: 'http-error', status: response.status };
}

/**
 * The whole file's size from the answer to `Range: bytes=0-0` (a 206's Content-Range total) or to a
 * plain request (a 200's Content-Length); null when the answer does not say it.
 */
export function fileSizeFrom(response: RangeResponse): number | null {
  if (response.status === 206) return parseContentRange(response.contentRange)?.total ?? null;
  return response.status === 200 ? declaredLength(response) : null;
}
