// The WeChat in-app browser's words, zh-CN first and English: what WeChat blocks and how to open the
// page in a real browser (WeChat's ··· menu → 在浏览器打开).

import { inLang } from './lang.ts';

const zh = {
  openInBrowserTitle: '在浏览器打开，功能更全',
  openInBrowser:
    '微信内置浏览器不能下载文件、导出表情包 ZIP，也不能安装这个应用。表情图可以直接长按保存或发送给朋友；要下载或安装，请点右上角「···」，选择「在浏览器打开」。',
  dismiss: '知道了',
};

type Dict = typeof zh;

const en: Dict = {
  openInBrowserTitle: 'Open in a browser for everything',
  openInBrowser:
    'WeChat’s built-in browser cannot download files, export the sticker pack ZIP or install this app. Long-press a sticker to save it or send it to a friend; to download or install, tap “···” at the top right and choose “Open in browser”.',
  dismiss: 'Got it',
};

export function weChatText(): Dict {
  return inLang(zh, en);
}
