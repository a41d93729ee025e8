// What a failure says to the user, zh-CN first and English: a general sentence for each code and a
// finer one for each reason that src/core/errors.ts lists, so a reason without a sentence in both
// languages does not compile. Plain data with no language signal, so tests in Node read it.

import type { ErrorCode, ErrorReason, ReasonedCode } from '../../core/errors.ts';
import type { Lang } from './lang.ts';

export interface ErrorSentences {
  /** Also said for a reason this build does not know (from a worker or server of another version). */
  general: Record<ErrorCode, string>;
  byReason: { [C in ReasonedCode]: Record<ErrorReason<C>, string> };
}

const zh: ErrorSentences = {
  general: {
    NO_FACE_FOUND: '照片里没有找到人脸。请换一张正面、清晰、光线充足的照片。',
    BAD_INPUT: '这个文件无法作为照片读取。请选择 JPEG、PNG 或 WebP 图片。',
    MODEL_DOWNLOAD_FAILED: '人脸模型下载失败。请检查网络后重试。',
    MODEL_INTEGRITY: '下载的模型校验失败（文件已损坏）。请重试。',
    STORAGE_FULL: '本机存储空间不足，模型放不下。请在「已下载的模型」里删除用不到的模型，或清理设备空间后再试。',
    WORKER_CRASHED: '处理程序意外崩溃，已自动重启。你的照片和文字都还在，请再试一次。',
    WORKER_HUNG: '处理程序长时间没有响应，已自动重启。你的照片和文字都还在，请再试一次。',
    ABORTED: '已取消。',
    OUT_OF_MEMORY: '设备内存不足。请换一张较小的照片或关闭其他页面。',
    DEVICE_LOST: '显卡连接中断。请再试一次。',
    WEBGPU_UNAVAILABLE: '此设备不支持 WebGPU。',
    CONTENT_REJECTED: '内容不符合规范，请修改文字。',
    SERVER_BUSY: '服务器繁忙，请稍后再试。',
    RATE_LIMITED: '请求太频繁，请稍等片刻再试。',
    NOT_FOUND: '照片或结果已过期，请重新上传。',
    SERVER_UNREACHABLE: '连不上生成服务器。请检查网络后重试，或改用其他风格。',
    INTERNAL: '出了点问题，请再试一次。',
  },
  byReason: {
    BAD_INPUT: {
      'no-photo': '请先选择一张照片。',
      unreadable: '没能读取这个文件（它可能已被移动或删除）。请重新选择照片。',
      empty: '这个文件是空的（0 字节）。请重新选择照片。',
      truncated: '这张图片不完整（文件可能没有下载完）。请重新保存或换一张。',
      'not-image': '这个文件不是图片。请选择 JPEG、PNG 或 WebP 照片。',
      'unsupported-format': '暂不支持 HEIC 格式。请在相册里导出为 JPEG 后再试。',
      'too-large': '图片太大（超过 1.2 亿像素）。请先缩小后再试。',
      undecodable: '这张图片打不开（文件可能已损坏）。请换一张，或在相册里导出为 JPEG 后再试。',
      corrupt: '生成服务器打不开这张图片（文件可能已损坏）。请换一张照片再试。',
      'unknown-template': '找不到选中的模板。请重新选一个模板，或选「不用模板」。',
      'ai-request': 'AI 重绘的设置不完整，或同时选了模板（AI 重绘不用模板）。请刷新页面后再试。',
      'bad-request': '发给生成服务器的请求有误。请刷新页面后再试，或改用其他风格。',
      'bad-id': '生成服务器认不出这张照片或这个结果。请重新生成一次。',
      'not-multipart': '照片没能按正确的格式上传到生成服务器。请刷新页面后再试。',
    },
    MODEL_DOWNLOAD_FAILED: {
      'text-encoder': '模型下载失败，请检查网络后重试；也可以直接从上面的建议里选一个表情。',
      'ai-models': 'AI 模型下载失败：连不上存放模型的网站（huggingface.co）。请检查网络后再试；已下载的部分会保留，其他风格照常可用。',
    },
    MODEL_INTEGRITY: {
      'text-encoder': '下载的模型校验失败（文件已损坏），请重试；也可以直接从上面的建议里选一个表情。',
      'ai-models': '下载的 AI 模型校验失败（文件不对或已损坏），已删除。请重试；其他风格照常可用。',
      'ai-layout': '这个 AI 模型文件的输入输出格式本应用不认识，没有使用它。请把这句话告诉网站维护者；其他风格照常可用。',
      'ai-self-check': 'AI 模型首次自检没有通过，没有使用它们。可以在「已下载的模型」里删除这个文件后重试，或在「在哪里生成」里改选服务器；其他风格照常可用。',
    },
    WEBGPU_UNAVAILABLE: {
      'not-configured': '这个版本没有开启 AI 重绘。请选择其他风格。',
      'pinned-server': '已设置为在服务器上生成，但这个版本没有生成服务器。请在「在哪里生成」里改选本机，或选择其他风格。',
      'pinned-wasm': '已设置为用本机 CPU 生成，但没有能在 CPU 上运行的模型，这个版本也没有生成服务器。请在「在哪里生成」里改选其他方式，或选择其他风格。',
      'no-webgpu': '此浏览器没有 WebGPU，无法在本机做 AI 重绘，这个版本也没有生成服务器。请换用新版 Chrome 或 Edge，或选择其他风格。',
      'software-adapter': '这台设备只有软件模拟的显卡，做 AI 重绘太慢，这个版本也没有生成服务器。请选择其他风格。',
      'no-subgroup-info': '这个浏览器的 WebGPU 还不能稳定运行 AI 模型，这个版本也没有生成服务器。请换一个浏览器，或选择其他风格。',
      'no-shader-f16': '显卡不支持 AI 模型需要的半精度计算，这个版本也没有生成服务器。请选择其他风格。',
      'tensor-too-large': '显卡的显存上限太小，放不下 AI 模型，这个版本也没有生成服务器。请选择其他风格。',
      'low-memory': '设备内存不足以加载 AI 模型，这个版本也没有生成服务器。请选择其他风格。',
      'not-pinned': '这个版本没有配置 AI 模型文件，也没有生成服务器。请选择其他风格。',
    },
  },
};

