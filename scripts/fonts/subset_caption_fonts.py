"""Subsets the caption font (OFL-1.1) to what captions need, as woff2.

CJK: GB2312 level 1 (the 3,755 most common hanzi, GB2312 rows 16-55). The list is derived offline
from Python's own gb2312 codec, so no download is needed; 通用规范汉字表 has no machine-readable
copy on a Debian machine. Plus ASCII, Latin-1 punctuation, CJK punctuation (U+3000-303F),
full-width forms (U+FF00-FFEF) and general punctuation (U+2010-206F).
Emoji are not in a font: make-emoji-atlas.ts draws them into a bitmap atlas.
"""
import argparse
import os

from fontTools import subset
from fontTools.ttLib import TTFont


def gb2312_level1():
    chars = []
    for row in range(0xB0, 0xD8):
        for col in range(0xA1, 0xFF):
            try:
                chars.append(bytes([row, col]).decode("gb2312"))
            except UnicodeDecodeError:
                pass  # row 55 ends at 0xF9
    return chars


def cjk_text():
    ranges = [(0x20, 0x7E), (0xA0, 0xFF), (0x2010, 0x206F), (0x3000, 0x303F), (0xFF00, 0xFFEF)]
    chars = [chr(c) for lo, hi in ranges for c in range(lo, hi + 1)]
    return "".join(chars + gb2312_level1())


def woff2_options():
    """Every layout feature and name kept, no hinting: what the caption font's files are made with."""
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.hinting = False
    return options


def build(src, index, text, out, name):
    options = woff2_options()
    font = TTFont(src, fontNumber=index, lazy=False)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text)
    subsetter.subset(font)
    dest = os.path.join(out, name)
    subset.save_font(font, dest, options)
    print(name, os.path.getsize(dest), "bytes,", len(set(text)), "code points asked")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--cjk", required=True)
    p.add_argument("--out", required=True)
    a = p.parse_args()
    # Face 2 of the collection is Noto Sans CJK SC.
    build(a.cjk, 2, cjk_text(), a.out, "caption-cjk-sc-black.woff2")


if __name__ == "__main__":
    main()
