"""The actor gazetteer: states, organisations and people with aliases and affiliations.

The bundled file is ``data/actors.json``. A user file named by the environment variable
``TIMELINE_GAZETTEER`` (same layout, any section may be omitted) is merged over it: an entry
with the same canonical ``name`` replaces the bundled one, new entries are added, and the
``media``/``places``/``regions``/``not_places`` lists are extended.

Layout::

    {"states": [{"name": "Egypt", "kind": "state", "aliases": [...], "demonyms": ["Egyptian"],
                 "capitals": ["Cairo"], "mediator": true}],
     "organizations": [{"name": "Mossad", "kind": "organization", "affiliation": "Israel"}],
     "people": [{"name": "David Barnea", "kind": "person", "aliases": ["Barnea"],
                 "affiliation": "Mossad"}],
     "media": ["Reuters"], "places": [{"name": "El Alamein", "country": "Egypt"}],
     "regions": ["Middle East"], "not_places": ["Gaza"]}
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from timeline.vocab import ActorKind

__all__ = ["ActorEntry", "Gazetteer", "GAZETTEER_ENV", "load_gazetteer"]

GAZETTEER_ENV = "TIMELINE_GAZETTEER"
_BUNDLED = Path(__file__).with_name("data") / "actors.json"
_SECTIONS = ("states", "organizations", "people")
_FIRST = re.compile(r"[^\W_]+|\S")
_WORD = re.compile(r"(?<![\w-])[^\W_]+")


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One canonical actor."""

    name: str
    kind: ActorKind
    affiliation: str | None = None
    mediator: bool = False
    capitals: tuple[str, ...] = ()


@dataclass(slots=True)
class Gazetteer:
    """Actors by surface form, plus the word lists the extractor needs.

    ``surface`` maps an exact (case-sensitive) alias, name or demonym to its entry;
    ``capitals`` maps a capital city to its state (used only as a metonym: "Doha said").
    """

    entries: dict[str, ActorEntry] = field(default_factory=dict)
    surface: dict[str, ActorEntry] = field(default_factory=dict)
    demonyms: set[str] = field(default_factory=set)
    capitals: dict[str, ActorEntry] = field(default_factory=dict)
    media: set[str] = field(default_factory=set)
    places: dict[str, tuple[str, str]] = field(default_factory=dict)
    regions: set[str] = field(default_factory=set)
    not_places: set[str] = field(default_factory=set)
    _pattern: re.Pattern[str] | None = None
    _index: dict[str, list[str]] | None = None
    _capitals: re.Pattern[str] | None = None

    @classmethod
    def from_data(cls, *datas: dict[str, Any]) -> Gazetteer:
        """Build from one or more parsed files, later ones overriding earlier ones."""
        raw: dict[str, dict[str, Any]] = {}
        gaz = cls()
        for data in datas:
            for section in _SECTIONS:
                for item in data.get(section, []) or []:
                    raw[item["name"]] = {**item, "_section": section}
            gaz.media.update(data.get("media", []) or [])
            gaz.regions.update(data.get("regions", []) or [])
            gaz.not_places.update(data.get("not_places", []) or [])
            for p in data.get("places", []) or []:
                for alias in [p["name"], *p.get("aliases", [])]:
                    gaz.places[alias] = (p["name"], p.get("country") or "")
        for name, item in raw.items():
            default_kind = {"states": "state", "people": "person"}.get(
                item["_section"], "organization"
            )
            entry = ActorEntry(
                name=name,
                kind=ActorKind(item.get("kind") or default_kind),
                affiliation=item.get("affiliation"),
                mediator=bool(item.get("mediator")),
                capitals=tuple(item.get("capitals", [])),
            )
            gaz.entries[name] = entry
            for alias in [name, *item.get("aliases", [])]:
                gaz.surface.setdefault(alias, entry)
            for dem in item.get("demonyms", []):
                gaz.surface.setdefault(dem, entry)
                gaz.demonyms.add(dem)
            for cap in entry.capitals:
                gaz.capitals[cap] = entry
        return gaz

    def add(self, entry: ActorEntry, *aliases: str) -> None:
        """Register an actor at run time (e.g. a person met in a text)."""
        self.entries.setdefault(entry.name, entry)
        for alias in (entry.name, *aliases):
            self.surface.setdefault(alias, entry)
        self._pattern = None
        self._index = None

    def scan(self, text: str) -> list[tuple[int, int, str]]:
        """Every surface form (or media name) in ``text``: (start, end, form), longest first
        at each position, whole words only. Much faster than one big regex alternation."""
        if self._index is None:
            index: dict[str, list[str]] = {}
            for form in {*self.surface, *self.media}:
                m = _FIRST.match(form)
                if m:
                    index.setdefault(m.group(0), []).append(form)
            for forms in index.values():
                forms.sort(key=len, reverse=True)
            self._index = index
        out: list[tuple[int, int, str]] = []
        n = len(text)
        for w in _WORD.finditer(text):
            found = self._index.get(w.group(0))
            if not found:
                continue
            start = w.start()
            for form in found:
                end = start + len(form)
                if text.startswith(form, start) and (
                    end >= n or not (text[end].isalnum() or text[end] in "-_")
                ):
                    out.append((start, end, form))
                    break
        return out

    @property
    def capital_pattern(self) -> re.Pattern[str]:
        if self._capitals is None:
            body = "|".join(re.escape(c) for c in sorted(self.capitals, key=len, reverse=True))
            self._capitals = re.compile(rf"(?<![\w-])(?:{body})(?![\w-])")
        return self._capitals

    @property
    def pattern(self) -> re.Pattern[str]:
        """One alternation of every surface form (and media name), longest first."""
        if self._pattern is None:
            forms = sorted({*self.surface, *self.media}, key=len, reverse=True)
            body = "|".join(re.escape(f) for f in forms if f)
            self._pattern = re.compile(rf"(?<![\w-])(?:{body})(?![\w-])")
        return self._pattern

    def lookup(self, form: str) -> ActorEntry | None:
        return self.surface.get(form)

    def parent(self, entry: ActorEntry) -> ActorEntry | None:
        if entry.affiliation and entry.affiliation in self.entries:
            return self.entries[entry.affiliation]
        return None


def _read(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as fh:
        data = json.load(fh)
    if not isinstance(data, dict):
        raise ValueError(f"{path}: a gazetteer file holds one JSON object")
    return data


@lru_cache(maxsize=4)
def _load(extra: str | None) -> Gazetteer:
    datas = [_read(_BUNDLED)]
    if extra:
        datas.append(_read(Path(extra)))
    return Gazetteer.from_data(*datas)


def load_gazetteer(extra: str | Path | None = None) -> Gazetteer:
    """The bundled gazetteer merged with ``extra`` or, if None, ``$TIMELINE_GAZETTEER``.

    Cached per file name: the files are read once per process.
    """
    chosen = str(extra) if extra else os.environ.get(GAZETTEER_ENV) or None
    return _load(chosen)