const en: ErrorSentences = {
  general: {
    NO_FACE_FOUND: 'No face found in this photo. Try a clear, well-lit, front-facing photo.',
    BAD_INPUT: 'This file cannot be read as a photo. Choose a JPEG, PNG or WebP image.',
    MODEL_DOWNLOAD_FAILED: 'The face model could not be downloaded. Check your connection and try again.',
    MODEL_INTEGRITY: 'The downloaded model failed its integrity check (corrupted). Try again.',
    STORAGE_FULL: 'Not enough storage for the model. Delete models you do not need under “Downloaded models”, or free up space on the device, then try again.',
    WORKER_CRASHED: 'The processing worker crashed and was restarted. Your photo and words are kept; try again.',
    WORKER_HUNG: 'The processing worker stopped responding and was restarted. Your photo and words are kept; try again.',
    ABORTED: 'Cancelled.',
    OUT_OF_MEMORY: 'The device ran out of memory. Try a smaller photo or close other tabs.',
    DEVICE_LOST: 'The GPU connection was lost. Try again.',
    WEBGPU_UNAVAILABLE: 'This device has no WebGPU.',
    CONTENT_REJECTED: 'This text is not allowed; please change it.',
    SERVER_BUSY: 'The server is busy; try again shortly.',
    RATE_LIMITED: 'Too many requests; wait a moment and try again.',
    NOT_FOUND: 'The photo or result has expired; upload it again.',
    SERVER_UNREACHABLE: 'The sticker server cannot be reached. Check your connection and try again, or pick another style.',
    INTERNAL: 'Something went wrong. Please try again.',
  },
  byReason: {
    BAD_INPUT: {
      'no-photo': 'Choose a photo first.',
      unreadable: 'The file could not be read (it may have been moved or deleted). Choose the photo again.',
      empty: 'This file is empty (0 bytes). Choose the photo again.',
      truncated: 'This image is incomplete (perhaps not fully downloaded). Save it again or pick another.',
      'not-image': 'This file is not an image. Choose a JPEG, PNG or WebP photo.',
      'unsupported-format': 'HEIC photos are not supported yet. Export it as JPEG and try again.',
      'too-large': 'The image is too large (over 120 megapixels). Scale it down first.',
      undecodable: 'This image cannot be opened (the file may be damaged). Pick another, or export it as JPEG and try again.',
      corrupt: 'The sticker server cannot open this image (the file may be damaged). Try another photo.',
      'unknown-template': 'The chosen template was not found. Choose another template, or “No template”.',
      'ai-request': 'The AI redraw settings are incomplete, or a template was chosen with them (the AI redraw takes none). Reload the page and try again.',
      'bad-request': 'The request to the sticker server was not valid. Reload the page and try again, or pick another style.',
      'bad-id': 'The sticker server did not recognise this photo or result. Make the sticker again.',
      'not-multipart': 'The photo did not reach the sticker server in the right form. Reload the page and try again.',
    },
    MODEL_DOWNLOAD_FAILED: {
      'text-encoder': 'the model could not be downloaded. Check your connection and try again, or pick one of the suggestions above.',
      'ai-models':
        'the AI models could not be downloaded: their host (huggingface.co) could not be reached. Check your connection and try again; what arrived is kept, and every other style still works.',
    },
    MODEL_INTEGRITY: {
      'text-encoder': 'the downloaded model failed its integrity check. Try again, or pick one of the suggestions above.',
      'ai-models': 'a downloaded AI model failed its integrity check (wrong or damaged file) and was deleted. Try again; every other style still works.',
      'ai-layout':
        'this AI model file has inputs or outputs in a form this app does not know, so it is not used. Please tell the site’s maintainers this sentence; every other style still works.',
      'ai-self-check':
        'the AI models failed their first-load self-check, so they are not used. Delete this file under “Downloaded models” and try again, or choose the server under “Where it runs”; every other style still works.',
    },
    WEBGPU_UNAVAILABLE: {
      'not-configured': 'The AI redraw is not switched on in this version. Pick another style.',
      'pinned-server': 'Set to run on the server, but this version has no sticker server. Choose this device under “Where it runs”, or pick another style.',
      'pinned-wasm':
        'Set to run on the CPU, but no model here runs on the CPU, and this version has no sticker server. Choose another option under “Where it runs”, or pick another style.',
      'no-webgpu':
        'This browser has no WebGPU, so the AI redraw cannot run here, and this version has no sticker server. Try a recent Chrome or Edge, or pick another style.',
      'software-adapter':
        'This device has only a software-emulated GPU, too slow for the AI redraw, and this version has no sticker server. Pick another style.',
      'no-subgroup-info':
        'This browser’s WebGPU cannot yet run the AI models safely, and this version has no sticker server. Try another browser, or pick another style.',
      'no-shader-f16': 'The GPU cannot do the half-precision maths the AI models need, and this version has no sticker server. Pick another style.',
      'tensor-too-large': 'The GPU’s memory limit is too small for the AI models, and this version has no sticker server. Pick another style.',
      'low-memory': 'Not enough device memory to load the AI models, and this version has no sticker server. Pick another style.',
      'not-pinned': 'This version has no AI model files and no sticker server. Pick another style.',
    },
  },
};

export const ERROR_SENTENCES: Record<Lang, ErrorSentences> = { 'zh-CN': zh, en };

/** The reason's sentence when there is one, else the code's; INTERNAL's for a code this build does not know. */
export function sentenceFor(sentences: ErrorSentences, code: ErrorCode, reason?: string): string {
  const finer: Partial<Record<string, string>> | undefined = Object.hasOwn(sentences.byReason, code) ? sentences.byReason[code as ReasonedCode] : undefined;
  // Own keys only: a reason such as 'toString' must not find Object's.
  const said = reason !== undefined && finer !== undefined && Object.hasOwn(finer, reason) ? finer[reason] : undefined;
  return said ?? sentences.general[code] ?? sentences.general.INTERNAL;
}
