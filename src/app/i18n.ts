// zh-CN first, English second. Follows the browser; the user's choice is remembered.

import { createSignal } from 'solid-js';

export type Lang = 'zh-CN' | 'en';

const zh = {
  appTitle: '表情 BiaoQing',
  tagline: '一张照片 + 几个字 = 你自己的表情包，在你的设备上生成',
  langSwitch: 'English',
  photoLegend: '1. 照片',
  photoDrop: '点击选择、拖入或粘贴一张正面照片',
  photoHint: 'JPEG、PNG、WebP 均可；大图会自动缩小，照片只在本机处理。',
  photoChange: '换一张',
  photoAlt: '你选择的照片',
  promptLabel: '2. 表情（想要的样子）',
  promptPlaceholder: '例如：开心大笑、惊讶、无语',
  promptHint: '中文或英文都可以，如“有点生气”“超级开心”“speechless”。没有填写配字时，这里的文字会作为配字。',
  expressionNone: '没有填写表情：保持照片原样。',
  expressionSuggest: '没有完全对上的表情，你是想要：',
  expressionUnderstood: '理解为：',
  meaningSuggest: 'AI 按意思找到的表情（点选可更换）：',
  meaningUnderstood: 'AI 理解为：',
  similarity: (s: number) => `（相似度 ${s.toFixed(2)}）`,
  encoderOffer: (mb: number) => `用 AI 理解任意文字（下载 ${mb} MB，只需一次，之后可离线使用）`,
  encoderLoading: (pct: number) => `正在准备 AI 文字理解：${pct}% `,
  encoderThinking: 'AI 正在理解这句话…',
  encoderFailed: 'AI 文字理解暂不可用：',
  retry: '重试',
  textEncoder: 'AI 文字理解（CLIP 文本编码器）',
  textEncoderState: (device: string, ms: number) => `已就绪，运行于 ${device}，加载用时 ${ms.toFixed(0)} ms`,
  intensity: '强度',
  captionLabel: '配字',
  captionPlaceholder: '例如：我太难了',
  styleLabel: '风格',
  stylePhoto: '照片（抠图 + 白边）',
  generate: '生成表情',
  generating: '生成中…',
  cancel: '取消',
  resultTitle: '你的表情',
  resultAlt: '生成的表情贴纸',
  download: '下载 PNG',
  animate: '同时做成动图（GIF / WebP，循环播放）',
  animatedTitle: '动图',
  animatedAlt: '生成的动态表情',
  downloadGif: '下载 GIF',
  downloadWebp: '下载 WebP',
  stages: {
    'load-models': '加载模型',
    decode: '读取照片',
    'detect-face': '识别人脸',
    expression: '理解表情',
    warp: '变换表情',
    align: '对齐五官',
    compose: '合成贴纸',
    encode: '导出 PNG',
    animate: '绘制动画帧',
    'encode-animation': '导出动图',
  },
  modelDownload: (model: string, pct: number) => `正在下载模型 ${model}：${pct}%`,
  stepProgress: (stage: string, done: number, total: number) => `${stage}：${done} / ${total}`,
  modelReady: (model: string) => `模型 ${model} 已就绪，已缓存在本机，可离线使用`,
  facesFound: (n: number) => (n > 1 ? `照片里有 ${n} 张脸，已使用最大的一张。` : ''),
  diagnostics: '诊断信息',
  gpuAdapter: 'WebGPU 适配器',
  gpuNone: '无',
  gpuChecking: '检测中…',
  gpuVendor: '厂商',
  gpuArch: '架构',
  gpuFallback: '软件回退适配器',
  yes: '是',
  no: '否',
  lastRun: '上一次生成',
  stage: '阶段',
  backend: '运行于',
  ms: '耗时 (ms)',
  photoSize: '照片尺寸',
  eyePositions: '眼睛位置（像素）',
  errorDetails: '技术细节（反馈问题时可附上）',
  errors: {
    NO_FACE_FOUND: '照片里没有找到人脸。请换一张正面、清晰、光线充足的照片。',
    BAD_INPUT: '这个文件无法作为照片读取。请选择 JPEG、PNG 或 WebP 图片。',
    'BAD_INPUT_no-photo': '请先选择一张照片。',
    BAD_INPUT_empty: '这个文件是空的（0 字节）。请重新选择照片。',
    BAD_INPUT_truncated: '这张图片不完整（文件可能没有下载完）。请重新保存或换一张。',
    'BAD_INPUT_not-image': '这个文件不是图片。请选择 JPEG、PNG 或 WebP 照片。',
    'BAD_INPUT_unsupported-format': '暂不支持 HEIC 格式。请在相册里导出为 JPEG 后再试。',
    'BAD_INPUT_too-large': '图片太大（超过 1.2 亿像素）。请先缩小后再试。',
    MODEL_DOWNLOAD_FAILED: '人脸模型下载失败。请检查网络后重试。',
    'MODEL_DOWNLOAD_FAILED_text-encoder': '模型下载失败，请检查网络后重试；也可以直接从上面的建议里选一个表情。',
    'MODEL_INTEGRITY_text-encoder': '下载的模型校验失败（文件已损坏），请重试；也可以直接从上面的建议里选一个表情。',
    MODEL_INTEGRITY: '下载的模型校验失败（文件已损坏）。请重试。',
    QUOTA_EXCEEDED: '本机存储空间不足，无法缓存模型。',
    WORKER_CRASHED: '处理程序意外崩溃，已自动重启。你的照片和文字都还在，请再试一次。',
    WORKER_HUNG: '处理程序长时间没有响应，已自动重启。你的照片和文字都还在，请再试一次。',
    ABORTED: '已取消。',
    OUT_OF_MEMORY: '设备内存不足。请换一张较小的照片或关闭其他页面。',
    DEVICE_LOST: '显卡连接中断。请再试一次。',
    WEBGPU_UNAVAILABLE: '此设备不支持 WebGPU。',
    CONTENT_REJECTED: '内容不符合规范，请修改文字。',
    SERVER_BUSY: '服务器繁忙，请稍后再试。',
    INTERNAL: '出了点问题，请再试一次。',
  } as Record<string, string>,
};

