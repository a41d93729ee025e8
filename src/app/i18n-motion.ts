// The animated sticker's pause/play words, zh-CN first and English. Kept apart from i18n.ts.

import { lang } from './i18n.ts';

const zh = { pause: '暂停动图', play: '播放动图' };

const en: typeof zh = { pause: 'Pause animation', play: 'Play animation' };

export function motionText(): typeof zh {
  return lang() === 'en' ? en : zh;
}
