"""Stage 4a: actor mentions — gazetteer hits, people found by pattern, metonyms, coreference.

People the gazetteer has never seen are found from the patterns news uses:
``<affiliation> <title> <Name>`` ("Hamas leader Osama Hamdan"), ``<Name>, the <title> of X``
and ``said <Name>``. Each is registered for the article with its surname so that later
"Hamdan said" resolves to the same person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import partial

from timeline.extract.gazetteer import ActorEntry, Gazetteer
from timeline.vocab import ActorKind

__all__ = ["SIDES_REF", "ArticleActors", "History", "Mention", "find_people", "resolve_references",
           "sentence_mentions"]

_PARTICLE = r"(?:al|el|Al|El|ad|ash|bin|ibn|ben|Bin|Ben|Abu|Abd|de|da|van|von|der|du|le|la)"
# capitals with the accents of names in Latin script ("Félix", "Vučić", "Šefčovič", "Łukasz")
_UP = "A-ZÀ-ÖØ-ÞĀ-Ž"
_LOW = r"(?:[^\W\d_]|['’])"
_CAP = rf"(?:[{_UP}]{_LOW}+(?:-[^\W\d_]{_LOW}+)*|(?:al|el|Al|El)-[{_UP}]{_LOW}+)"
# "Henry A. Kissinger", "George H. W. Bush": a middle initial belongs to the name
NAME = rf"{_CAP}(?:(?:\s+[{_UP}]\.){{0,2}}\s+(?:{_PARTICLE}\s+)*{_CAP}){{1,4}}"
_TITLE_WORDS = (
    r"President-elect|President|Vice President|Prime Minister|Premier|Foreign Minister"
    r"|Defen[cs]e Minister|Minister|Secretary of State|Secretary|Director|director|Chief|chief"
    r"|Head|head|Leader|leader|[Ee]nvoy|[Ss]pokes(?:man|woman|person)|official|member"
    r"|[Aa]mbassador|negotiator|[Aa]dviser|[Aa]dvisor|aide|Sheikh|Emir|King|Crown Prince|Prince"
    r"|Chancellor|General|Gen\.|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Eng\.|commander|Commander|Speaker"
    r"|Senator|Sen\.|[Cc]hairman|[Cc]oordinator|representative|diplomat|mediator|deputy|Deputy"
    r"|politburo member|counterpart|negotiator|warlord|strongman|facilitator|rapporteur"
    r"|Field Marshal|Marshal|Gen|Colonel|Col\.|Lieutenant General|Major General|Admiral"
    r"|Commissioner|High Representative|Special Representative|Secretary-General"
    r"|Secretary General|Governor|Mayor|Ambassador|Premier|Chairman|Chairwoman|Chairperson"
    # news in lower case: "former president Leonid Kuchma", "foreign minister Ann Linde"
    r"|president|vice president|prime minister|foreign minister|minister|chancellor|senator"
    r"|governor|lawmaker|premier|secretary of state"
)
_TITLED = re.compile(rf"\b(?:{_TITLE_WORDS})\s+(?P<name>{NAME})")
_APPOS = re.compile(
    rf"(?P<name>{NAME}),\s+(?:(?:the|a|an|who is|who heads)\s+|(?=(?:head|chief|leader|director"
    r"|spokes\w+|member|deputy|chairman|chair|minister|secretary|envoy|commander|president"
    r"|negotiator|coordinator)\s+of\b))"
    rf"(?P<desc>[^,.;“”\"]{{3,120}}?)(?=[,.;]|\s+(?:said|told|stated))"
)
# "Ethiopia's water minister, Seleshi Bekele, said": the title comes first, then the name
_TITLE_COMMA = re.compile(
    rf"\b(?:{_TITLE_WORDS}|spokes(?:man|woman|person)|mediator|facilitator)\s*,\s+(?P<name>{NAME})"
    r"(?=\s*,)")
_SAID = re.compile(rf"\b(?:said|says|added|told reporters)\s+(?P<name>{NAME})")
_NOT_NAME_START = {
    "The", "A", "An", "In", "On", "At", "But", "And", "As", "After", "Before", "While", "If",
    "This", "That", "These", "Those", "It", "He", "She", "They", "We", "Our", "His", "Her",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
    "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "Prime", "Foreign", "Minister", "President", "Secretary", "State",
    "Director", "Deputy", "Chief", "Head", "Gaza", "Israeli", "Palestinian", "Political",
    "Council", "Leadership", "Ministry", "Shura", "Security", "Strip", "National", "Special",
    "Sheikh", "Mr", "Mr.", "Dr", "Dr.", "Eng.", "Emir", "King", "Prince", "Crown", "Mideast",
    "Middle", "East", "US", "U.S.", "White", "House", "Trump", "Biden", "Hamas", "Israel",
    "President-elect", "Former", "Outgoing", "Incoming", "Acting", "Senior", "Top", "First",
    "Vice", "General", "Presidential", "Advisor", "Adviser", "High", "Representative", "Envoy",
    "Northern", "Southern", "Eastern", "Western", "Central", "European", "Supreme",
    "Commander", "Ambassador", "Chancellor", "Premier", "Speaker", "Chairman", "Field",
    "Marshal", "Colonel", "Lieutenant", "Major", "Admiral", "Commissioner", "Governor",
}
_CALENDAR = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
    "February", "March", "April", "June", "July", "August", "September", "October",
    "November", "December",
}
_BAD_NAME_WORDS = {
    "Strip", "Ministry", "Council", "Agency", "Office", "Department", "Bureau", "Forces",
    "Authority", "Movement", "Committee", "News", "Post", "Times", "Party", "Brigades",
    "Organization", "Organisation", "Union", "Nations", "House", "Affairs", "Service",
    "Intelligence", "Army", "Front", "Corridor", "Crossing", "Prize", "Air", "Force", "Health",
    "Hospital", "State", "Administration", "Government", "Parliament", "Assembly", "Federation",
}
_FUNCTION_WORDS = {  # title-case headlines: "Iraqi Chief Links Kuwait Pullout To Israeli Move"
    "To", "The", "Of", "And", "In", "On", "For", "With", "At", "By", "From", "As", "After",
    "Over", "Into", "Is", "Are", "Was", "Will", "Says", "Said", "New", "Links", "Talks",
    "Meets", "Visits", "Urges", "Rejects", "Accepts", "Agree", "Agrees", "Deal", "Plan", "Not",
}
_PRONOUN = re.compile(r"\b(?P<p>he|He|she|She|his|His)\b")
# "the minister said", "The eastern commander has rejected": a person named before
_PERSON_NOUNS = (
    r"minister|president|prime minister|premier|chancellor|envoy|mediator|commander|warlord"
    r"|general|leader|chief|diplomat|secretary|ambassador|emir|king|monarch|negotiator"
    r"|facilitator|rapporteur"
)
# "the minister said", "the Special Envoy said"; not "the chief negotiator of Afghanistan
# Masoom Stanekzai" (a title of the name that follows)
_NOMINAL_PERSON = re.compile(
    rf"\b(?:the|The)\s+(?:[A-Za-z-]+\s+){{0,2}}?(?P<t>(?i:{_PERSON_NOUNS}))\b"
    rf"(?!['’]s|\s+of\b|\s+(?:[a-z-]+\s+)?(?i:{_PERSON_NOUNS}|spokes\w+|official|adviser"
    r"|advisor|aide)\b)"
)
_GROUP_REF = re.compile(
    r"\b(?:the|The)\s+(?:(?:Palestinian|militant|Islamist|terror|terrorist|armed|Palestinian"
    r" militant|Iran-backed)\s+)*(?:group|movement|organization|organisation)\b"
    r"(?!'s\s+(?:political|military))"
)
_DELEGATION_REF = re.compile(
    r"\b(?:the|The)\s+(?:visiting\s+|senior\s+)?(?:delegation|team|negotiating team|negotiators)\b"
)
_MEDIATORS_REF = re.compile(
    r"\b(?:the\s+)?(?:joint\s+)?(?:mediators|mediating countries|mediating parties)\b"
    r"(?!\s*(?:,\s*)?(?:Egypt|Qatar|the United States|the US|the U\.S\.))"
)
SIDES_REF = re.compile(
    r"\b(?:[Bb]oth|[Tt]he\s+two|[Tt]he\s+warring)\s+(?:sides|parties|countries|neighbou?rs"
    r"|governments|delegations|militaries|armies|foes|rivals|adversaries|camps|leaders"
    r"|envoys|presidents|ministers|foreign\s+ministers|negotiators|teams|panels|Koreas)\b"
)
_IT_REF = re.compile(r"\b(?:it|It)\b(?=\s+(?:was|is|had|has|would|will|said|says|\w+ed)\b)")


@dataclass(frozen=True, slots=True)
class Mention:
    """An actor mentioned at ``start:end`` (absolute offsets) of the article."""

    start: int
    end: int
    text: str
    name: str
    kind: ActorKind
    affiliation: str | None = None
    mediator: bool = False
    media: bool = False
    coref: bool = False
    demonym: bool = False
    locative: bool = False
    """Named as a place ("in Kenya", "Nairobi, Kenya", "the Kenyan capital"): the party it
    names hosts, and "the delegation" or "it" does not refer to it."""
    sent: int = -1


@dataclass(slots=True)
class ArticleActors:
    """Everything the article says about who is who; built once per article."""

    gazetteer: Gazetteer
    people: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    orgs: dict[str, tuple[str, ActorKind]] = field(default_factory=dict)
    pattern: re.Pattern[str] | None = None

    def entry_mention(
        self, start: int, end: int, form: str, entry: ActorEntry, coref: bool = False
    ) -> Mention:
        return Mention(
            start, end, form, entry.name, entry.kind, entry.affiliation, entry.mediator,
            coref=coref, demonym=form in self.gazetteer.demonyms,
        )

    def register(self, name: str, affiliation: str | None) -> None:
        gaz = self.gazetteer
        if name in gaz.surface or name in _known_parts(gaz):
            return
        tokens = name.split()
        known = gaz.surface.get(tokens[-1])
        if len(tokens) > 1 and known is not None and known.kind == ActorKind.PERSON:
            return  # "Nicolás Maduro": the gazetteer's "Nicolas Maduro", by his surname
        surfaces = {name}
        if len(tokens) >= 2:
            last = tokens[-1]
            if re.fullmatch(r"(?:al|el|Al|El)-\w+", last):
                surfaces.add(last)
                surfaces.add(last.split("-", 1)[1])
            elif len(last) > 3:
                surfaces.add(last)
            if len(tokens) >= 3 and re.fullmatch(_PARTICLE, tokens[-2]):
                surfaces.add(" ".join(tokens[-2:]))
        for s in surfaces:
            if s in self.gazetteer.surface and s != name:
                continue
            self.people.setdefault(s, (name, affiliation))
        self.pattern = None

    def register_org(self, name: str, acronym: str) -> None:
        """An organisation the article introduces as "Long Name (ACRONYM)"."""
        gaz = self.gazetteer
        if name in gaz.surface or acronym in gaz.surface:
            return
        kind = ActorKind.GROUP if _ARMED.search(name) else ActorKind.ORGANIZATION
        for form in (name, acronym):
            self.orgs.setdefault(form, (name, kind))
        self.pattern = None

    def person_pattern(self) -> re.Pattern[str] | None:
        if not self.people and not self.orgs:
            return None
        if self.pattern is None:
            forms = {*self.people, *self.orgs}
            body = "|".join(re.escape(s) for s in sorted(forms, key=len, reverse=True))
            self.pattern = re.compile(rf"(?<![\w-])(?:{body})(?![\w-])")
        return self.pattern


def _affiliation_in(gaz: Gazetteer, text: str, last: bool = True) -> str | None:
    found = [
        e
        for _, _, form in gaz.scan(text)
        if (e := gaz.lookup(form)) is not None and e.kind != ActorKind.PERSON
    ]
    if not found:
        return None
    return (found[-1] if last else found[0]).name


def _clean_name(name: str, gaz: Gazetteer) -> str | None:
    poss = re.search(r"['’]s?\b", name)
    if poss:
        name = name[: poss.start()]
    tokens = name.split()
    while tokens:
        lead = next((k for k in (3, 2) if " ".join(tokens[:k]) in gaz.surface), 0)
        if lead:  # "North Korea Steve Biegun": a two-word actor before the name
            tokens = tokens[lead:]
        elif tokens[0] in _NOT_NAME_START or tokens[0] in gaz.surface and not (
            # "Petro Poroshenko": a known person's one-word name opening another's name
            gaz.surface[tokens[0]].kind == ActorKind.PERSON and len(tokens) > 1
            and tokens[1] not in gaz.surface
        ):
            tokens = tokens[1:]
        else:
            break
    while tokens and tokens[-1] in gaz.surface and gaz.surface[tokens[-1]].kind != ActorKind.PERSON:
        tokens = tokens[:-1]
    if len(tokens) > 2 and tokens[-1] in ("Jr", "Sr"):
        tokens = tokens[:-1]  # "Alexander M. Haig Jr.": known by the name before the suffix
    if len(tokens) < 2 or any(t in _BAD_NAME_WORDS or t in _FUNCTION_WORDS or t in _CALENDAR
                              for t in tokens):
        return None
    cleaned = " ".join(tokens)
    if cleaned in gaz.media or cleaned in gaz.places:
        return None
    return cleaned


_ARMED = re.compile(
    r"\b(?:Movement|Front|Army|Forces|Tigers|Brigades?|Militia|Party|Rebels?|Resistance"
    r"|Liberation|Alliance|Coalition|Council|Committee|Group|Government|Opposition)\b"
)
_ACRONYM = re.compile(
    r"(?P<name>(?:[A-Z][\w’'.-]*|of|the|for|and|in|de|del|la|el|al)(?:[\s-]+(?:[A-Z][\w’'.-]*"
    r"|of|the|for|and|in|on|de|del|la|el|al|-in-|in-)){1,8}?)\s+\((?P<acr>[A-Z][A-Z0-9+/&-]{1,9})\)"
)
_OFFICE_OF = re.compile(
    rf"\b(?:the\s+)?(?:{_TITLE_WORDS})\s+of\s+(?P<org>[^,.;]{{3,80}}),\s+(?P<name>{NAME}),"
)
_LED_BY = re.compile(
    rf"\b(?:led|headed|chaired|represented)\s+by\s+(?:{_TITLE_WORDS}\s+)?(?P<name>{NAME})"
)
_CANDIDATE_NAME = re.compile(rf"(?<![\w’'-])(?P<name>{NAME})")


def _acronym_fits(name: str, acr: str) -> bool:
    """"Sudan People's Liberation Movement-in-Opposition" and "SPLM-IO": the acronym's first
    letter opens one of the name's capitalised words, and most of its letters are initials."""
    if name.isupper():
        return False  # "ADDIS ABABA (AP)": a dateline and its agency
    initials = "".join(w[0] for w in re.findall(r"[A-Z][\w’']*", name))
    letters = [c for c in acr if c.isalpha()]
    return bool(letters) and letters[0] in initials and sum(
        c in initials for c in letters) >= max(2, len(letters) - 1)


