// A text/event-stream reader: chunks in (split anywhere, even inside a line), whole events out.
// The fallback server's job events are read with fetch rather than EventSource, so a cancel can
// abort the stream and the worker's network policy sees the request.

export interface SseEvent {
  event: string;
  data: string;
}

/** Feed it decoded text as it arrives; it calls `onEvent` once per complete event (comments skipped). */
export function sseParser(onEvent: (event: SseEvent) => void): (chunk: string) => void {
  let buffered = '';
  let event = '';
  let data: string[] = [];
  const line = (text: string): void => {
    if (text === '') {
      if (data.length > 0) onEvent({ event: event === '' ? 'message' : event, data: data.join('\n') });
      event = '';
      data = [];
      return;
    }
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    const value = colon === -1 ? '' : text.slice(colon + 1).replace(/^ /u, '');
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  };
  return (chunk) => {
    buffered += chunk;
    // A CR at the end may be the first half of a CRLF split between chunks: it waits for the next.
    const held = buffered.endsWith('\r') ? '\r' : '';
    const lines = buffered.slice(0, buffered.length - held.length).split(/\r\n|\r|\n/u);
    buffered = (lines.pop() ?? '') + held;
    for (const text of lines) line(text);
  };
}