type Dict = typeof zh;

const en: Dict = {
  appTitle: 'BiaoQing 表情',
  tagline: 'A photo + a few words = your own sticker, made on your device',
  langSwitch: '中文',
  photoLegend: '1. Photo',
  photoDrop: 'Click to choose, drop or paste a front-facing photo',
  photoHint: 'JPEG, PNG or WebP; large photos are scaled down. Your photo stays on this device.',
  photoChange: 'Change photo',
  photoAlt: 'Your chosen photo',
  promptLabel: '2. Expression',
  promptPlaceholder: 'e.g. laughing, surprised, speechless',
  promptHint: 'Chinese or English, e.g. “a bit angry”, “超级开心”, “speechless”. With no caption, these words become the caption.',
  expressionNone: 'No expression given: the face stays as photographed.',
  expressionSuggest: 'No exact match. Did you mean:',
  expressionUnderstood: 'Understood as:',
  meaningSuggest: 'Closest in meaning (pick another if you like):',
  meaningUnderstood: 'AI understood:',
  similarity: (s) => ` (similarity ${s.toFixed(2)})`,
  encoderOffer: (mb) => `Let AI understand any words (one ${mb} MB download, then works offline)`,
  encoderLoading: (pct) => `Preparing AI text understanding: ${pct}% `,
  encoderThinking: 'AI is reading your words…',
  encoderFailed: 'AI text understanding is unavailable:',
  retry: 'Try again',
  textEncoder: 'AI text understanding (CLIP text encoder)',
  textEncoderState: (device, ms) => `Ready on ${device}, loaded in ${ms.toFixed(0)} ms`,
  intensity: 'Strength',
  captionLabel: 'Caption',
  captionPlaceholder: 'e.g. I give up',
  styleLabel: 'Style',
  stylePhoto: 'Photo (cut out, white outline)',
  generate: 'Make sticker',
  generating: 'Making…',
  cancel: 'Cancel',
  resultTitle: 'Your sticker',
  resultAlt: 'The generated sticker',
  download: 'Download PNG',
  animate: 'Also make it animated (looping GIF / WebP)',
  animatedTitle: 'Animated',
  animatedAlt: 'The animated sticker',
  downloadGif: 'Download GIF',
  downloadWebp: 'Download WebP',
  stages: {
    'load-models': 'Load models',
    decode: 'Read photo',
    'detect-face': 'Find face',
    expression: 'Understand words',
    warp: 'Change expression',
    align: 'Align face',
    compose: 'Compose sticker',
    encode: 'Export PNG',
    animate: 'Draw animation frames',
    'encode-animation': 'Export animation',
  },
  modelDownload: (model, pct) => `Downloading model ${model}: ${pct}%`,
  stepProgress: (stage, done, total) => `${stage}: ${done} / ${total}`,
  modelReady: (model) => `Model ${model} is ready and cached on this device for offline use`,
  facesFound: (n) => (n > 1 ? `The photo has ${n} faces; the largest was used.` : ''),
  diagnostics: 'Diagnostics',
  gpuAdapter: 'WebGPU adapter',
  gpuNone: 'none',
  gpuChecking: 'checking…',
  gpuVendor: 'Vendor',
  gpuArch: 'Architecture',
  gpuFallback: 'Software fallback adapter',
  yes: 'yes',
  no: 'no',
  lastRun: 'Last run',
  stage: 'Stage',
  backend: 'Ran on',
  ms: 'Time (ms)',
  photoSize: 'Photo size',
  eyePositions: 'Eye positions (px)',
  errorDetails: 'Technical details (for bug reports)',
  errors: {
    NO_FACE_FOUND: 'No face found in this photo. Try a clear, well-lit, front-facing photo.',
    BAD_INPUT: 'This file cannot be read as a photo. Choose a JPEG, PNG or WebP image.',
    'BAD_INPUT_no-photo': 'Choose a photo first.',
    BAD_INPUT_empty: 'This file is empty (0 bytes). Choose the photo again.',
    BAD_INPUT_truncated: 'This image is incomplete (perhaps not fully downloaded). Save it again or pick another.',
    'BAD_INPUT_not-image': 'This file is not an image. Choose a JPEG, PNG or WebP photo.',
    'BAD_INPUT_unsupported-format': 'HEIC photos are not supported yet. Export it as JPEG and try again.',
    'BAD_INPUT_too-large': 'The image is too large (over 120 megapixels). Scale it down first.',
    MODEL_DOWNLOAD_FAILED: 'The face model could not be downloaded. Check your connection and try again.',
    'MODEL_DOWNLOAD_FAILED_text-encoder': 'the model could not be downloaded. Check your connection and try again, or pick one of the suggestions above.',
    'MODEL_INTEGRITY_text-encoder': 'the downloaded model failed its integrity check. Try again, or pick one of the suggestions above.',
    MODEL_INTEGRITY: 'The downloaded model failed its integrity check (corrupted). Try again.',
    QUOTA_EXCEEDED: 'Not enough storage on this device to cache the model.',
    WORKER_CRASHED: 'The processing worker crashed and was restarted. Your photo and words are kept; try again.',
    WORKER_HUNG: 'The processing worker stopped responding and was restarted. Your photo and words are kept; try again.',
    ABORTED: 'Cancelled.',
    OUT_OF_MEMORY: 'The device ran out of memory. Try a smaller photo or close other tabs.',
    DEVICE_LOST: 'The GPU connection was lost. Try again.',
    WEBGPU_UNAVAILABLE: 'This device has no WebGPU.',
    CONTENT_REJECTED: 'This text is not allowed; please change it.',
    SERVER_BUSY: 'The server is busy; try again shortly.',
    INTERNAL: 'Something went wrong. Please try again.',
  },
};

const STORAGE_KEY = 'biaoqing.lang';

function initialLang(): Lang {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (saved === 'zh-CN' || saved === 'en') return saved;
  const prefersChinese = (navigator.languages ?? [navigator.language]).some((l) => l.toLowerCase().startsWith('zh'));
  const prefersOther = (navigator.languages ?? [navigator.language]).some((l) => l && !l.toLowerCase().startsWith('zh'));
  return !prefersChinese && prefersOther ? 'en' : 'zh-CN';
}

const [lang, setLangSignal] = createSignal<Lang>(initialLang());

export { lang };

export function setLang(next: Lang): void {
  setLangSignal(next);
  globalThis.localStorage?.setItem(STORAGE_KEY, next);
  document.documentElement.lang = next;
}

export function t(): Dict {
  return lang() === 'en' ? en : zh;
}

/** The sentence for an error code (and reason, when there is a finer one). */
export function errorText(code: string, reason?: string): string {
  const errors = t().errors;
  return (reason !== undefined ? errors[`${code}_${reason}`] : undefined) ?? errors[code] ?? errors.INTERNAL ?? code;
}
