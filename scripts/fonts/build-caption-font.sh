#!/usr/bin/env bash
# Rebuilds the bundled caption fonts in src/assets/fonts from Debian's OFL fonts. Build time only:
#   apt-get install -y fonts-noto-cjk-extra fonts-noto-color-emoji python3-fonttools python3-brotli
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../../src/assets/fonts"
mkdir -p "$out"
/usr/bin/python3 "$here/subset_caption_fonts.py" \
  --cjk /usr/share/fonts/opentype/noto/NotoSansCJK-Black.ttc \
  --emoji /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf \
  --emoji-list "$here/caption-emoji.txt" \
  --out "$out"
ls -l "$out"
