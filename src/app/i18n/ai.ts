// The AI redraw's words, zh-CN first and English: the capability gate's reasons, the download, the
// settings.

import type { AiDevicePreference, GateReason } from '../../core/diffusion/capability.ts';
import { STICKER_SIZE } from '../../core/sticker-layout.ts';
import { inLang } from './lang.ts';

/** The aligned square the redraw works on, the only pixels uploaded. */
const SQUARE = STICKER_SIZE;

const mb = (bytes: number) => Math.max(0.1, Math.round(bytes / 1024 ** 2 / 0.1) * 0.1).toFixed(bytes >= 10 * 1024 ** 2 ? 0 : 1);

function duration(seconds: number, zh: boolean): string {
  if (seconds < 60) return zh ? `${Math.ceil(seconds)} 秒` : `${Math.ceil(seconds)} s`;
  const minutes = Math.ceil(seconds / 60);
  return zh ? `${minutes} 分钟` : `${minutes} min`;
}

const zh = {
  legend: 'AI 重绘',
  testModels: '当前是测试模型（仓库自带的小网络），结果只用于检验流程，不是真正的 AI 画风。',
  reasons: {
    ok: '本机显卡可以运行 AI 重绘',
    'pinned-webgpu': '按设置在 WebGPU 上运行',
    'pinned-wasm': '按设置在 CPU（wasm）上运行，会比较慢',
    'pinned-server': '按设置交给服务器生成',
    'no-webgpu': '此浏览器没有 WebGPU',
    'software-adapter': '只有软件模拟的显卡，速度太慢',
    'no-subgroup-info': '这个浏览器的 WebGPU 还不能稳定运行模型（会耗尽内存），改用 CPU 或服务器',
    'no-shader-f16': '显卡不支持半精度计算',
    'tensor-too-large': '显卡单块显存上限太小，放不下模型',
    'low-memory': '设备内存不足以加载模型',
    'not-pinned': '这个版本还没有配置 AI 模型文件',
  } satisfies Record<GateReason, string>,
  elsewhere: '本机无法运行 AI 重绘，这个版本也没有生成服务器。请选择其他风格。',
  serverDown: '本机无法运行 AI 重绘，生成服务器也连不上：',
  onServer: (hours: number | undefined) =>
    `在服务器上生成：只上传脸部这一块（${SQUARE}×${SQUARE} 像素），不上传整张照片${hours === undefined ? '' : `，${hours} 小时后自动删除`}。`,
  serverReady: (ms: number) => `生成服务器已连接（${ms} 毫秒）`,
  device: '在哪里生成',
  devices: { auto: '自动（本机能跑就在本机）', webgpu: '本机显卡（WebGPU）', wasm: '本机 CPU（较慢）', server: '服务器' } satisfies Record<
    AiDevicePreference,
    string
  >,
  runsOn: (provider: string, dtype: string) => `运行于 ${provider === 'webgpu' ? 'WebGPU 显卡' : 'CPU（wasm）'}，权重 ${dtype}`,
  download: (bytes: number) => `下载 AI 模型（${mb(bytes)} MB，之后可离线使用）`,
  loadCached: '载入 AI 模型（已缓存，无需下载）',
  downloading: (loaded: number, total: number) => `已下载 ${mb(loaded)} / ${mb(total)} MB`,
  speed: (bps: number | null, left: number | null) => (bps === null ? '' : `，${mb(bps)} MB/秒${left === null ? '' : `，约剩 ${duration(left, true)}`}`),
  cancelDownload: '取消下载',
  loading: '正在载入模型到显卡…',
  ready: (ms: number) => `AI 模型已就绪（载入用了 ${(ms / 1000).toFixed(1)} 秒）`,
  failed: 'AI 模型没能载入：',
  resumeHint: '已下载的部分会保留，再点一次会接着下载。',
  failedModel: (name: string) => `出问题的文件：${name}。`,
  consentHeading: '下载前请看：要下载的 AI 模型',
  consentTotal: (gb: string) => `共约 ${gb} GB，只下载一次，之后存在本机、可离线使用。`,
  consentSource: '下载自',
  consentLicense: '许可',
  consentRestrictions: 'SDXS 的 openrail++ 许可带有使用限制（例如不得用于违法、伤害他人或冒充他人的内容），使用即表示遵守。',
  consentAgree: '我已了解以上模型、许可和大小，同意下载',
  seed: '随机种子（相同种子 = 相同结果）',
  newSeed: '换一个',
  steps: '步数',
  strength: '重绘程度',
  previewAlt: (step: number) => `AI 重绘第 ${step} 步的预览`,
  info: (seed: number, steps: number, prompt: string, onServer: boolean) => `${onServer ? '在服务器上生成，' : ''}种子 ${seed}，${steps} 步；提示词：${prompt}`,
  noAnimation: 'AI 重绘暂不做动图。',
};