def _find_orgs(text: str, actors: ArticleActors) -> None:
    for m in _ACRONYM.finditer(text):
        words = m.group("name").split()
        acr = m.group("acr")
        # the longest run of words ending before the bracket that the acronym abbreviates:
        # "the UN-backed Government of National Accord (GNA)" -> "Government of National Accord"
        for i in range(len(words) - 1):
            cand = words[i:]
            if (cand[0][0].isupper() and not cand[0].endswith(("-backed", "-led", "’s", "'s"))
                    and cand[0][0] == acr[0] and _acronym_fits(" ".join(cand), acr)):
                actors.register_org(" ".join(cand), acr)
                break


# "the Democratic Unionist Party", "the opposition National Coalition", "the Sudan People's
# Liberation Movement": a party, front or movement named in full, known or not
_NAMED_ORG = re.compile(
    r"\b(?:the|The)\s+(?P<qual>(?:opposition|rebel|ruling|main|armed|militant|separatist"
    r"|Islamist|exiled|banned|outlawed|governing)\s+)?"
    r"(?P<name>(?:[A-Z][\w’'-]*\s+){1,5}(?:Movement|Front|Party|Coalition|Council|Army"
    r"|Alliance|Congress|Forces|Organi[sz]ation|Committee|Union|League|Brigades?)"
    r"(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3}){0,2})\b")
