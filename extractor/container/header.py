"""The SEC header of a submission: ``KEY: value`` lines (``<SEC-HEADER>``/``<IMS-HEADER>``) or
SGML tags (the daily-feed ``<SUBMISSION>`` header), and the series/class data both carry.

Both spellings are read by one loop over the header's lines: each line becomes a (key, value)
pair with the section it sits in (filer, subject company...), so the same field rules apply to
either format. Nothing here can fail: a missing or garbled field is ``None``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final

from ..model import Header, ShareClass

# "ACCESSION NUMBER:\t\t0000950123-09-000001" (indentation stripped first); bounded key length.
_KEY_VALUE: Final = re.compile(r"([A-Z][A-Z0-9 ()/&.,'-]{0,60}):")
# "<FILING-DATE>20090102", "</FILER>"
_TAG: Final = re.compile(r"<(/?)([A-Z][A-Z0-9-]{0,60})>")
_ACCESSION: Final = re.compile(r"\d{10}-\d{2}-\d{6}")

# Where the filer's own name and CIK sit, best first ("for several filers take the filer").
_SECTIONS: Final = ("FILER", "FILED BY", "ISSUER", "SUBJECT COMPANY", "REPORTING OWNER")
_FIELDS: Final = {
    "ACCESSION NUMBER": "accession",
    "CONFORMED SUBMISSION TYPE": "form_type",
    "TYPE": "form_type",
    "FILED AS OF DATE": "filed",
    "FILING DATE": "filed",
    "COMPANY CONFORMED NAME": "name",
    "CONFORMED NAME": "name",
    "CENTRAL INDEX KEY": "cik",
    "CIK": "cik",
    "FORM TYPE": "form_fallback",
}
_SERIES_DATA: Final = "SERIES-AND-CLASSES-CONTRACTS-DATA"


@dataclass
class _Entity:
    section: str
    name: str | None = None
    cik: str | None = None


@dataclass
class _Fields:
    accession: str | None = None
    form_type: str | None = None
    form_fallback: str | None = None
    filed: str | None = None


def _field(key: str) -> str | None:
    return _FIELDS.get(key.replace("-", " ").strip())


def _section(key: str) -> str | None:
    name = key.replace("-", " ").strip()
    return name if name in _SECTIONS else None


def accession_number(text: str) -> str | None:
    """``0000908737-06-000800`` from any spelling with 18 digits; the text itself otherwise."""
    digits = "".join(ch for ch in text if ch.isdigit())
    if len(digits) == 18:
        return f"{digits[:10]}-{digits[10:12]}-{digits[12:]}"
    return text.strip() or None


def iso_date(text: str) -> str | None:
    """``YYYY-MM-DD`` from ``YYYYMMDD`` (or an ISO date); ``None`` when it is not a real date."""
    digits = "".join(ch for ch in text.strip()[:10] if ch.isdigit())
    if len(digits) != 8:
        return None
    try:
        return dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:])).isoformat()
    except ValueError:
        return None


def cik10(text: str) -> str | None:
    """The CIK as 10 digits, zero-padded; ``None`` when it is not a number."""
    value = text.strip()
    return value.zfill(10) if value.isdigit() and len(value) <= 10 else None


def _pairs(lines: Iterable[str]) -> Iterable[tuple[str, str, str, bool]]:
    """(kind, key, value, top_level) for each header line: kind is ``open``, ``close`` or ``value``."""
    for line in lines:
        head = line[:200].lstrip(" \t")
        indent = len(line[:200]) - len(head)
        tag = _TAG.match(head)
        if tag is not None:
            value = line[indent + tag.end() :].strip()
            kind = "close" if tag[1] else ("value" if value else "open")
            yield kind, tag[2], value, False
            continue
        kv = _KEY_VALUE.match(head)
        if kv is not None:
            value = line[indent + kv.end() :].strip()
            yield ("value" if value else "open"), kv[1], value, indent == 0


class _SeriesReader:
    """Collects :class:`ShareClass` entries from ``<SERIES>``/``<CLASS-CONTRACT>`` tags."""

    def __init__(self) -> None:
        self.found: list[ShareClass] = []
        self.series_id: str | None = None
        self.series_name: str | None = None
        self.cls: dict[str, str] | None = None
        self.series_has_class = False

    def feed(self, kind: str, key: str, value: str) -> None:
        if key == "SERIES" and kind in ("open", "close"):
            self._flush_series()
        elif key == "CLASS-CONTRACT":
            self._flush_class()
            if kind == "open":
                self.cls = {}
        elif kind == "value" and key in ("SERIES-ID", "SERIES-NAME"):
            if key == "SERIES-ID" and self.series_id not in (None, value):
                self._flush_series()
            setattr(self, "series_id" if key == "SERIES-ID" else "series_name", value)
        elif kind == "value" and key.startswith("CLASS-CONTRACT-"):
            if self.cls is None:
                self.cls = {}
            self.cls.setdefault(key, value)

    def _flush_class(self) -> None:
        if self.cls is not None:
            self.found.append(ShareClass(
                self.series_id, self.series_name, self.cls.get("CLASS-CONTRACT-ID"),
                self.cls.get("CLASS-CONTRACT-NAME"), self.cls.get("CLASS-CONTRACT-TICKER-SYMBOL"),
            ))
            self.series_has_class = True
        self.cls = None

    def _flush_series(self) -> None:
        self._flush_class()
        if self.series_id is not None and not self.series_has_class:
            self.found.append(ShareClass(self.series_id, self.series_name, None, None))
        self.series_id = self.series_name = None
        self.series_has_class = False

    def result(self) -> tuple[ShareClass, ...]:
        self._flush_series()
        return tuple(dict.fromkeys(self.found))


def parse_header(lines: Sequence[str]) -> Header:
    """A :class:`Header` from the lines of a submission header (either format)."""
    fields = _Fields()
    entities: list[_Entity] = []
    current: _Entity | None = None
    series = _SeriesReader()
    in_series = False
    for kind, key, value, top in _pairs(lines):
        if key == _SERIES_DATA:
            in_series = kind == "open"
            continue
        if in_series:
            series.feed(kind, key, value)
            continue
        section = _section(key)
        if section is not None and kind == "open":
            current = _Entity(section)
            entities.append(current)
            continue
        if (section is not None and kind == "close") or (top and kind == "value" and current is not None):
            current = None
        if kind != "value":
            continue
        name = _field(key)
        if name in ("name", "cik"):
            target = current
            if target is None:
                target = _Entity("")
                entities.append(target)
            if getattr(target, name) is None:
                setattr(target, name, value)
        elif name is not None and current is None and getattr(fields, name) is None:
            setattr(fields, name, value)
        elif name == "form_fallback" and fields.form_fallback is None:
            fields.form_fallback = value
    return _header(fields, entities, series.result(), lines)


def _pick(entities: list[_Entity]) -> _Entity | None:
    for section in (*_SECTIONS, ""):
        for entity in entities:
            if entity.section == section and (entity.name or entity.cik):
                return entity
    return None


def _header(fields: _Fields, entities: list[_Entity], series: tuple[ShareClass, ...],
            lines: Sequence[str]) -> Header:
    accession = accession_number(fields.accession) if fields.accession else None
    if accession is None:
        for line in lines[:3]:
            found = _ACCESSION.search(line[:200])
            if found:
                accession = found.group()
                break
    filer = _pick(entities)
    form = fields.form_type or fields.form_fallback
    return Header(
        accession_number=accession,
        form_type=form.strip() if form else None,
        company=" ".join(filer.name.split()) if filer and filer.name else None,
        cik=cik10(filer.cik) if filer and filer.cik else None,
        filed=iso_date(fields.filed) if fields.filed else None,
        series=series,
    )