type Dict = typeof zh;

const en: Dict = {
  legend: 'AI redraw',
  testModels: 'These are test models (small networks built by the repository): results only check the pipeline; they are not a real AI style.',
  reasons: {
    ok: 'Your GPU can run the AI redraw',
    'pinned-webgpu': 'Running on WebGPU, as set',
    'pinned-wasm': 'Running on the CPU (wasm), as set: slower',
    'pinned-server': 'Sent to the server, as set',
    'no-webgpu': 'This browser has no WebGPU',
    'software-adapter': 'Only a software-emulated GPU: too slow',
    'no-subgroup-info': 'This browser’s WebGPU cannot yet run the models safely (memory runs out): the CPU or the server takes over',
    'no-shader-f16': 'The GPU cannot compute in half precision',
    'tensor-too-large': 'The GPU’s largest buffer is too small for the model',
    'low-memory': 'Not enough device memory for the model',
    'not-pinned': 'This build has no AI model files configured',
  },
  elsewhere: 'This device cannot run the AI redraw and this build has no sticker server: pick another style.',
  serverDown: 'This device cannot run the AI redraw, and the sticker server cannot be reached:',
  onServer: (hours) =>
    `Made on the server: only the face square (${SQUARE}×${SQUARE} pixels) is uploaded, never the whole photo${hours === undefined ? '' : `, and it is deleted after ${hours} hours`}.`,
  serverReady: (ms) => `Sticker server connected (${ms} ms)`,
  device: 'Where it runs',
  devices: { auto: 'Automatic (this device when it can)', webgpu: 'This device’s GPU (WebGPU)', wasm: 'This device’s CPU (slower)', server: 'The server' },
  runsOn: (provider, dtype) => `Runs on ${provider === 'webgpu' ? 'the GPU (WebGPU)' : 'the CPU (wasm)'}, ${dtype} weights`,
  download: (bytes) => `Download the AI models (${mb(bytes)} MB, then works offline)`,
  loadCached: 'Load the AI models (cached, no download)',
  downloading: (loaded, total) => `Downloaded ${mb(loaded)} of ${mb(total)} MB`,
  speed: (bps, left) => (bps === null ? '' : `, ${mb(bps)} MB/s${left === null ? '' : `, about ${duration(left, false)} left`}`),
  cancelDownload: 'Cancel download',
  loading: 'Loading the models onto the GPU…',
  ready: (ms) => `AI models ready (loaded in ${(ms / 1000).toFixed(1)} s)`,
  failed: 'The AI models did not load:',
  resumeHint: 'What was downloaded is kept: press again to continue.',
  failedModel: (name) => `The file at fault: ${name}.`,
  consentHeading: 'Before you download: the AI models',
  consentTotal: (gb) => `About ${gb} GB in all, downloaded once, then kept on this device and usable offline.`,
  consentSource: 'from',
  consentLicense: 'licence',
  consentRestrictions:
    'SDXS’s openrail++ licence comes with use restrictions (for example no unlawful or harmful content and no impersonation); using it means keeping to them.',
  consentAgree: 'I have read which models, licences and size these are, and agree to download them',
  seed: 'Seed (same seed = same result)',
  newSeed: 'New seed',
  steps: 'Steps',
  strength: 'Redraw strength',
  previewAlt: (step) => `AI redraw preview after step ${step}`,
  info: (seed, steps, prompt, onServer) => `${onServer ? 'Made on the server. ' : ''}Seed ${seed}, ${steps} step${steps === 1 ? '' : 's'}; prompt: ${prompt}`,
  noAnimation: 'The AI redraw makes no animated sticker yet.',
};

export function aiText(): Dict {
  return inLang(zh, en);
}
