"""Service search that understands Finnish: base forms, compounds, missing ä/ö and small typos.
Swedish and English queries find a service by its official sv/en words and by its category.

"työhönvalmennusta Kuopiossa" finds job coaching and applies Kuopio as a filter:
the municipality's own and its employment area's services come before
national ones, and other areas' services are left out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from catalogue.repository import CatalogueSnapshot, ServiceRecord
from understanding.finnish import fold, term_sets, terms, words
from understanding.municipalities import Municipality

# A category's words in Finnish, Swedish and English: a query in any of them finds the category's
# services, also the local ones whose texts are only in Finnish ("arbetsprövning Kuopio")
CATEGORY_WORDS = {
    "employer_support": "työnantaja tuki palkkaaminen rekrytointi arbetsgivare stöd rekrytering employer hiring",
    "municipal_support": "kuntalisä työnantaja tuki kunta kommuntillägg municipal supplement",
    "work_trial": "työkokeilu kokeilu arbetsprövning prövning trial",
    "supported_work": "palkkatuki palkkatukityö palkkatukipaikka tukityö tuettu työ lönesubvention subsidy",
    "coaching": "valmennus työhönvalmennus ohjaus arbetsträning coaching coach",
    "guidance": "ohjaus neuvonta vägledning rådgivning guidance advice",
    "training": "koulutus kurssi utbildning kurs training course",
    "education": "opiskelu koulutus studier studera utbildning studies study education",
    "integration": "kotoutuminen suomen kieli maahanmuuttaja integration invandrare finska immigrant finnish",
    "youth": "nuori nuoret unga ungdom young youth",
    "rehabilitation": "kuntoutus rehabilitering rehabilitation",
    "social": "sosiaalinen kuntoutus social rehabilitering rehabilitation",
    "work_ability": "työkyky terveys arbetsförmåga hälsa ability health",
    "business": "yrittäjä yritys företagare företag entrepreneur business",
    "benefit": "työttömyysturva raha etuus dagpenning utkomstskydd allowance benefit",
    "registration": "ilmoittautuminen työnhakija anmäla arbetssökande register jobseeker",
}
TARGET_GROUP_WORDS_FI = {
    "youth": "nuori nuoret",
    "over_55": "ikääntynyt",
    "long_term_unemployed": "pitkäaikaistyötön",
    "partial_work_ability": "osatyökykyinen",
    "immigrant": "maahanmuuttaja",
    "entrepreneur": "yrittäjä",
    "disabled": "vammainen",
}
EMPLOYER_TYPE_WORDS_FI = {
    "association": "yhdistys järjestö",
    "foundation": "säätiö",
    "company": "yritys",
    "municipality": "kunta",
}
FIELD_WORDS_FI = {
    "cleaning": "siivous",
    "property_care": "kiinteistönhoito",
    "recycling": "kierrätys",
    "kitchen": "keittiö ravintola",
    "media": "media",
    "woodwork": "puutyö",
    "logistics": "logistiikka varasto",
    "retail": "kauppa myynti",
    "care": "hoiva",
    "construction": "rakennus",
    "office": "toimisto",
    "it": "it",
    "metal": "metalli",
    "textile": "tekstiili",
    "gardening": "puutarha",
    "transport": "kuljetus",
    "customer_service": "asiakaspalvelu",
}
# The asker's side (jobseeker or employer) weighs this much more in the ranking, and a service only
# for the other side this much less
PREFERRED_AUDIENCE_WEIGHT = 2.0
OTHER_AUDIENCE_WEIGHT = 0.8
# The other side's match is shown among the first three when it scores at least this share of the best
OTHER_SIDE_MIN_SHARE = 0.5
STOP_WORDS = {
    fold(w)
    for w in [
        "ja",
        "tai",
        "on",
        "ovat",
        "olla",
        "mikä",
        "mitä",
        "mitkä",
        "missä",
        "miten",
        "kuka",
        "ketkä",
        "voi",
        "voiko",
        "olen",
        "oon",
        "mä",
        "minä",
        "mun",
        "minun",
        "sinä",
        "sä",
        "palvelu",
        "palvelut",
        "palveluja",
        "palvelua",
        "näytä",
        "näyttää",
        "etsi",
        "etsiä",
        "hae",
        "haluan",
        "haluisin",
        "haluaisin",
        "löytyykö",
        "onko",
        "kerro",
        "tietoa",
        "lähellä",
        "alueella",
        "jotain",
        "kaikki",
        "the",
        # everyday and spoken function words ("paljonko sitä päivärahaa oikein saa", "onks", "mist")
        "se",
        "sitä",
        "sen",
        "saa",
        "saada",
        "saanko",
        "saako",
        "paljonko",
        "oikein",
        "ku",
        "kun",
        "mist",
        "mistä",
        "onks",
        "onkos",
        "mulle",
        "mää",
        "sää",
        "mie",
        "sie",
        "nyt",
        "vaan",
        "vai",
        "jos",
        # Swedish and English function words
        "och",
        "att",
        "det",
        "som",
        "för",
        "på",
        "av",
        "med",
        "jag",
        "är",
        "finns",
        "vilka",
        "vad",
        "hur",
        "var",
        "kan",
        "får",
        "man",
        "tjänst",
        "tjänster",
        "visa",
        "sök",
        "in",
        "for",
        "of",
        "to",
        "an",
        "is",
        "are",
        "what",
        "where",
        "how",
        "can",
        "get",
        "my",
        "me",
        "find",
        "show",
        "services",
        "service",
        "near",
        "any",
        "job",
        "jobs",
        "work",
        "jobb",
        "arbete",
    ]
}


@dataclass
class SearchResult:
    total: int
    items: list[ServiceRecord]
    municipality: Municipality | None


@dataclass
class _IndexedService:
    service: ServiceRecord
    title_terms: set[str]
    title_parts: set[str]
    keyword_terms: set[str]
    body_terms: set[str]


class ServiceSearch:
    """An in-memory index over one catalogue snapshot."""

    def __init__(self, catalogue: CatalogueSnapshot):
        self.catalogue = catalogue
        self.entries = [self._index(service) for service in catalogue.services.values()]
        # Inverted index: term -> {entry number: weight of the best field the term is in}.
        self.postings: dict[str, dict[int, float]] = {}
        vocabulary: set[str] = set()
        for number, entry in enumerate(self.entries):
            vocabulary |= entry.title_terms | entry.keyword_terms
            for weight, field_terms in (
                (1.0, entry.body_terms),
                (1.5, entry.title_parts),
                (2.0, entry.keyword_terms),
                (3.0, entry.title_terms),
            ):
                for term in field_terms:
                    posting = self.postings.setdefault(term, {})
                    if weight > posting.get(number, 0.0):
                        posting[number] = weight
        self.vocabulary = sorted(t for t in vocabulary if len(t) >= 4)
        self.vocabulary_set = frozenset(self.vocabulary)

    @staticmethod
    def _index(service: ServiceRecord) -> _IndexedService:
        keyword_text = " ".join(
            [*map(str, service.keywords), service.id.replace("-", " "), CATEGORY_WORDS.get(service.category, "")]
            + [FIELD_WORDS_FI.get(f, f) for f in service.fields]
            + [TARGET_GROUP_WORDS_FI.get(g, "") for g in service.target_groups]
            + [EMPLOYER_TYPE_WORDS_FI.get(t, "") for t in service.employer_types]
        )
        title_terms, title_parts = set(), set()
        for title, _ in service.all_texts:
            whole, parts = term_sets(title)
            title_terms |= whole
            title_parts |= parts
        summaries = " ".join(summary for _, summary in service.all_texts)
        return _IndexedService(
            service=service,
            title_terms=title_terms,
            title_parts=title_parts,
            keyword_terms=terms(keyword_text),
            body_terms=terms(f"{summaries} {service.provider or ''}"),
        )

    def _query_terms(self, query: str, municipality: Municipality | None) -> list[tuple[set[str], set[str]]]:
        """Per query word: (whole-word terms, compound parts), folded and typo-corrected."""
        place_words = set()
        if municipality is not None:
            place_words = {fold(w) for w in words(f"{municipality.name_fi} {municipality.name_sv or ''}")}
        groups: list[tuple[set[str], set[str]]] = []
        for word in words(query):
            folded = fold(word)
            if folded in STOP_WORDS or len(folded) < 2:
                continue
            primary, parts = term_sets(word)
            if place_words and (primary & place_words or _is_place_form(folded, place_words)):
                continue
            if not primary & self.vocabulary_set and len(folded) >= 5:
                for match, score, _ in process.extract(folded, self.vocabulary, scorer=fuzz.ratio, limit=2):
                    if score >= 80:
                        primary.add(match)
            groups.append((primary, parts))
        return groups

    def _scores(self, groups: list[tuple[set[str], set[str]]]) -> dict[int, float]:
        """Entry number -> score. Per query word the best hit counts: a title hit weighs 3,
        a keyword 2, a part of a compound title word 1.5, the summary 1; a query word's own
        compound parts count half."""
        totals: dict[int, float] = {}
        for primary, parts in groups:
            best: dict[int, float] = {}
            for factor, alternatives in ((1.0, primary), (0.5, parts)):
                for term in alternatives:
                    for number, weight in self.postings.get(term, {}).items():
                        if weight * factor > best.get(number, 0.0):
                            best[number] = weight * factor
            for number, value in best.items():
                totals[number] = totals.get(number, 0.0) + value
        return totals

    def search(
        self,
        query: str = "",
        *,
        municipality: str | None = None,
        default_municipality: str | None = None,
        audience: str | None = None,
        prefer_audience: str | None = None,
        category: str | None = None,
        limit: int = 20,
        offset: int = 0,
    ) -> SearchResult:
        """Services matching the query, best first. `audience` keeps only that side's services;
        `prefer_audience` (the asker's side, e.g. from the conversation) ranks that side's matches
        higher but keeps the rest. With neither, when the first three serve only one side, the other
        side's best reasonable match takes third place: "työkokeilupaikka" is the jobseeker's work
        trial as well as the employer's offer of a place."""
        query = (query or "")[:200]
        place = self.catalogue.resolve_municipality(municipality) if municipality else None
        if place is None and query:
            place = _place_in_query(query)
        if place is None and default_municipality:
            # e.g. the municipality of the site the chat is embedded on: only when no place is named
            place = self.catalogue.resolve_municipality(default_municipality)
        groups = self._query_terms(query, place)
        local_ids: set[str] = set()
        if place is not None:
            local_ids = {s.id for s in self.catalogue.local_services(place.code)}
        scored: list[tuple[float, bool, str, ServiceRecord]] = []
        candidates: Iterable[tuple[int, float]]
        if groups:
            candidates = self._scores(groups).items()
        else:
            candidates = ((number, 0.0) for number in range(len(self.entries)))
        for number, score in candidates:
            service = self.entries[number].service
            if audience and audience not in service.audience:
                continue
            if category and service.category != category:
                continue
            if service.scope != "national" and place is not None and service.id not in local_ids:
                continue
            preferred = service.id in local_ids if place is not None else service.scope == "national"
            if prefer_audience:
                score *= PREFERRED_AUDIENCE_WEIGHT if prefer_audience in service.audience else OTHER_AUDIENCE_WEIGHT
            scored.append((score, preferred, service.title, service))
        top = max((item[0] for item in scored), default=0.0)
        # With a place, its own services that match reasonably well come before national ones;
        # without one, the national services everyone can use come before one region's.
        scored.sort(key=lambda item: (not (item[1] and item[0] >= 0.4 * top), -item[0], item[2]))
        items = [item[3] for item in scored]
        if groups and audience is None and prefer_audience is None:
            items = _show_both_sides(items, {item[3].id: item[0] for item in scored}, top)
        return SearchResult(total=len(items), items=items[offset : offset + limit], municipality=place)


def _show_both_sides(items: list[ServiceRecord], scores: dict[str, float], top: float) -> list[ServiceRecord]:
    """When the first three serve one side only, the other side's best match (if it matches at
    least half as well as the best) takes third place."""
    first_sides = {side for service in items[:3] for side in service.audience}
    for index, service in enumerate(items[3:], start=3):
        if set(service.audience) - first_sides and scores[service.id] >= OTHER_SIDE_MIN_SHARE * top:
            return [*items[:2], service, *items[2:index], *items[index + 1 :]]
    return items


def _place_in_query(query: str) -> Municipality | None:
    """A municipality named in a search line. Coaches type "tyokokeilu lahti" in lower case,
    so besides the resolver's sentence reading, a word that is exactly a municipality's
    name counts too ("lahti" is also "bay", but in a service search it means the city)."""
    from understanding.municipalities import get_resolver

    resolver = get_resolver()
    found = resolver.find_in_text(query)
    if found is not None:
        return found
    for word in words(query):
        if len(word) >= 4:
            found = resolver.by_name(word)
            if found is not None:
                return found
    return None


def _is_place_form(word: str, place_words: set[str]) -> bool:
    return any(len(p) >= 4 and word.startswith(p[: max(4, len(p) - 2)]) for p in place_words)


_search_cache: dict[str, ServiceSearch] = {}


def get_search(catalogue: CatalogueSnapshot) -> ServiceSearch:
    """The index of a snapshot, one for each of its languages (an old catalogue's are dropped)."""
    key = f"{id(catalogue)}:{catalogue.version}"
    if key not in _search_cache:
        if len(_search_cache) >= 6:
            _search_cache.clear()
        _search_cache[key] = ServiceSearch(catalogue)
    return _search_cache[key]
