"""Datelines and credits: where a news agency's name places a story, not who said its figures.

"(서울=연합뉴스)", "[서울=뉴시스]", "【ソウル共同】", "新华社首尔2月14日电" and a photo credit
"(사진=연합뉴스)" name the agency that wrote or relayed the text; the figures of the sentence
come from whoever the sentence names as speaking, so a name inside one of these is no speaker.
"""

from __future__ import annotations

import re

__all__ = ["dateline_spans"]

_DATELINE = re.compile(
    # (서울=연합뉴스), [서울=뉴시스]
    r"[(\[（［<〈]\s*[^()\[\]（）［］<>〈〉=\n]{0,20}=\s*[^()\[\]（）［］<>〈〉=\n]{1,20}[)\]）］>〉]"
    r"|【[^】\n]{1,20}】"  # 【ソウル共同】
    r"|[^\s，。,、]{1,16}?\d{1,2}月\d{1,2}日电"  # 新华社首尔2月14日电
    r"|(?:^|\n)\s*[(（][^()（）\n=]{2,12}[)）]"  # "(CNN)" opening a paragraph
    r"|ⓒ\s*\S{1,20}|©\s*\S{1,20}|저작권자\s*[ⓒ©]?\s*\S{1,20}"  # a copyright line
)


def dateline_spans(low: str) -> list[tuple[int, int]]:
    """The (start, end) of every dateline, credit or copyright mark in ``low``, in text order."""
    return [m.span() for m in _DATELINE.finditer(low)]
