"""Word's automatic numbering: the number a list paragraph shows ("II.", "2.1.", "a)").

In a .docx that numbers items with the list feature the number is not in the text: the
paragraph names a list (``w:numPr``: ``w:numId`` and the level ``w:ilvl``, on the
paragraph or through its style), ``numbering.xml`` maps the list to an abstract
definition whose levels give the format (``w:numFmt``: decimal, upperRoman, lowerLetter,
bullet...), the first number (``w:start``) and the text (``w:lvlText`` such as
"%1.%2."). Lists restart where Word restarts them: a higher level resets the levels
below it (unless ``w:lvlRestart`` says otherwise), and a list instance that overrides a
level's start (``w:lvlOverride``/``w:startOverride``, what "Restart at 1" writes) starts
again there; instances of one abstract definition otherwise continue one count.

Pure Python over lxml elements (python-docx's oxml); nothing here imports Django.
"""

from __future__ import annotations

from dataclasses import dataclass, field

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MAX_LEVELS = 9


def _val(element, tag: str) -> str | None:
    child = element.find(f"{W}{tag}") if element is not None else None
    return child.get(f"{W}val") if child is not None else None


def _int(text: str | None, default: int | None = None) -> int | None:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


@dataclass
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None  # w:lvlRestart: 0 = never
    legal: bool = False  # w:isLgl: every number in decimal
    style: str | None = None  # w:pStyle: the paragraph style that uses this level


def _level(element) -> Level:
    return Level(
        start=_int(_val(element, "start"), 1) or 0,
        fmt=_val(element, "numFmt") or "decimal",
        text=_val(element, "lvlText") if element.find(f"{W}lvlText") is not None else "",
        restart=_int(_val(element, "lvlRestart")),
        legal=element.find(f"{W}isLgl") is not None,
        style=_val(element, "pStyle"),
    )


@dataclass
class _Instance:
    abstract: str
    starts: dict[int, int] = field(default_factory=dict)  # startOverride per level
    levels: dict[int, Level] = field(default_factory=dict)  # a whole level overridden
    used: bool = False


_ROMAN = [
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
]


