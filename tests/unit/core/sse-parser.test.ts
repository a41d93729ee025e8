import { describe, expect, it } from 'vitest';
import { sseParser, type SseEvent } from '../../../src/core/sse-parser.ts';

function parse(chunks: string[]): SseEvent[] {
  const events: SseEvent[] = [];
  const push = sseParser((e) => events.push(e));
  for (const chunk of chunks) push(chunk);
  return events;
}

const STREAM = 'event: progress\ndata: {"done":1}\n\n: alive\n\nevent: done\ndata: {"a":1}\ndata: {"b":2}\n\n';

describe('sseParser', () => {
  it('reads named events, skips comments and joins multi-line data', () => {
    expect(parse([STREAM])).toEqual([
      { event: 'progress', data: '{"done":1}' },
      { event: 'done', data: '{"a":1}\n{"b":2}' },
    ]);
  });

  it('gives the same events however the stream is split, one character at a time included', () => {
    expect(parse([...STREAM])).toEqual(parse([STREAM]));
    expect(parse([STREAM.slice(0, 9), STREAM.slice(9, 30), STREAM.slice(30)])).toEqual(parse([STREAM]));
  });

  it('treats CRLF and CR like LF, even when a CRLF is split between chunks', () => {
    const crlf = STREAM.replaceAll('\n', '\r\n');
    expect(parse([...crlf])).toEqual(parse([STREAM]));
    // A final CR may still become CRLF: the next chunk (here a comment) settles it.
    expect(parse([STREAM.replaceAll('\n', '\r'), ': alive\r'])).toEqual(parse([STREAM]));
  });

  it('holds an event until its blank line arrives, and names unnamed events "message"', () => {
    const events: SseEvent[] = [];
    const push = sseParser((e) => events.push(e));
    push('data: x\n');
    expect(events).toEqual([]);
    push('\n');
    expect(events).toEqual([{ event: 'message', data: 'x' }]);
  });
});
