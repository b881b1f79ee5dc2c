"""Inline XBRL: the contexts of ``ix:resources`` and the value of each ``ix:nonFraction`` fact.

A fact's number is its rendered text read through its ``format`` transform, times ten to the
``scale``, negated by ``sign="-"``. Its context names the series (``dei:LegalEntityAxis``) and the
share class (``rr:ProspectusShareClassAxis``) through dimension members, whose names carry the
EDGAR IDs (``fil:C000006333Member``) in practice; a member without an ID is kept by its name.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

import regex

from ..model import XbrlFact
from ..values import ascii_digits
from .dom import Element, attr, local_name, text_of
from .style import style_of

_CLASS_ID = regex.compile(r"C\d{9}")
_SERIES_ID = regex.compile(r"S\d{9}")
_NOT_DIGIT = regex.compile(r"[^\d]")
_WORDS = {
    "no": 0, "none": 0, "nil": 0, "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9}


@dataclass(frozen=True, slots=True)
class Context:
    series_id: str | None
    class_id: str | None


def _member_id(member: str, pattern: regex.Pattern[str]) -> str:
    m = pattern.search(member)
    return m.group() if m else member.strip()


def read_contexts(root: Element) -> dict[str, Context]:
    """Context id -> series and class, for every ``xbrli:context`` of the document."""
    contexts: dict[str, Context] = {}
    namespaced = isinstance(root.tag, str) and root.tag.startswith("{")
    for el in root.iter("{*}context") if namespaced else root.iter():
        if local_name(el) != "context":
            continue
        cid = attr(el, "id")
        if not cid:
            continue
        series = klass = None
        for member in el.iter():
            if local_name(member) != "explicitmember":
                continue
            axis = (attr(member, "dimension") or "").rsplit(":", 1)[-1].lower()
            name = text_of(member).strip()
            if axis == "legalentityaxis":
                series = _member_id(name, _SERIES_ID)
            elif axis == "prospectusshareclassaxis":
                klass = _member_id(name, _CLASS_ID)
        contexts[cid] = Context(series, klass)
    return contexts


def _words_value(text: str) -> Decimal | None:
    """``none`` -> 0, ``twenty-five`` -> 25: the ``ixt-sec:numwordsen`` transform."""
    total = current = 0
    words = [w for w in regex.split(r"[\s,-]+", text.lower().replace(" and ", " ")) if w]
    if not words:
        return None
    for word in words:
        if word in _WORDS:
            current += _WORDS[word]
        elif word in _SCALES:
            current = max(current, 1) * _SCALES[word]
            if _SCALES[word] >= 1000:
                total, current = total + current, 0
        else:
            return None
    return Decimal(total + current)


def transform(text: str, fmt: str) -> Decimal | None:
    """The number that ``text`` states under the inline XBRL ``format`` (prefix ignored)."""
    name = fmt.rsplit(":", 1)[-1].lower().replace("-", "")
    raw = " ".join(text.split())
    if name in ("fixedzero", "zerodash", "fixedempty") or (name.startswith("numword") and not raw):
        return Decimal(0) if name != "fixedempty" else None
    if name.startswith("numword"):
        return _words_value(raw)
    if name in ("numcommadecimal", "numspacecomma", "numdotcomma", "numcomma"):
        whole, _, frac = raw.rpartition(",") if "," in raw else (raw, "", "")
        digits = _NOT_DIGIT.sub("", whole) + ("." + _NOT_DIGIT.sub("", frac) if frac else "")
    else:
        whole, dot, frac = raw.rpartition(".")
        if not dot:
            whole, frac = raw, ""
        digits = _NOT_DIGIT.sub("", whole) + ("." + _NOT_DIGIT.sub("", frac) if frac else "")
    if not digits.strip("."):
        return Decimal(0) if raw in ("-", "\u2014", "\u2013") else None
    try:
        return Decimal(digits)
    except InvalidOperation:
        return None


def read_fact(el: Element, contexts: dict[str, Context]) -> XbrlFact | None:
    """The :class:`XbrlFact` of one ``ix:nonFraction`` element, or None for a nil or unreadable one."""
    concept = attr(el, "name")
    if not concept:
        return None
    nil = attr(el, "{http://www.w3.org/2001/XMLSchema-instance}nil") or attr(el, "xsi:nil")
    if nil in ("true", "1"):
        return None
    value = transform(text_of(el), attr(el, "format") or "")
    if value is None:
        return None
    scale = (attr(el, "scale") or "0").strip()
    if ascii_digits(scale.lstrip("-")) and int(scale):
        value = value.scaleb(int(scale))
    if (attr(el, "sign") or "").strip() == "-":
        value = -value
    context = attr(el, "contextRef") or ""
    where = contexts.get(context, Context(None, None))
    return XbrlFact(concept=concept, value=value, class_id=where.class_id, series_id=where.series_id,
                    context=context)


def agrees(fact: XbrlFact, shown: Decimal | None) -> bool:
    """Whether ``fact`` states the number shown, ignoring sign and percent-as-fraction tagging."""
    if shown is None:
        return fact.value == 0
    return abs(fact.value) in (abs(shown), abs(shown) / 100)


class FactReader:
    """Reads each ``ix:nonFraction`` element once; the document's contexts when the first is met.

    An element styled ``-sec-ix-hidden: ID`` shows the ``ix:nonFraction`` of that ``id`` kept in
    ``ix:hidden``: it reads as that fact. The ids are collected when the first such element is met.
    """

    def __init__(self, root: Element) -> None:
        self.root = root
        self.contexts: dict[str, Context] | None = None
        self.seen: dict[Element, XbrlFact | None] = {}
        self.by_id: dict[str, Element] | None = None

    def __call__(self, el: Element) -> XbrlFact | None:
        if el not in self.seen:
            if self.contexts is None:
                self.contexts = read_contexts(self.root)
            target = el if local_name(el) == "nonfraction" else self._shown(el)
            self.seen[el] = read_fact(target, self.contexts) if target is not None else None
        return self.seen[el]

    def _shown(self, el: Element) -> Element | None:
        """The hidden ``ix:nonFraction`` that ``el`` shows through ``-sec-ix-hidden``."""
        ref = style_of(el.get("style")).hidden_fact
        if ref is None:
            return None
        if self.by_id is None:
            self.by_id = {}
            for fact in self.root.iter():
                if local_name(fact) == "nonfraction" and (ident := attr(fact, "id")):
                    self.by_id.setdefault(ident, fact)
        return self.by_id.get(ref)

    def pick(self, elements: Sequence[Element], shown: Decimal | None) -> XbrlFact | None:
        """The fact a cell renders: the one agreeing with the number shown when there are several.

        Facts nested in one another (a generator tags one shown number twice by nesting a fact in
        the other's markup) all state that number: one of them that disagrees is the cell's fact,
        so that its error is reported rather than hidden behind the fact that agrees. Of facts
        that all agree, or that render different texts, the first agreeing one."""
        read = [(el, fact) for el in elements if (fact := self(el)) is not None]
        if len(read) < 2:
            return read[0][1] if read else None
        right = [fact for _, fact in read if agrees(fact, shown)]
        if not right or len(right) == len(read):
            return read[0][1]
        wrong = [(el, fact) for el, fact in read if not agrees(fact, shown)]
        nested = [fact for el, fact in wrong if any(_nest(el, other) for other, _ in read if other is not el)]
        return nested[0] if nested else right[0]


def _nest(one: Element, other: Element) -> bool:
    """Whether one of the two elements is inside the other."""
    return any(a is other for a in one.iterancestors()) or any(a is one for a in other.iterancestors())
