"""Splits the caption font into slices a caption loads only as it needs them (OFL-1.1, as the font).

Slice 0: ASCII, punctuation, full-width forms, every hanzi the app itself offers (its lexicon,
templates, packs: src/core) and the most frequent hanzi of GB2312 level 1 up to COMMON in all, by
the character frequencies of jieba's dictionary (Debian's python3-jieba: dict.txt, word counts
summed per character). Slices 1 and 2: the rest of level 1, by the same order. A short everyday
caption then needs slice 0 alone (about 0.3 MB) instead of the whole 1.1 MB font.

Writes caption-cjk-sc-black-<n>.woff2 and caption-cjk-slices.json (per slice: its file name and
CSS unicode-range, which also tells the worker which slices a caption needs).
"""
import argparse
import collections
import glob
import json
import os
import re

from fontTools import subset
from fontTools.ttLib import TTFont

from subset_caption_fonts import woff2_options

COMMON = 1000
JIEBA_DICT = "/usr/lib/python3/dist-packages/jieba/dict.txt"


def jieba_frequency():
    freq = collections.Counter()
    with open(JIEBA_DICT, encoding="utf-8") as f:
        for line in f:
            word, count = line.split()[:2]
            for ch in word:
                freq[ch] += int(count)
    return freq


def app_hanzi(src_core):
    found = set()
    for path in glob.glob(os.path.join(src_core, "**", "*.ts"), recursive=True):
        with open(path, encoding="utf-8") as f:
            found.update(re.findall(r"[\u4e00-\u9fff]", f.read()))
    return found


def unicode_range(codepoints):
    points = sorted(codepoints)
    ranges = []
    start = prev = points[0]
    for p in points[1:]:
        if p == prev + 1:
            prev = p
            continue
        ranges.append((start, prev))
        start = prev = p
    ranges.append((start, prev))
    return ", ".join(f"U+{a:X}" if a == b else f"U+{a:X}-{b:X}" for a, b in ranges)


def write_slice(font_path, codepoints, dest):
    options = woff2_options()
    font = TTFont(font_path)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codepoints)
    subsetter.subset(font)
    subset.save_font(font, dest, options)
    print(os.path.basename(dest), os.path.getsize(dest), "bytes,", len(codepoints), "code points")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--font", required=True, help="the whole caption font (subset_caption_fonts.py)")
    p.add_argument("--src-core", required=True)
    p.add_argument("--out", required=True)
    a = p.parse_args()
    cmap = TTFont(a.font).getBestCmap()
    hanzi = [c for c in cmap if 0x4E00 <= c <= 0x9FFF]
    other = [c for c in cmap if not 0x4E00 <= c <= 0x9FFF]
    freq = jieba_frequency()
    ranked = sorted(hanzi, key=lambda c: (-freq[chr(c)], c))
    offered = {ord(ch) for ch in app_hanzi(a.src_core)} & set(hanzi)
    common = list(offered) + [c for c in ranked if c not in offered][: max(0, COMMON - len(offered))]
    rest = [c for c in ranked if c not in set(common)]
    half = len(rest) // 2
    slices = [other + common, rest[:half], rest[half:]]
    index = []
    for n, points in enumerate(slices):
        name = f"caption-cjk-sc-black-{n}.woff2"
        write_slice(a.font, points, os.path.join(a.out, name))
        index.append({"file": name, "unicodeRange": unicode_range(points)})
    with open(os.path.join(a.out, "caption-cjk-slices.json"), "w", encoding="utf-8") as f:
        json.dump({"slices": index}, f, ensure_ascii=False, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
