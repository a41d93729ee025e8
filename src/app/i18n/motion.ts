// The animated sticker's pause/play words, zh-CN first and English.

import { inLang } from './lang.ts';

const zh = { pause: '暂停动图', play: '播放动图' };

const en: typeof zh = { pause: 'Pause animation', play: 'Play animation' };

export function motionText(): typeof zh {
  return inLang(zh, en);
}