# what a state calls its own forces and bodies: "the Nepal Army", "the Israeli Army"
_STATE_BODY = re.compile(
    r"(?:\s+(?:Army|Armed|Forces|Defen[cs]e|National|Security|Council|Union|Congress|Party"
    r"|Navy|Air|Force|Guard|Police|Front|Coalition|Alliance|Committee|Organi[sz]ation))+")


def _find_named_orgs(text: str, actors: ArticleActors) -> None:
    """Parties named in full, and the acronym the article abbreviates one to ("DUP")."""
    gaz = actors.gazetteer
    for m in _NAMED_ORG.finditer(text):
        name = m.group("name")
        if any(form in gaz.surface or form in actors.orgs
               for form in (name, name.replace("isation", "ization"))) or re.match(
                r"\S+['’]s?\s", name):
            continue  # known, or another's ("the North's Committee for ...")
        known = [(a, b, e) for a, b, form in gaz.scan(name) if (e := gaz.lookup(form))]
        if any(e.kind != ActorKind.STATE or a > 0 for a, _, e in known) or (
                known and _STATE_BODY.fullmatch(name[known[0][1]:])):
            continue  # "the Hamas Leadership Council": Hamas; "the Nepal Army": Nepal
        if not m.group("qual") and (len(name.split()) < 3 or _STATE_BODY.fullmatch(" " + name)):
            continue  # "the Security Council", "the Federation Council": a state's own
        kind = ActorKind.GROUP if _ARMED.search(name) else ActorKind.ORGANIZATION
        actors.orgs.setdefault(name, (name, kind))
        initials = "".join(w[0] for w in re.findall(r"(?<![\w’'-])[A-Z][\w’'-]*", name))
        if len(initials) >= 3 and initials not in gaz.surface and re.search(
                rf"(?<![\w-]){initials}(?![\w-])", text):
            actors.orgs.setdefault(initials, (name, kind))  # "the SPLM", "the DUP"
        actors.pattern = None


