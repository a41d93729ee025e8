// The postMessage API between a host page and the app in an iframe (?embed=1): what a host may send,
// checked field by field (a message of ours that does not match is refused, never half-used), and
// what the app answers. No DOM here beyond Blob, so the parser is unit-tested in Node.

import type { ErrorCode } from '../../core/errors.ts';
import { isStyle, type StickerStyle } from '../../core/sticker-options.ts';

/** Every message of this API has a `type` starting with this; anything else is someone else's. */
export const EMBED_PREFIX = 'biaoqing:';
export const EMBED_API_VERSION = 1;
/** The form's own limits (App.tsx's inputs). */
export const MAX_PROMPT_LENGTH = 60;
export const MAX_CAPTION_LENGTH = 40;
const MAX_ID_LENGTH = 100;

/** The host's own correlation id, echoed in the answer. */
export type RequestId = string | number;

/** Fields a host message puts in the form; the photo always arrives as a Blob. */
export interface EmbedFields {
  photo?: Blob;
  prompt?: string;
  caption?: string;
  style?: StickerStyle;
  animate?: boolean;
}

/** A generate message says everything a sticker needs: what it leaves out takes the default. */
export interface GenerateFields {
  photo: Blob;
  prompt: string;
  caption: string;
  style: StickerStyle;
  animate: boolean;
}

export type HostMessage =
  | { type: 'biaoqing:generate'; id?: RequestId; fields: GenerateFields }
  | { type: 'biaoqing:set-photo'; id?: RequestId; fields: { photo: Blob } }
  | { type: 'biaoqing:set-prompt'; id?: RequestId; fields: { prompt: string; caption?: string } }
  /** Stops the sticker being made: its generate is answered ABORTED. */
  | { type: 'biaoqing:cancel'; id?: RequestId };

/** The app's codes (core/errors.ts), plus two of this API: a refused message, a generate while one runs. */
export type EmbedErrorCode = ErrorCode | 'BAD_MESSAGE' | 'BUSY';

export type AppMessage =
  | { type: 'biaoqing:ready'; version: number }
  | {
      type: 'biaoqing:result';
      id?: RequestId;
      /** The sticker as a PNG with a transparent background. */
      sticker: Blob;
      width: number;
      height: number;
      format: 'image/png';
      /** The looping animated sticker, when `animate` asked for it. */
      gif: Blob | null;
      webp: Blob | null;
    }
  | { type: 'biaoqing:error'; id?: RequestId; code: EmbedErrorCode; message: string; reason?: string };

export type ParsedMessage =
  | { kind: 'message'; message: HostMessage }
  /** Ours (a biaoqing: type) but not valid: answered with BAD_MESSAGE and `reason`. */
  | { kind: 'refused'; id?: RequestId; reason: string }
  /** Not ours at all (other scripts on a page post messages too): ignored without an answer. */
  | { kind: 'foreign' };

type Fields = Record<string, unknown>;

const ALLOWED_KEYS: Record<HostMessage['type'], readonly string[]> = {
  'biaoqing:generate': ['type', 'id', 'photo', 'prompt', 'caption', 'style', 'animate'],
  'biaoqing:set-photo': ['type', 'id', 'photo'],
  'biaoqing:set-prompt': ['type', 'id', 'prompt', 'caption'],
  'biaoqing:cancel': ['type', 'id'],
};

const isKnownType = (type: string): type is HostMessage['type'] => Object.hasOwn(ALLOWED_KEYS, type);

class Refusal extends Error {}

function photoOf(data: Fields): Blob {
  const photo = data.photo;
  if (photo instanceof Blob) return photo;
  if (photo instanceof ArrayBuffer) return new Blob([photo]);
  throw new Refusal('photo must be a Blob or an ArrayBuffer');
}

function textOf(data: Fields, key: 'prompt' | 'caption', max: number): string {
  const value = data[key];
  if (typeof value !== 'string') throw new Refusal(`${key} must be a string`);
  if (value.length > max) throw new Refusal(`${key} is longer than ${max} characters`);
  return value;
}

function optionalText(data: Fields, key: 'caption', max: number): string | undefined {
  return data[key] === undefined ? undefined : textOf(data, key, max);
}

function styleOf(data: Fields): StickerStyle | undefined {
  if (data.style === undefined) return undefined;
  if (!isStyle(data.style)) throw new Refusal('style must be one of photo, panda, ai');
  return data.style;
}

function animateOf(data: Fields): boolean | undefined {
  if (data.animate === undefined) return undefined;
  if (typeof data.animate !== 'boolean') throw new Refusal('animate must be a boolean');
  return data.animate;
}

function idOf(data: Fields): RequestId | undefined {
  const id = data.id;
  if (id === undefined) return undefined;
  if ((typeof id === 'string' && id.length <= MAX_ID_LENGTH) || (typeof id === 'number' && Number.isFinite(id))) return id;
  throw new Refusal(`id must be a string of at most ${MAX_ID_LENGTH} characters or a finite number`);
}

function messageOf(type: HostMessage['type'], data: Fields, id: RequestId | undefined): HostMessage {
  const extra = Object.keys(data).filter((key) => !ALLOWED_KEYS[type].includes(key));
  if (extra.length > 0) throw new Refusal(`unknown field${extra.length > 1 ? 's' : ''} ${extra.join(', ')} in ${type}`);
  const withId = id === undefined ? {} : { id };
  switch (type) {
    case 'biaoqing:generate':
      return {
        type,
        ...withId,
        fields: {
          photo: photoOf(data),
          prompt: textOf(data, 'prompt', MAX_PROMPT_LENGTH),
          caption: optionalText(data, 'caption', MAX_CAPTION_LENGTH) ?? '',
          style: styleOf(data) ?? 'photo',
          animate: animateOf(data) ?? false,
        },
      };
    case 'biaoqing:set-photo':
      return { type, ...withId, fields: { photo: photoOf(data) } };
    case 'biaoqing:set-prompt': {
      const caption = optionalText(data, 'caption', MAX_CAPTION_LENGTH);
      return { type, ...withId, fields: { prompt: textOf(data, 'prompt', MAX_PROMPT_LENGTH), ...(caption !== undefined && { caption }) } };
    }
    case 'biaoqing:cancel':
      return { type, ...withId };
  }
}

/** A message event's data, as the host sent it. */
export function parseHostMessage(data: unknown): ParsedMessage {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { kind: 'foreign' };
  const fields = data as Fields;
  if (typeof fields.type !== 'string' || !fields.type.startsWith(EMBED_PREFIX)) return { kind: 'foreign' };
  let id: RequestId | undefined;
  try {
    id = idOf(fields);
    if (!isKnownType(fields.type)) throw new Refusal(`unknown message type ${fields.type}`);
    return { kind: 'message', message: messageOf(fields.type, fields, id) };
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    return { kind: 'refused', ...(id !== undefined && { id }), reason: error.message };
  }
}
