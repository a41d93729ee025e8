import { describe, expect, it } from 'vitest';
import { isStyle } from '../../../src/core/sticker-options.ts';
import { assertNever, parseCommand } from '../../../src/core/protocol.ts';

const request = { prompt: '开心大笑', expression: { id: 'laugh', intensity: 1.2 }, caption: '我太难了', style: 'photo', animate: true };

describe('parseCommand accepts well-formed commands', () => {
  it('init', () => {
    for (const faceDelegate of ['auto', 'cpu', 'gpu'] as const) {
      const cmd = { type: 'init', options: { faceDelegate, warpBackend: 'auto', assetBase: 'https://example.test/app/' } };
      expect(parseCommand(cmd)).toEqual(cmd);
    }
  });

  it('init keeps only the known options', () => {
    const parsed = parseCommand({ type: 'init', options: { faceDelegate: 'cpu', warpBackend: 'webgpu', assetBase: '/', extra: 1 } });
    expect(parsed).toEqual({ type: 'init', options: { faceDelegate: 'cpu', warpBackend: 'webgpu', assetBase: '/' } });
  });

  it('generate with an ArrayBuffer photo, passing the same buffer on', () => {
    const photo = new ArrayBuffer(16);
    const parsed = parseCommand({ type: 'generate', jobId: 'job-1', photo, request });
    expect(parsed).toEqual({ type: 'generate', jobId: 'job-1', photo, request });
    expect(parsed?.type === 'generate' && parsed.photo).toBe(photo);
  });

  it('generate with either cutout', () => {
    const photo = new ArrayBuffer(4);
    for (const cutout of ['person', 'face'] as const) {
      const asked = { ...request, cutout };
      expect(parseCommand({ type: 'generate', jobId: 'j', photo, request: asked })).toEqual({ type: 'generate', jobId: 'j', photo, request: asked });
    }
  });

  it('generate with an outline, or without one', () => {
    const photo = new ArrayBuffer(4);
    const outlined = { ...request, outline: { width: 0, colour: '#FF0000' } };
    expect(parseCommand({ type: 'generate', jobId: 'j', photo, request: outlined })).toEqual({ type: 'generate', jobId: 'j', photo, request: outlined });
  });

  it('generate with a template from the library', () => {
    const photo = new ArrayBuffer(4);
    const templated = { ...request, template: 'panda-twins' };
    expect(parseCommand({ type: 'generate', jobId: 'j', photo, request: templated })).toEqual({ type: 'generate', jobId: 'j', photo, request: templated });
  });

  it('look, with the photo and whether a person cutout is asked for', () => {
    const photo = new ArrayBuffer(16);
    for (const person of [true, false]) expect(parseCommand({ type: 'look', photo, person })).toEqual({ type: 'look', photo, person });
  });

  it('cancel', () => {
    expect(parseCommand({ type: 'cancel', jobId: 'job-1' })).toEqual({ type: 'cancel', jobId: 'job-1' });
  });

  it('dispose', () => {
    expect(parseCommand({ type: 'dispose' })).toEqual({ type: 'dispose' });
  });

  it('init with the AI redraw: its server, or none, and a weak device assumed (?gate=weak, WeChat) or not', () => {
    for (const serverUrl of ['http://localhost:4173/', null]) {
      for (const assumeWeak of ['gate-param', 'wechat', null]) {
        const cmd = {
          type: 'init',
          options: {
            faceDelegate: 'auto',
            warpBackend: 'auto',
            assetBase: '/',
            ai: { set: 'fixtures', device: 'server', modelBase: '/models/', serverUrl, assumeWeak, singleThreadWasm: assumeWeak === 'wechat' },
          },
        };
        expect(parseCommand(cmd)).toEqual(cmd);
      }
    }
  });

  it('init keeps ?gate=shader-f16 (only as true), and the other fixture layout or the real set', () => {
    const ai = { set: 'fixtures-alt', device: 'webgpu', modelBase: '/models/', serverUrl: null, assumeWeak: null, singleThreadWasm: false };
    const init = (extra: Record<string, unknown>) => ({
      type: 'init',
      options: { faceDelegate: 'auto', warpBackend: 'auto', assetBase: '/', ai: { ...ai, ...extra } },
    });
    expect(parseCommand(init({ assumeShaderF16: true }))).toEqual(init({ assumeShaderF16: true }));
    expect(parseCommand(init({ set: 'sdxs-512' }))).toEqual(init({ set: 'sdxs-512' }));
    expect(parseCommand(init({ assumeShaderF16: 'yes' }))).toEqual(init({}));
  });

  it('redraw-prefer, for each place the AI may run', () => {
    for (const device of ['auto', 'webgpu', 'wasm', 'server'])
      expect(parseCommand({ type: 'redraw-prefer', device })).toEqual({ type: 'redraw-prefer', device });
  });

  it('segmenter-port, passing the same port on, and segmenter-failed with its words', () => {
    const port = new MessageChannel().port1;
    const parsed = parseCommand({ type: 'segmenter-port', port });
    expect(parsed?.type === 'segmenter-port' && parsed.port).toBe(port);
    port.close();
    expect(parseCommand({ type: 'segmenter-failed', message: 'its script did not run' })).toEqual({
      type: 'segmenter-failed',
      message: 'its script did not run',
    });
  });
});