# "The NDFP suspended its participation", "after the SPLM-IO withdrew": an acronym the
# gazetteer does not know, acting as the subject of a verb, is an organisation
_BARE_ACRONYM = re.compile(
    r"(?<![\w/-])(?P<acr>[A-Z][A-Z0-9]{1,6}(?:-[A-Z]{1,4})?)(?![\w/-])"
    r"(?=\s+(?:has|had|have|is|was|were|are|will|would|said|says|also|then|[a-z]+ed)\b)"
)
_NOT_ACRONYM = {"GMT", "UTC", "EST", "EDT", "BST", "CET", "CEST", "TV", "OK", "AM", "PM", "II",
                "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XX", "CEO"}


def _find_bare_acronyms(text: str, actors: ArticleActors) -> None:
    gaz = actors.gazetteer
    for m in _BARE_ACRONYM.finditer(text):
        acr = m.group("acr")
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        if (acr in gaz.surface or acr in gaz.media or acr in gaz.places or acr in actors.orgs
                or acr in _NOT_ACRONYM or acr in actors.people
                or text[line_start:line_end if line_end >= 0 else len(text)].isupper()):
            continue  # a headline in capitals is no evidence
        actors.orgs.setdefault(acr, (acr, ActorKind.ORGANIZATION))
        actors.pattern = None


_PARTS: dict[int, tuple[Gazetteer, frozenset[str]]] = {}


def _known_parts(gaz: Gazetteer) -> frozenset[str]:
    """Every run of two or more words inside a known person's name ("Al Thani" of "Mohammed
    bin Abdulrahman Al Thani"): not a new person."""
    hit = _PARTS.get(id(gaz))
    if hit is None or hit[0] is not gaz:
        parts: set[str] = set()
        for form, entry in gaz.surface.items():
            if entry.kind == ActorKind.PERSON:
                w = form.split()
                parts.update(" ".join(w[i:j]) for i in range(len(w))
                             for j in range(i + 2, len(w) + 1))
        hit = (gaz, frozenset(parts))
        _PARTS[id(gaz)] = hit
    return hit[1]


def _find_repeated_names(text: str, actors: ArticleActors) -> None:
    """"Khalifa Haftar" ... "Haftar's forces": a capitalised name whose last word recurs
    alone in the article is a person, whatever title (or none) introduced it."""
    gaz = actors.gazetteer
    seen: dict[str, tuple[str, int]] = {}
    for m in _CANDIDATE_NAME.finditer(text):
        name = _clean_name(m.group("name"), gaz)
        if name is None or name in gaz.surface or name in actors.people or name in actors.orgs:
            continue
        words = name.split()
        if re.fullmatch(_PARTICLE, words[0]) or name in _known_parts(gaz) or any(
            w in gaz.surface or w in _NOT_SURNAME for w in words
        ):
            continue
        seen.setdefault(name, (words[-1], m.start()))
    if not seen:
        return
    # where each capitalised word stands alone: not the end of a longer name
    # ("Abdulrahman Al Thani"); one pass over the text, so that long inputs stay linear
    alone: set[str] = set()
    for w in _CAP_WORD.finditer(text):
        lead = text[max(0, w.start() - 25):w.start()]
        if not _NAME_LEAD.search(lead) and not text.startswith("-", w.end()):
            alone.add(re.sub(r"['’]s?$", "", w.group(0)))  # "Haftar's forces"
    for name, (last, pos) in seen.items():
        if len(last) < 4 or last in actors.people or last not in alone:
            continue
        before = re.split(r"[.;:“”\"(]|,\s", text[max(0, pos - 70):pos])[-1]
        actors.register(name, _affiliation_in(gaz, before))


