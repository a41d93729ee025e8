// The words of installing, updating and working offline, zh-CN first and English.

import { inLang } from './lang.ts';

const zh = {
  install: '安装到桌面',
  installHint: '像应用一样打开，离线也能做表情',
  updateReady: '有新版本。',
  updateNow: '更新',
  updateAfterJob: '表情做完后就更新。',
  updating: '正在更新…',
  offline: '离线中：照片、表情、模板、配字和导出照常可用；下载模型和服务器需要联网。',
  needsNetwork: {
    aiDownload: '下载 AI 模型需要联网。',
    encoderDownload: '下载文字理解模型需要联网；可以先从下面的建议里选。',
    server: '在服务器上生成需要联网。',
  },
};

const en: typeof zh = {
  install: 'Install',
  installHint: 'Opens like an app and makes stickers offline',
  updateReady: 'A new version is available.',
  updateNow: 'Update',
  updateAfterJob: 'It will update when the sticker is done.',
  updating: 'Updating…',
  offline: 'Offline: photos, expressions, templates, captions and exports still work; model downloads and the server need the network.',
  needsNetwork: {
    aiDownload: 'Downloading the AI models needs the network.',
    encoderDownload: 'Downloading the text model needs the network; pick from the suggestions below meanwhile.',
    server: 'Making it on the server needs the network.',
  },
};

export type NetworkFeature = keyof typeof zh.needsNetwork;

export function pwaText(): typeof zh {
  return inLang(zh, en);
}
