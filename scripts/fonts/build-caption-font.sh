#!/usr/bin/env bash
# Rebuilds the bundled caption font in src/assets/fonts from Debian's OFL fonts. Build time only:
#   apt-get install -y fonts-noto-cjk-extra python3-fonttools python3-brotli python3-jieba
# The subset is then split into slices that load as captions need them (split_caption_font.py).
# The caption emoji are a bitmap atlas instead: make-emoji-atlas.ts.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../../src/assets/fonts"
mkdir -p "$out"
whole="$(mktemp -d)"
trap 'rm -rf "$whole"' EXIT
/usr/bin/python3 "$here/subset_caption_fonts.py" \
  --cjk /usr/share/fonts/opentype/noto/NotoSansCJK-Black.ttc \
  --out "$whole"
/usr/bin/python3 "$here/split_caption_font.py" \
  --font "$whole/caption-cjk-sc-black.woff2" \
  --src-core "$here/../../src/core" \
  --out "$out"
ls -l "$out"
