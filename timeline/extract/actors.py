"""Stage 4a: actor mentions — gazetteer hits, people found by pattern, metonyms, coreference.

People the gazetteer has never seen are found from the patterns news uses:
``<affiliation> <title> <Name>`` ("Hamas leader Osama Hamdan"), ``<Name>, the <title> of X``
and ``said <Name>``. Each is registered for the article with its surname so that later
"Hamdan said" resolves to the same person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from timeline.extract.gazetteer import ActorEntry, Gazetteer
from timeline.vocab import ActorKind

__all__ = ["SIDES_REF", "ArticleActors", "History", "Mention", "find_people", "resolve_references",
           "sentence_mentions"]

_PARTICLE = r"(?:al|el|Al|El|ad|ash|bin|ibn|ben|Bin|Ben|Abu|Abd|de|da|van|von|der|du|le|la)"
_CAP = r"(?:[A-Z][a-zA-Z'’]+(?:-[A-Za-z][a-zA-Z'’]+)*|(?:al|el|Al|El)-[A-Z][a-zA-Z'’]+)"
NAME = rf"{_CAP}(?:\s+(?:{_PARTICLE}\s+)*{_CAP}){{1,4}}"
_TITLE_WORDS = (
    r"President-elect|President|Vice President|Prime Minister|Premier|Foreign Minister"
    r"|Defen[cs]e Minister|Minister|Secretary of State|Secretary|Director|director|Chief|chief"
    r"|Head|head|Leader|leader|[Ee]nvoy|[Ss]pokes(?:man|woman|person)|official|member"
    r"|[Aa]mbassador|negotiator|[Aa]dviser|[Aa]dvisor|aide|Sheikh|Emir|King|Crown Prince|Prince"
    r"|Chancellor|General|Gen\.|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Eng\.|commander|Commander|Speaker"
    r"|Senator|Sen\.|[Cc]hairman|[Cc]oordinator|representative|diplomat|mediator|deputy|Deputy"
    r"|politburo member|counterpart|negotiator"
)
_TITLED = re.compile(rf"\b(?:{_TITLE_WORDS})\s+(?P<name>{NAME})")
_APPOS = re.compile(
    rf"(?P<name>{NAME}),\s+(?:the|a|an|who is|who heads)\s+"
    rf"(?P<desc>[^,.;“”\"]{{3,120}}?)(?=[,.;]|\s+(?:said|told|stated))"
)
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
    "President-elect", "Former", "Outgoing", "Incoming", "Acting", "Senior", "Top",
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
    r"|governments|delegations|militaries|armies|foes|rivals|adversaries|camps)\b"
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
    sent: int = -1


@dataclass(slots=True)
class ArticleActors:
    """Everything the article says about who is who; built once per article."""

    gazetteer: Gazetteer
    people: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    pattern: re.Pattern[str] | None = None

    def entry_mention(
        self, start: int, end: int, form: str, entry: ActorEntry, coref: bool = False
    ) -> Mention:
        return Mention(
            start, end, form, entry.name, entry.kind, entry.affiliation, entry.mediator,
            coref=coref, demonym=form in self.gazetteer.demonyms,
        )

    def register(self, name: str, affiliation: str | None) -> None:
        if name in self.gazetteer.surface:
            return
        tokens = name.split()
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

    def person_pattern(self) -> re.Pattern[str] | None:
        if not self.people:
            return None
        if self.pattern is None:
            body = "|".join(re.escape(s) for s in sorted(self.people, key=len, reverse=True))
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
    while tokens and (tokens[0] in _NOT_NAME_START or tokens[0] in gaz.surface):
        tokens = tokens[1:]
    while tokens and tokens[-1] in gaz.surface and gaz.surface[tokens[-1]].kind != ActorKind.PERSON:
        tokens = tokens[:-1]
    if len(tokens) < 2 or any(t in _BAD_NAME_WORDS or t in _FUNCTION_WORDS for t in tokens):
        return None
    cleaned = " ".join(tokens)
    if cleaned in gaz.media or cleaned in gaz.places:
        return None
    return cleaned


def find_people(text: str, actors: ArticleActors) -> None:
    """Register the article's people (titled names, appositions, ``said Name``)."""
    gaz = actors.gazetteer
    for m in _TITLED.finditer(text):
        name = _clean_name(m.group("name"), gaz)
        if name is None or name in gaz.surface:
            continue
        before = text[max(0, m.start() - 70): m.start() + len(m.group(0)) - len(m.group("name"))]
        before = re.split(r"[.;:“”\"(]|,\s", before)[-1]
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


_CAPITAL_VERB = re.compile(
    r"\s+(?:has|had|have|is|was|said|says|claims|claimed|announced|rejected|accepted|wants"
    r"|believes|introduced|proposed|insists|insisted|warned|urged|responded|agreed|denied"
    r"|and|would|will)\b"
)


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
            name, aff = actors.people[m.group(0)]
            found.append((m.start(), m.end(), Mention(
                offset + m.start(), offset + m.end(), m.group(0), name, ActorKind.PERSON, aff)))
    for a, b, form in gaz.scan(text):
        if form in gaz.media:
            found.append((a, b, Mention(offset + a, offset + b, form, form,
                                        ActorKind.ORGANIZATION, media=True)))
            continue
        entry = gaz.lookup(form)
        if entry is not None:
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
    return [replace(m, sent=offset) for m in out]


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
    for m in _GROUP_REF.finditer(text):
        a = offset + m.start()
        ref = last(lambda x: x.kind == ActorKind.GROUP, a)
        if ref is not None:
            extra.append(Mention(a, offset + m.end(), m.group(0), ref.name, ref.kind,
                                 ref.affiliation, ref.mediator, coref=True))
    for m in _DELEGATION_REF.finditer(text):
        a = offset + m.start()
        ref = last(lambda x: x.kind != ActorKind.PERSON and not x.coref, a)
        if ref is not None:
            extra.append(Mention(a, offset + m.end(), m.group(0), ref.name, ref.kind,
                                 ref.affiliation, ref.mediator, coref=True))
    parties = (ActorKind.GROUP, ActorKind.STATE, ActorKind.ORGANIZATION)
    for m in _IT_REF.finditer(text):
        a = offset + m.start()
        # "Hamas said it had informed Egypt and Qatar that it ...": "it" is the subject
        here = [x for x in mentions if x.start < a and x.kind in parties and not x.media
                and not x.coref]
        ref = here[0] if here else last(lambda x: x.kind in parties, a)
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