describe('parseCommand rejects malformed commands', () => {
  const photo = new ArrayBuffer(8);
  it.each<[string, unknown]>([
    ['null', null],
    ['undefined', undefined],
    ['a string', 'generate'],
    ['a number', 3],
    ['no type', { jobId: 'j' }],
    ['a non-string type', { type: 1 }],
    ['an unknown type', { type: 'explode' }],
    ['init without options', { type: 'init' }],
    ['segmenter-port without a port', { type: 'segmenter-port' }],
    ['segmenter-port with a null port', { type: 'segmenter-port', port: null }],
    ['segmenter-failed without words', { type: 'segmenter-failed' }],
    ['look without a photo', { type: 'look', person: true }],
    ['look with the photo as a string', { type: 'look', photo: 'abc', person: false }],
    ['look without saying whether a person is cut', { type: 'look', photo }],
    ['init with a bad faceDelegate', { type: 'init', options: { faceDelegate: 'tpu', warpBackend: 'auto', assetBase: '/' } }],
    ['init with faceDelegate missing', { type: 'init', options: { warpBackend: 'auto', assetBase: '/' } }],
    ['init without assetBase', { type: 'init', options: { faceDelegate: 'auto', warpBackend: 'auto' } }],
    ['init with a bad warpBackend', { type: 'init', options: { faceDelegate: 'auto', warpBackend: 'metal', assetBase: '/' } }],
    ['init without warpBackend', { type: 'init', options: { faceDelegate: 'auto', assetBase: '/' } }],
    ['generate without jobId', { type: 'generate', photo, request }],
    ['generate with a numeric jobId', { type: 'generate', jobId: 5, photo, request }],
    ['generate with a Uint8Array photo', { type: 'generate', jobId: 'j', photo: new Uint8Array(8), request }],
    ['generate with a string photo', { type: 'generate', jobId: 'j', photo: 'data:image/png;base64,', request }],
    ['generate without request', { type: 'generate', jobId: 'j', photo }],
    ['generate with an unknown template', { type: 'generate', jobId: 'j', photo, request: { ...request, template: 'no-such-template' } }],
    ['generate with a template that is not a string', { type: 'generate', jobId: 'j', photo, request: { ...request, template: 7 } }],
    ['generate with an unknown style', { type: 'generate', jobId: 'j', photo, request: { ...request, style: 'anime' } }],
    ['generate with a non-string caption', { type: 'generate', jobId: 'j', photo, request: { ...request, caption: null } }],
    ['generate without prompt', { type: 'generate', jobId: 'j', photo, request: { caption: '', style: 'photo' } }],
    ['generate with a non-boolean animate', { type: 'generate', jobId: 'j', photo, request: { ...request, animate: 'yes' } }],
    ['generate with a too-wide outline', { type: 'generate', jobId: 'j', photo, request: { ...request, outline: { width: 99, colour: '#ffffff' } } }],
    ['generate with a named outline colour', { type: 'generate', jobId: 'j', photo, request: { ...request, outline: { width: 4, colour: 'red' } } }],
    ['generate with an unknown cutout', { type: 'generate', jobId: 'j', photo, request: { ...request, cutout: 'hair' } }],
    ['generate with a null cutout', { type: 'generate', jobId: 'j', photo, request: { ...request, cutout: null } }],
    ['generate with a negative outline', { type: 'generate', jobId: 'j', photo, request: { ...request, outline: { width: -1, colour: '#ffffff' } } }],
    ['generate without an expression field', { type: 'generate', jobId: 'j', photo, request: { prompt: '', caption: '', style: 'photo' } }],
    ['generate with a non-numeric intensity', { type: 'generate', jobId: 'j', photo, request: { ...request, expression: { id: 'laugh', intensity: 'max' } } }],
    ['generate with an infinite intensity', { type: 'generate', jobId: 'j', photo, request: { ...request, expression: { id: 'laugh', intensity: Infinity } } }],
    [
      'init with an AI server URL that is not a string',
      {
        type: 'init',
        options: {
          faceDelegate: 'auto',
          warpBackend: 'auto',
          assetBase: '/',
          ai: { set: 'fixtures', device: 'auto', modelBase: '/', serverUrl: 8787, assumeWeak: null, singleThreadWasm: false },
        },
      },
    ],
    [
      'init with an unknown AI device',
      {
        type: 'init',
        options: {
          faceDelegate: 'auto',
          warpBackend: 'auto',
          assetBase: '/',
          ai: { set: 'fixtures', device: 'cloud', modelBase: '/', serverUrl: null, assumeWeak: null, singleThreadWasm: false },
        },
      },
    ],
    [
      'init assuming a weak device for an unknown reason',
      {
        type: 'init',
        options: {
          faceDelegate: 'auto',
          warpBackend: 'auto',
          assetBase: '/',
          ai: { set: 'fixtures', device: 'auto', modelBase: '/', serverUrl: null, assumeWeak: 'phone', singleThreadWasm: false },
        },
      },
    ],
    [
      'init without the wasm thread setting',
      {
        type: 'init',
        options: {
          faceDelegate: 'auto',
          warpBackend: 'auto',
          assetBase: '/',
          ai: { set: 'fixtures', device: 'auto', modelBase: '/', serverUrl: null, assumeWeak: 'wechat' },
        },
      },
    ],
    ['redraw-prefer with an unknown device', { type: 'redraw-prefer', device: 'gpu' }],
    ['cancel without jobId', { type: 'cancel' }],
    ['cancel with a non-string jobId', { type: 'cancel', jobId: {} }],
  ])('%s', (_name, value) => {
    expect(parseCommand(value)).toBeNull();
  });
});

describe('isStyle', () => {
  it('knows the photo style only', () => {
    expect(isStyle('photo')).toBe(true);
    expect(isStyle('anime')).toBe(false);
    expect(isStyle(undefined)).toBe(false);
  });
});

describe('assertNever', () => {
  it('throws, naming the unhandled message', () => {
    expect(() => assertNever({ type: 'mystery' } as never)).toThrow(/Unhandled protocol message: .*mystery/);
  });
});
