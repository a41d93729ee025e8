// The decode worker's entry: pure-JS decoding and resampling take seconds of CPU on a 25-megapixel
// photo, which on the main thread would stall every other request and SSE stream meanwhile.

import { parentPort } from 'node:worker_threads';
import { toErrorInfo } from '../../src/core/errors.ts';
import { decodeImage } from './decode.ts';
import { applyOrientation } from './orientation.ts';
import { centreSquare } from './square.ts';
import type { DecodeReply, DecodeRequest } from './decoder.ts';

const port = parentPort;
if (port === null) throw new Error('decode-worker.ts runs as a worker thread');
port.on('message', (request: DecodeRequest) => {
  let reply: DecodeReply;
  try {
    const image = applyOrientation(decodeImage(request.bytes, request.format, request.maxPixels), request.orientation);
    reply = { id: request.id, square: centreSquare(image, request.size) };
  } catch (error) {
    reply = { id: request.id, error: toErrorInfo(error, 'decode') };
  }
  port.postMessage(reply, 'square' in reply ? [reply.square.buffer as ArrayBuffer] : []);
});