def roman(n: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while n >= value:
            out, n = out + letters, n - value
    return out


def letters(n: int) -> str:
    """1 -> a, 26 -> z, 27 -> aa (Word repeats the letter)."""
    if n <= 0:
        return ""
    return "abcdefghijklmnopqrstuvwxyz"[(n - 1) % 26] * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    if n <= 0 or n > 3999:  # what letters and Roman numerals cannot write sensibly
        return str(n)
    if fmt == "upperRoman":
        return roman(n)
    if fmt == "lowerRoman":
        return roman(n).lower()
    if fmt == "upperLetter":
        return letters(n).upper()
    if fmt == "lowerLetter":
        return letters(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "none":
        return ""
    return str(n)


class WordNumbering:
    """Numbers of list paragraphs, in document order: call :meth:`label` once per
    paragraph, top to bottom (the count advances)."""

    def __init__(self, numbering_element, styles_element=None):
        self.abstracts: dict[str, dict[int, Level]] = {}
        self.instances: dict[str, _Instance] = {}
        self.style_numbering: dict[str, tuple[str | None, int | None]] = {}
        self.style_parent: dict[str, str] = {}
        self.counters: dict[str, dict[int, int]] = {}
        if numbering_element is not None:
            self._read_numbering(numbering_element)
        if styles_element is not None:
            self._read_styles(styles_element)

    # numbering.xml and styles.xml -----------------------------------------------------

    def _read_numbering(self, root) -> None:
        for abstract in root.iter(f"{W}abstractNum"):
            levels = {}
            for lvl in abstract.iter(f"{W}lvl"):
                ilvl = _int(lvl.get(f"{W}ilvl"), 0)
                if ilvl is not None and 0 <= ilvl < MAX_LEVELS:
                    levels[ilvl] = _level(lvl)
            self.abstracts[abstract.get(f"{W}abstractNumId")] = levels
        for num in root.iter(f"{W}num"):
            instance = _Instance(abstract=_val(num, "abstractNumId") or "")
            for override in num.iter(f"{W}lvlOverride"):
                ilvl = _int(override.get(f"{W}ilvl"), 0) or 0
                start = _int(_val(override, "startOverride"))
                if start is not None:
                    instance.starts[ilvl] = start
                lvl = override.find(f"{W}lvl")
                if lvl is not None:
                    instance.levels[ilvl] = _level(lvl)
            self.instances[num.get(f"{W}numId")] = instance

    def _read_styles(self, root) -> None:
        for style in root.iter(f"{W}style"):
            style_id = style.get(f"{W}styleId")
            based_on = _val(style, "basedOn")
            if based_on:
                self.style_parent[style_id] = based_on
            ppr = style.find(f"{W}pPr")
            numpr = ppr.find(f"{W}numPr") if ppr is not None else None
            if numpr is not None:
                self.style_numbering[style_id] = (
                    _val(numpr, "numId"),
                    _int(_val(numpr, "ilvl")),
                )

    # One paragraph ------------------------------------------------------------------

    def _numpr(self, p) -> tuple[str | None, int]:
        ppr = p.find(f"{W}pPr")
        numpr = ppr.find(f"{W}numPr") if ppr is not None else None
        num_id = _val(numpr, "numId") if numpr is not None else None
        ilvl = _int(_val(numpr, "ilvl")) if numpr is not None else None
        style = _val(ppr, "pStyle") if ppr is not None else None
        seen = set()
        while (num_id is None or ilvl is None) and style and style not in seen:
            seen.add(style)
            style_num, style_lvl = self.style_numbering.get(style, (None, None))
            if num_id is None and style_num is not None:
                num_id = style_num
                if ilvl is None:
                    ilvl = style_lvl if style_lvl is not None else self._style_level(num_id, style)
            style = self.style_parent.get(style)
        return num_id, ilvl or 0

    def _style_level(self, num_id: str, style: str) -> int | None:
        instance = self.instances.get(num_id)
        levels = self.abstracts.get(instance.abstract, {}) if instance else {}
        return next((i for i, lvl in levels.items() if lvl.style == style), None)

    def _levels(self, instance: _Instance) -> dict[int, Level]:
        return {**self.abstracts.get(instance.abstract, {}), **instance.levels}

    def label(self, p) -> str | None:
        """The number Word shows before the paragraph ``p`` (a ``w:p`` element): "2.1.",
        "II.", "a)"; "-" for a bullet; None when the paragraph is not in a list."""
        num_id, ilvl = self._numpr(p)
        if num_id in (None, "0"):
            return None
        instance = self.instances.get(num_id)
        if instance is None:
            return None
        levels = self._levels(instance)
        level = levels.get(ilvl)
        if level is None:
            return None
        counters = self.counters.setdefault(instance.abstract, {})
        if not instance.used:  # "Restart at 1": this instance starts its levels again
            instance.used = True
            for restart_level, start in instance.starts.items():
                counters[restart_level] = start - 1
                for deeper in [k for k in counters if k > restart_level]:
                    del counters[deeper]
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else level.start
        for deeper in [k for k in counters if k > ilvl]:
            restart = levels.get(deeper, Level()).restart
            if restart != 0 and (restart is None or restart - 1 <= ilvl):
                del counters[deeper]
        if level.fmt == "bullet":  # "+" stays "+" (milestones are written so), others "-"
            return "+" if level.text.strip() == "+" else "-"
        return self._render(level, levels, counters, ilvl)

    @staticmethod
    def _render(level: Level, levels: dict[int, Level], counters: dict[int, int], ilvl: int):
        text = level.text
        for k in range(MAX_LEVELS, 0, -1):  # %10 does not exist; %1 after %1x
            token = f"%{k}"
            if token not in text:
                continue
            other = levels.get(k - 1, Level())
            value = counters.get(k - 1, other.start)
            fmt = "decimal" if level.legal and k - 1 != ilvl else other.fmt
            text = text.replace(token, format_number(value, fmt))
        return text.strip() or None
