"""The rendered text just before and just after an element, read outward from it.

The checks want a few hundred characters of prose around each table (waiver terms, conversion
periods). Flattening a whole 2 MB document to cut out such windows would cost more than reading
every table; walking outward from the table, backward through the preceding text and forward
through the following text, touches only the nodes that end up in the window.
"""

from __future__ import annotations

from collections.abc import Iterator

from .cells import BLOCKS
from .dom import Element, local_name
from .style import style_of

_SKIP = frozenset(("script", "style", "head", "title"))
_SPACED = BLOCKS | {"td", "th", "sup"}


def _shown(el: Element) -> bool:
    name = local_name(el)
    return bool(name) and name not in _SKIP and not style_of(el.get("style")).hidden


def _backward(el: Element) -> Iterator[str]:
    """The text inside ``el`` (not its tail), last piece first."""
    stack: list[Element | str] = [el]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            yield item
            continue
        if not _shown(item):
            continue
        spaced = local_name(item) in _SPACED
        stack.append(" " if spaced else "")
        stack.append(item.text or "")
        for child in item:
            stack.append(child)
            stack.append(child.tail or "")
        if spaced:
            stack.append(" ")


def _forward(el: Element) -> Iterator[str]:
    """The text inside ``el`` (not its tail), first piece first."""
    stack: list[Element | str] = [el]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            yield item
            continue
        if not _shown(item):
            continue
        spaced = local_name(item) in _SPACED
        if spaced:
            stack.append(" ")
        for child in reversed(item):
            stack.append(child.tail or "")
            stack.append(child)
        stack.append(item.text or "")
        if spaced:
            stack.append(" ")


def _take(pieces: Iterator[str], limit: int) -> list[str]:
    out: list[str] = []
    size = 0
    for piece in pieces:
        if piece:
            out.append(piece)
            size += len(piece)
            if size >= limit:
                break
    return out


def _before(el: Element) -> Iterator[str]:
    here: Element | None = el
    while here is not None:
        for sib in here.itersiblings(preceding=True):
            yield sib.tail or ""
            yield from _backward(sib)
        parent = here.getparent()
        if parent is not None and _shown(parent):
            yield parent.text or ""
        here = parent


def _after(el: Element) -> Iterator[str]:
    here: Element | None = el
    while here is not None:
        yield here.tail or ""
        for sib in here.itersiblings():
            yield from _forward(sib)
            yield sib.tail or ""
        here = here.getparent()


def text_around(el: Element, limit: int) -> str:
    """About ``limit`` characters of the rendered text on each side of ``el``, cut at words."""
    before = " ".join("".join(reversed(_take(_before(el), 3 * limit))).split())
    after = " ".join("".join(_take(_after(el), 3 * limit)).split())
    if len(before) > limit:
        before = before[-limit:].split(" ", 1)[-1]
    if len(after) > limit:
        after = after[:limit].rsplit(" ", 1)[0]
    return f"{before} {after}".strip()


def hidden(el: Element) -> bool:
    """Whether ``el`` sits inside an element that is not rendered (``display: none``, ``<head>``)."""
    return any(not _shown(a) for a in el.iterancestors())
