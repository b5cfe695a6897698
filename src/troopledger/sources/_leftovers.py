"""Page leftovers: the lines a saved page carries that are not the article.

"See also" links (and related-article boxes in the other languages), comment
forms, language menus, advertisement markers, "most popular" boxes, photo captions
and credits, truncated breadcrumb titles and lines that repeat an earlier line are
dropped; a "Read the original article on X" line
is dropped too, but X is kept as the outlet the story came from.
"""

from __future__ import annotations

import re

__all__ = ["drop_leftovers"]

_LANG_CODES = "ua|uk|en|ru|de|fr|es|it|pl|ko|kr|ja|jp|zh|cn|pt|tr|ar"
_LANG_SET = frozenset(_LANG_CODES.split("|"))
_LANG_MENU = re.compile(rf"(?:\s*\b(?:{_LANG_CODES})\b){{2,}}\s*$")
_LEFTOVER = re.compile(
    r"""^\s*(?:
        see\s+also\b.* |
        (?:also\s+)?read\s+(?:more|also|next)\s*:?.* |
        -*\s*advertisement\s*-* |
        sponsored(?:\s+content)? |
        related\s+(?:articles|posts|stories|news) |
        leave\s+a\s+(?:reply|comment).* |
        please\s+enter\s+your\s+(?:comment|name|email).* |
        you\s+have\s+entered\s+an\s+incorrect\s+email.* |
        save\s+my\s+name,?\s+email.* |
        most\s+(?:popular|read|viewed) |
        recent\s+(?:comments|posts)\b.* |
        share\s+(?:this|on)\b.{0,40} |
        (?:subscribe|sign\s+up)\b.{0,80} |
        (?:tags|topics)\s*:.* |
        (?:home\s*)?(?:top\s+stories\s*)?(?:»|>|/).{0,60} |
        (?:photo|image|illustrative\s+photo|picture)\s*:.*
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
#: Korean, Japanese and Chinese page furniture: related-article boxes, copyright and editor lines. A box's
#: heading alone on its line ("관련기사") drops the headlines listed under it, up to the next blank line.
_CJK_BOX = re.compile(
    r"^\s*[\[【(<]?\s*(?:관련\s*기사|관련\s*뉴스|많이\s*본\s*뉴스|인기\s*기사|추천\s*기사|함께\s*보면|関連記事|関連ニュース"
    r"|あわせて読みたい|おすすめ記事|延伸[閱阅][讀读]|相[關关][閱阅][讀读]|推[薦荐][閱阅][讀读]|相[關关]新[聞闻]|熱門新聞|热门新闻)"
)
#: The same boxes in the European languages ("Читайте также:", "Zobacz także:", "Mehr zum Thema:", "Leia também:"):
#: a line opening with one is another article's headline; the heading alone drops the list under it.
_EURO_BOX = re.compile(
    r"^\s*(?:читайте\s+(?:также|тоже|також)|смотрите\s+также|дивіться\s+також|новости\s+по\s+теме|новини\s+по\s+темі"
    r"|mehr\s+zum\s+thema|lesen\s+sie\s+auch|auch\s+interessant|das\s+könnte\s+sie\s+auch\s+interessieren"
    r"|(?:à\s+)?lire\s+aussi|voir\s+aussi|sur\s+le\s+même\s+sujet|le[ae]\s+también|te\s+puede\s+interesar"
    r"|noticias\s+relacionadas|leia\s+(?:também|mais)|veja\s+também|zobacz\s+(?:także|też)|czytaj\s+(?:także|też|więcej)"
    r"|polecamy|leggi\s+anche|potrebbe\s+interessarti|articoli\s+correlati)\b\s*:?",
    re.IGNORECASE,
)
_CJK_FURNITURE = re.compile(
    r"무단\s*전재|재배포\s*금지|무단\s*복제|無断転載|無断複製|版[權权]所有|未[經经]授[權权]|[責责]任[編编][輯辑]\s*[:：]"
)
_ORIGINAL = re.compile(r"^\s*read\s+the\s+original\s+article\s+(?:on|at|in)\s+(?P<outlet>.{2,80}?)\s*\.?\s*$", re.I)
_CREDIT = re.compile(
    r"(?:\b(?:AP|AFP|EPA|Reuters|Getty|Yonhap|KCNA)\s*(?:Photo|Images)?\s*/\s*[\w .'-]{2,40}$"
    r"|\((?:[\w .'-]*(?:Getty|Reuters|AFP|AP|EPA|Shutterstock|Yonhap|KCNA)[\w .'/-]*)\)\s*$"
    r"|[.!?][A-Z][\w'-]+(?: [A-Z][\w'-]+){0,3}\s*$)"
)
_GLUED = re.compile(r"[.!?][A-Z]")
_BREADCRUMB = re.compile(r"^\s*Home(?=[A-Z])(?:Top Stories|News|World)?")


def _is_caption(line: str) -> bool:
    """A photo caption: ends with a credit, or is a short line with a glued-on credit."""
    # each credit form needs a "/", a ")" or a stop glued to a capital: most lines have none and skip the search
    if len(line) >= 300 or not ("/" in line or ")" in line or _GLUED.search(line)):
        return False
    return bool(_CREDIT.search(line))


def drop_leftovers(text: str) -> tuple[str, str | None]:
    """Text with page leftovers removed, and the original outlet if the page names one.

    Works line by line; paragraphs stay separated by blank lines. Lines whose text
    repeats an earlier line (titles, captions repeating the headline) are dropped.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    kept: list[str] = []
    seen: set[str] = set()
    titles: list[str] = []  # early short lines, which captions and headers repeat as prefixes
    original: str | None = None
    for i, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            if kept and kept[-1] != "":
                kept.append("")
            continue
        m = _ORIGINAL.match(line)
        if m:
            original = original or m.group("outlet").strip()
            continue
        if len(line) < 200 and line[-2:] in _LANG_SET:  # a menu ends the (stripped) line with a code
            line = _LANG_MENU.sub("", line).strip()
        if not line or _LEFTOVER.match(line) or _is_caption(line):
            continue
        box = _CJK_BOX.match(line) or _EURO_BOX.match(line)
        if box or (len(line) < 200 and _CJK_FURNITURE.search(line)):
            if box and len(line) - box.end() < 3:  # the heading alone: skip the listed headlines too
                skip = next((j for j in range(i + 1, len(lines)) if not lines[j].strip()), len(lines))
                lines[i + 1 : skip] = [""] * (skip - i - 1)
            continue
        if _BREADCRUMB.match(line) or line.endswith(("...", "…")):
            stem = line.rstrip(".…").strip()[-30:]
            if any(stem and stem in later for later in lines[i + 1 : i + 6]) or _BREADCRUMB.match(line):
                continue
        key = " ".join(line.lower().split())
        if key in seen or any(key.startswith(t) and len(key) < 2 * len(t) + 80 for t in titles):
            continue
        seen.add(key)
        if 20 < len(key) < 200 and len(titles) < 8:
            titles.append(key)
        kept.append(line)
    while kept and kept[-1] == "":
        kept.pop()
    return "\n".join(kept), original