_CAP_WORD = re.compile(rf"(?<![\w’'-])[{_UP}][\w’']*")
_NAME_LEAD = re.compile(rf"(?:[A-Z][\w’'-]*|{_PARTICLE})\s+$")
_NOT_SURNAME = {
    "Council", "Court", "Commission", "Conference", "Initiative", "Agreement", "Accord",
    "Declaration", "Process", "Talks", "Group", "Route", "Sea", "Republic", "Kingdom", "Day",
    "Province", "Region", "Valley", "River", "Airport", "Palace", "Summit", "Peace", "Prize",
    "Forum", "Square", "Street", "Hotel", "Centre", "Center", "Office", "Mission", "Plan",
    "Consensus", "Treaty", "Protocol", "Framework", "Party", "Army", "Forces", "Front",
    "Movement", "Ministry", "General", "Secretary", "Assembly", "Parliament", "Senate",
    "Congress", "Cabinet", "Government", "State", "States", "Nations", "Union", "Affairs",
    "Security", "Defence", "Defense", "Foreign", "Minister", "President", "Prime", "Olympics",
    "Games", "Cup", "Tiger", "Tigers",
}


def _known_surnames(text: str, actors: ArticleActors) -> None:
    """"UN envoy Martin Griffiths ... Griffiths also called for": once a known person is named
    in full, the surname alone is that person for the rest of the article."""
    gaz = actors.gazetteer
    for _, _, form in gaz.scan(text):
        entry = gaz.lookup(form)
        if entry is None or entry.kind != ActorKind.PERSON:
            continue
        last = entry.name.split()[-1]
        if len(last) > 3 and last != entry.name and last not in gaz.surface and (
                last not in _NOT_SURNAME):
            actors.people.setdefault(last, (entry.name, entry.affiliation))
            actors.pattern = None


def find_people(text: str, actors: ArticleActors) -> None:
    """Register the article's people (titled names, appositions, ``said Name``, ``led by
    Name``, names whose surname recurs alone) and organisations introduced with an acronym."""
    gaz = actors.gazetteer
    _find_orgs(text, actors)
    _find_named_orgs(text, actors)
    _find_bare_acronyms(text, actors)
    _known_surnames(text, actors)
    for m in _OFFICE_OF.finditer(text):
        name = _clean_name(m.group("name"), gaz)
        if name is None or name in gaz.surface:
            continue
        org = [f for f in actors.orgs if f in m.group("org")]
        actors.register(name, actors.orgs[org[0]][0] if org else _affiliation_in(
            gaz, m.group("org"), last=False))
    for m in _LED_BY.finditer(text):
        name = _clean_name(m.group("name"), gaz)
        if name is None or name in gaz.surface:
            continue
        before = re.split(r"[.;:“”\"(]|,\s", text[max(0, m.start() - 70):m.start()])[-1]
        org = [f for f in actors.orgs if f in before]
        actors.register(name, actors.orgs[org[-1]][0] if org else _affiliation_in(gaz, before))
    for m in _TITLED.finditer(text):
        name = _clean_name(m.group("name"), gaz)
        if name is None or name in gaz.surface:
            continue
        before = text[max(0, m.start() - 70): m.start() + len(m.group(0)) - len(m.group("name"))]
        # "Tsipras and his Macedonian counterpart Zoran Zaev": not Tsipras's side
        before = re.split(r"[.;:“”\"(]|,\s|\s(?:and|with|met|meets|meet)\s", before)[-1]
        aff = _affiliation_in(gaz, before)
        if aff is None:
            tail = text[m.end(): m.end() + 120]
            am = re.match(r",\s+(?:the|a|an)\s+([^,.;]+)", tail)
            if am:
                aff = _affiliation_in(gaz, am.group(1))
        actors.register(name, aff)
    for m in _APPOS.finditer(text):
        desc = m.group("desc")
        if not re.search(rf"\b(?:{_TITLE_WORDS}|minister|president|spokesman)\b", desc):
            continue
        name = _clean_name(m.group("name"), gaz)
        if name is None or name in gaz.surface:
            continue
        actors.register(name, _affiliation_in(gaz, desc))
    for m in _TITLE_COMMA.finditer(text):
        name = _clean_name(m.group("name"), gaz)
        if name is None or name in gaz.surface:
            continue
        before = re.split(r"[.;:“”\"(]|,\s", text[max(0, m.start() - 70):m.start()])[-1]
        actors.register(name, _affiliation_in(gaz, before + " " + m.group(0)[:m.start("name")
                                                                            - m.start()]))
    for m in _SAID.finditer(text):
        name = _clean_name(m.group("name"), gaz)
        if name is None or name in gaz.surface:
            continue
        # "said Abbas Araghchi, Iran's foreign minister": the apposition gives the side
        appos = re.match(r",\s+([^,.;“”\"]{3,80})", text[m.end(): m.end() + 90])
        aff = None
        if appos and re.search(rf"\b(?:{_TITLE_WORDS}|minister|president|spokesman|official)\b",
                               appos.group(1)):
            aff = _affiliation_in(gaz, appos.group(1), last=False)
        actors.register(name, aff)
    _find_repeated_names(text, actors)
    _find_mononyms(text, actors)
    _find_given_names(text, actors)


# "CPN (Maoist) chairman Prachanda", "President Lula": a person known by one name, after a
# title that only people hold
_MONONYM = re.compile(
    r"\b(?:President|Prime Minister|Premier|[Cc]hairman|[Cc]hairwoman|[Ll]eader|[Cc]ommander"
    r"|Sheikh|Emir|King|Prince|General|Gen\.|Marshal|Colonel|Senator|Speaker|Mr\.?|Mrs\.?"
    rf"|Ms\.?|Dr\.?)\s+(?P<name>{_CAP})(?=\s*[,.;:]|\s+(?:(?-i:[a-z])|on\b|and\b|said\b))")


def _find_mononyms(text: str, actors: ArticleActors) -> None:
    """Run last: a one-word name another registered or known name ends with is that person
    ("Mr Blair" of "Tony Blair"), not a new one."""
    gaz = actors.gazetteer
    for m in _MONONYM.finditer(text):
        name = m.group("name")
        if (len(name) < 3 or name in actors.people or name in gaz.surface
                or name in _surnames(gaz) or _common_word(name)
                or any(p.split()[-1] == name for p in actors.people)):
            continue
        before = re.split(r"[.;:“”\"]|,\s", text[max(0, m.start() - 70):m.start()])[-1]
        aff = _affiliation_in(gaz, before + " " + m.group(0))
        # "Tony Blair met Bertie Ahern ... Mr Blair said": the full name, given elsewhere
        full = re.search(rf"(?<![\w-])(?:{_CAP}\s+){{1,3}}{re.escape(name)}\b", text)
        whole = _clean_name(full.group(0), gaz) if full else None
        actors.register(whole if whole and whole.endswith(name) else name, aff)


def _common_word(word: str) -> bool:
    """A word that does not stand for a person on its own ("Many", "Thursday", "Talks")."""
    return (word in _NOT_NAME_START or word in _BAD_NAME_WORDS or word in _FUNCTION_WORDS
            or word in _CALENDAR)


def _find_given_names(text: str, actors: ArticleActors) -> None:
    """Run after every full name is known: "Paradorn Pattanatabut ... Paradorn told
    reporters", "Wang Yi ... Wang said". Thai and Indonesian usage names a person by the given
    name and Chinese or Korean by the family name, both first; a first word that stands alone
    in the article and begins no other name of it is that person."""
    gaz = actors.gazetteer
    firsts: dict[str, set[tuple[str, str | None]]] = {}
    for form, (name, aff) in actors.people.items():
        words = name.split()
        if form == name and len(words) >= 2:
            firsts.setdefault(words[0], set()).add((name, aff))
    for first, owners in firsts.items():
        if (len(owners) != 1 or len(first) < 4 or not first.isalpha() or not first[0].isupper()
                or first in actors.people or first in actors.orgs or first in gaz.surface
                or first in _known_parts(gaz) or first in _surnames(gaz)
                or re.fullmatch(_PARTICLE, first) or _common_word(first)
                or first in _NOT_SURNAME or re.fullmatch(_TITLE_WORDS, first, re.I)):
            continue
        alone = re.compile(rf"(?<![\w’'-]){first}['’]?s?"
                           rf"(?![\w’'-])(?!\s+(?:[{_UP}]|{_PARTICLE}\b))")
        if not any(not _NAME_LEAD.search(text[max(0, m.start() - 25):m.start()])
                   for m in alone.finditer(text)):
            continue
        (name, aff), = owners
        actors.people[first] = (name, aff)
        actors.pattern = None


_SURNAMES: dict[int, tuple[Gazetteer, frozenset[str]]] = {}


def _surnames(gaz: Gazetteer) -> frozenset[str]:
    """The last word of every person the gazetteer knows by a longer name."""
    hit = _SURNAMES.get(id(gaz))
    if hit is None or hit[0] is not gaz:
        hit = (gaz, frozenset(form.split()[-1] for form, e in gaz.surface.items()
                              if e.kind == ActorKind.PERSON and " " in form))
        _SURNAMES[id(gaz)] = hit
    return hit[1]


_CAPITAL_VERB = re.compile(
    r"\s+(?:has|had|have|is|was|said|says|claims|claimed|announced|rejected|accepted|wants"
    r"|believes|introduced|proposed|insists|insisted|warned|urged|responded|agreed|denied"
    r"|and|would|will)\b"
)


# "the Indian Ocean tsunami", "the Arabian Peninsula": a sea or a land, not its people's state
_FEATURE_AFTER = re.compile(
    r"\s+(?:Ocean|Sea|Gulf|Peninsula|[Ss]ubcontinent|Basin|Plateau|Desert|Mountains|Alps"
    r"|Highlands|Riviera|Archipelago)\b")


def sentence_mentions(text: str, offset: int, actors: ArticleActors) -> list[Mention]:
    """Gazetteer actors, registered people and capital metonyms in one sentence.

    ``offset`` is the sentence's start in the article; mentions carry absolute offsets.
    """
    gaz = actors.gazetteer
    out: list[Mention] = []
    spans: list[tuple[int, int]] = []
    found: list[tuple[int, int, Mention]] = []
    pp = actors.person_pattern()
    if pp is not None:
        for m in pp.finditer(text):
            form = m.group(0)
            if form in actors.people:
                name, aff = actors.people[form]
                kind = ActorKind.PERSON
            else:
                name, kind = actors.orgs[form]
                aff = None
            found.append((m.start(), m.end(), Mention(
                offset + m.start(), offset + m.end(), form, name, kind, aff)))
    for a, b, form in gaz.scan(text):
        if form in gaz.media:
            found.append((a, b, Mention(offset + a, offset + b, form, form,
                                        ActorKind.ORGANIZATION, media=True)))
            continue
        entry = gaz.lookup(form)
        if entry is not None and not (form in gaz.demonyms and _FEATURE_AFTER.match(text, b)):
            found.append((a, b, actors.entry_mention(offset + a, offset + b, form, entry)))
    # longest match wins: "Abdel Fattah el-Sissi" over "Abdel Fattah", "Israel Katz" over "Israel"
    for a, b, mention in sorted(found, key=lambda x: (-(x[1] - x[0]), x[0])):
        if any(a < y and x < b for x, y in spans):
            continue
        spans.append((a, b))
        out.append(mention)
    for m in gaz.capital_pattern.finditer(text):
        cap = m.group(0)
        entry = gaz.capitals[cap]
        if any(a < m.end() and m.start() < b for a, b in spans):
            continue
        after = text[m.end(): m.end() + 20]
        before = text[max(0, m.start() - 12): m.start()]
        if (
            _CAPITAL_VERB.match(after)
            and not re.search(r"\b(?:in|to|from|at|for|into|of)\s+$", before)
        ) or re.match(r"['’]s\s", after) or re.search(r"\bbetween\s+$", before):
            out.append(Mention(offset + m.start(), offset + m.end(), cap, entry.name,
                               entry.kind, None, entry.mediator))
    out.sort(key=lambda x: x.start)
    return [replace(m, sent=offset, locative=_locative(text, m.start - offset, m.end - offset,
                                                        m)) for m in out]


_LOCATIVE_BEFORE = re.compile(
    r"(?:\b(?:in|to|at|from|into|near|outside|across|inside|within|toward|towards)\s+(?:the\s+)?"
    r"|[A-Z][\w'’-]+,\s*)$")
_LOCATIVE_AFTER = re.compile(r"\s+(?:capital|city|soil|territory|border|town|port)\b")


def _locative(text: str, start: int, end: int, m: Mention) -> bool:
    if m.kind != ActorKind.STATE:
        return False
    if m.demonym:
        return bool(_LOCATIVE_AFTER.match(text[end:]))
    return bool(_LOCATIVE_BEFORE.search(text[max(0, start - 20):start]))


_LOOKBACK = 400
"""Mentions a reference may reach back over: far more than any story needs, and a bound that
keeps a long input linear."""


@dataclass(slots=True)
class History:
    """The article's mentions so far, with what references need kept up to date as it grows:
    the first person of each sentence (a likely subject) and, for "the two sides", how often
    each party was named and which parties were named side by side."""

    mentions: list[Mention] = field(default_factory=list)
    subjects: set[int] = field(default_factory=set)
    first: dict[str, Mention] = field(default_factory=dict)
    score: dict[str, float] = field(default_factory=dict)
    pairs: dict[tuple[str, str], float] = field(default_factory=dict)
    _subject_sents: set[int] = field(default_factory=set)
    _last_named: Mention | None = None

    def add(self, mentions: list[Mention]) -> None:
        for m in mentions:
            if m.coref:
                continue
            self.mentions.append(m)
            if m.kind == ActorKind.PERSON and m.sent not in self._subject_sents:
                self._subject_sents.add(m.sent)
                self.subjects.add(id(m))
            _count_side(m, self.first, self.score)
            if not m.media and m.kind in _PARTIES:
                self._last_named = _count_pair(self._last_named, m, self.pairs)

    def recent(self, mentions: list[Mention]) -> list[Mention]:
        """The last mentions of the history followed by ``mentions``."""
        return self.mentions[-_LOOKBACK:] + mentions


_PARTIES = (ActorKind.GROUP, ActorKind.STATE)


def _count_side(m: Mention, first: dict[str, Mention], score: dict[str, float]) -> None:
    """People count for their side; mediators count half."""
    if m.media or m.coref:
        return
    if m.kind in _PARTIES:
        first.setdefault(m.name, m)
        name = m.name
    elif m.affiliation:
        name = m.affiliation
        # "Pashinyan and Aliyev ... the two leaders": a side named only through its leader
        first.setdefault(name, m)
    else:
        return
    score[name] = score.get(name, 0.0) + (0.5 if m.mediator else 1.0)


def _count_pair(prev: Mention | None, m: Mention, pairs: dict[tuple[str, str], float]) -> Mention:
    """Parties named side by side ("Thailand and Cambodia", "Thailand-Cambodia")."""
    if prev is not None and prev.name != m.name and 0 <= m.start - prev.end <= 9:
        key = (prev.name, m.name)
        pairs[key] = pairs.get(key, 0.0) + (0.5 if prev.mediator or m.mediator else 1.0)
    return m


def resolve_references(
    text: str, offset: int, mentions: list[Mention], history: History
) -> list[Mention]:
    """Add mentions for "he", "the group", "the delegation", "it" from earlier mentions."""
    extra: list[Mention] = []
    pool_all = history.recent(mentions)

    def last(pred: object, before: int) -> Mention | None:
        for m in reversed(pool_all):
            if m.start < before and not m.media and pred(m):  # type: ignore[operator]
                return m
        return None

    own = next((m for m in mentions if m.kind == ActorKind.PERSON and not m.coref), None)

    def subject(x: Mention) -> bool:  # the first person named in its sentence
        return id(x) in history.subjects or x is own

    for m in _PRONOUN.finditer(text):
        a = offset + m.start()
        ref = last(lambda x: x.kind == ActorKind.PERSON and subject(x), a) or last(
            lambda x: x.kind == ActorKind.PERSON, a)
        if ref is not None:
            extra.append(Mention(a, offset + m.end(), m.group(0), ref.name, ref.kind,
                                 ref.affiliation, ref.mediator, coref=True))
    for m in _NOMINAL_PERSON.finditer(text):
        a = offset + m.start()
        inside = [x for x in mentions if x.start < offset + m.end() and a < x.end]
        if any(x.kind == ActorKind.PERSON for x in inside):
            continue  # "the minister, Ayman Safadi": the name follows
        if re.match(r",?\s+(?:[A-Z][\w'’-]+\s+){1,3}", text[m.end():]):
            continue
        # "the Malaysian facilitator": a person of that side, or the side itself
        sides = frozenset(x.name for x in inside)
        ref = last(partial(_of_side, sides=sides), a)
        if ref is not None and a - ref.end < 600:
            extra.append(Mention(a, offset + m.end(), m.group(0), ref.name, ref.kind,
                                 ref.affiliation, ref.mediator, coref=True))
    for m in _GROUP_REF.finditer(text):
        a = offset + m.start()
        ref = last(lambda x: x.kind == ActorKind.GROUP, a)
        if ref is not None:
            extra.append(Mention(a, offset + m.end(), m.group(0), ref.name, ref.kind,
                                 ref.affiliation, ref.mediator, coref=True))
    for m in _DELEGATION_REF.finditer(text):
        a = offset + m.start()
        ref = last(lambda x: x.kind != ActorKind.PERSON and not x.coref and not x.locative, a)
        if ref is not None:
            extra.append(Mention(a, offset + m.end(), m.group(0), ref.name, ref.kind,
                                 ref.affiliation, ref.mediator, coref=True))
    parties = (ActorKind.GROUP, ActorKind.STATE, ActorKind.ORGANIZATION)
    quoted = [(offset + q0, offset + q1) for q0, q1 in _quotes(text)]
    for m in _IT_REF.finditer(text):
        a = offset + m.start()
        # "Hamas said it had informed Egypt and Qatar that it ...": "it" is the subject
        # "“The tracks were endorsed by the Security Council ...,” it added": not the Council
        # "..., it added.": the speaker of the sentences before, not a party named in this one
        closing = re.match(r"\s+(?:also\s+)?(?:said|added|says|noted|stated)\b",
                           text[m.end():]) and re.search(r"[,”\"]\s*$", text[:m.start()])
        here = [] if closing else [
            x for x in mentions if x.start < a and x.kind in parties and not x.media
            and not x.coref and not any(q0 < x.start < q1 for q0, q1 in quoted)]
        ref = here[0] if here else last(lambda x: x.kind in parties and not any(
            q0 < x.start < q1 for q0, q1 in quoted), offset if closing else a)
        if ref is not None and a - ref.end < 200:
            extra.append(Mention(a, offset + m.end(), m.group(0), ref.name, ref.kind,
                                 ref.affiliation, ref.mediator, coref=True))
    for m in _MEDIATORS_REF.finditer(text):
        a = offset + m.start()
        seen: set[str] = set()
        for ref in reversed([x for x in pool_all if x.start < a and x.mediator]):
            if ref.name not in seen and ref.kind == ActorKind.STATE:
                seen.add(ref.name)
                extra.append(Mention(a, offset + m.end(), m.group(0), ref.name, ref.kind,
                                     None, True, coref=True))
            if len(seen) >= 3:
                break
    for m in SIDES_REF.finditer(text):
        a = offset + m.start()
        if any(x.start >= a and x.end <= offset + m.end() for x in mentions):
            continue
        extra += [Mention(a, offset + m.end(), m.group(0), ref.name, ref.kind, ref.affiliation,
                          ref.mediator, coref=True) for ref in _two_sides(history, mentions, a)]
    if not extra:
        return mentions
    return sorted(mentions + extra, key=lambda x: x.start)


def _of_side(x: Mention, sides: frozenset[str]) -> bool:
    """A person named before, of one of ``sides`` if any are given."""
    return x.kind == ActorKind.PERSON and not x.coref and (not sides or x.affiliation in sides)


def _quotes(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"“[^”]*(?:”|$)|\"[^\"]*(?:\"|$)", text)]


def _two_sides(history: History, mentions: list[Mention], before: int) -> list[Mention]:
    """"the two sides", "both countries": the two parties named side by side most often, or
    else the two the article has named most often (people count for their side)."""
    first, score, pairs = dict(history.first), dict(history.score), dict(history.pairs)
    prev = history._last_named
    for m in mentions:
        if m.start >= before or m.coref:
            continue
        _count_side(m, first, score)
        if not m.media and m.kind in _PARTIES:
            prev = _count_pair(prev, m, pairs)
    if pairs:
        best = max(pairs, key=lambda k: (pairs[k], -first[k[0]].start))
        if pairs[best] >= 1.0:
            return [first[best[0]], first[best[1]]]
    ranked = sorted((n for n in score if n in first), key=lambda n: (-score[n], first[n].start))
    if len(ranked) < 2:
        return []
    return [first[n] for n in ranked[:2]]
