"""Stage 6b: who an event belongs to — actor references with roles, and who is speaking."""

from __future__ import annotations

import re

from timeline.extract.actors import SIDES_REF, Mention
from timeline.extract.candidate import in_spans
from timeline.extract.gazetteer import Gazetteer
from timeline.extract.text import Sentence
from timeline.extract.triggers import Trigger
from timeline.models import ActorRef
from timeline.vocab import ActorKind, Role

__all__ = ["PREP_OBJECT", "add_actor", "speaker"]


_ANON = re.compile(
    r"^\W*(?:\w+\s+){0,2}?(?:officials?|sources?|diplomats?|person|people|media|figure|"
    r"negotiators|analysts?|newspaper|outlet|news)\b",
    re.I,
)


PREP_OBJECT = re.compile(
    r"\b(?:to|in|at|into|for|with)\s+(?:the\s+)?$"
    r"|(?<!delegations\s)(?<!delegation\s)(?<!team\s)(?<!officials\s)(?<!envoys\s)\bfrom\s+(?:the\s+)?$",
    re.I,
)


_PERSON_TITLE = re.compile(
    r"\b(?:spokes\w+|minister|president|premier|chancellor|secretary|envoy|adviser|advisor"
    r"|aide|official|chief|head|leader|director|negotiator|mediator|facilitator|ambassador"
    r"|commander|general|member|representative|diplomat|deputy|chairman|chair|king|emir"
    r"|prince|foreign|ministry)\b", re.I)
_JOINT = re.compile(r"\b(?:in\s+a\s+(?:joint\s+)?statement|joint\s+(?:statement|declaration"
                    r"|communiqu[eé]))\b", re.I)
_ANON_AFTER = re.compile(
    r"\s+(?:the|a|an|one|two|three|several)?\s*(?:[\w-]+\s+){0,3}?(?:officials?|sources?"
    r"|diplomats?|people|person|aides?|negotiators)\b",
    re.I,
)
_CLAUSE = re.compile(
    r"[;:“”\"]|,\s|\bthat\b|\b(?:and|but|while|as|after|when|although|though|whereas)\s"
)


def _ref(m: Mention, role: Role) -> ActorRef:
    return ActorRef(name=m.name, kind=m.kind, role=role)


def add_actor(
    actors: dict[str, ActorRef], m: Mention, role: Role, gaz: Gazetteer
) -> None:
    if m.media:
        return
    if m.name not in actors:
        actors[m.name] = _ref(m, role)
    aff = m.affiliation
    depth = 0
    while aff and depth < 2:
        entry = gaz.entries.get(aff)
        kind = entry.kind if entry else ActorKind.ORGANIZATION
        if aff not in actors:
            actors[aff] = ActorRef(name=aff, kind=kind, role=role)
        aff = entry.affiliation if entry else None
        depth += 1


def speaker(
    trig: Trigger,
    sent: Sentence,
    mentions: list[Mention],
    rel: list[tuple[int, int]],
    quotes: list[tuple[int, int]],
) -> Mention | None:
    """The actor a speech verb belongs to: the subject before it, or ``said <Name>`` after it."""
    text = sent.text
    after = [(m, r) for m, r in zip(mentions, rel, strict=True)
             if 0 <= r[0] - trig.end <= 2 and not in_spans(r[0], quotes)]
    if after and after[0][0].kind == ActorKind.PERSON and not after[0][0].coref and not re.match(
            r"(?:told|tells|telling|tell|assured|informed|briefed|warned)\b", trig.text, re.I):
        return after[0][0]  # "said Peskov"; but "told Putin" names who was told, and "says
        # his country will not back the deal" is the subject's country
    if _ANON_AFTER.match(text[trig.end:]):
        return None  # "..., said the Israeli officials"
    if re.match(r"\s+(?:the|a|an|one|two|three|several)\b", text[trig.end:]) and re.search(
        r"[”\"],?\s*$", text[:trig.start]
    ):
        return None
    if re.search(r"\band\s+(?:also\s+)?$", text[:trig.start]):
        firsts = [(m, r) for m, r in zip(mentions, rel, strict=True)
                  if r[1] <= trig.start and not in_spans(r[0], quotes) and not m.media]
        if firsts and firsts[0][1][0] < 30:
            m0, r0 = firsts[0]
            for m2, r2 in firsts[1:2]:
                # "Iran's envoy Ali Bagheri complains ... and says": the person of the side;
                # not "his" in "complains that his objections were ignored"
                if m2.kind == ActorKind.PERSON and r2[0] - r0[1] < 40 and not m2.coref:
                    m0 = m2
            return m0
    joint = bool(_JOINT.search(text))  # "the two governments said in a joint declaration"
    cut = trig.start
    closed = re.search(r",\s+(?:who|which|whose)\s+[^,;:“”\"]{3,200},\s*$", text[:cut])
    if closed and closed.start() > 0:
        # "The DUP, which walked out when Sinn Fein was admitted, condemned ...": the
        # subject before the relative clause speaks
        cut = closed.start()
    for _ in range(3):
        seg_start = 0
        for cm in _CLAUSE.finditer(text[:cut]):
            seg_start = cm.end()
        segment = text[seg_start:cut]
        cands = [(m, r) for m, r in zip(mentions, rel, strict=True)
                 if seg_start <= r[0] and r[1] <= cut and not in_spans(r[0], quotes)
                 and not (m.coref and SIDES_REF.fullmatch(m.text) and not joint)]
        if (re.match(r"\s*(?:who|which)\s", segment) and seg_start > 1
                and text[seg_start - 2] == "," and not (
                    cands and re.match(r"\s*which\s+$", text[seg_start:cands[0][1][0]]))):
            # "Anwar, who chairs ASEAN this year, announced": not ASEAN; but "a memorandum,
            # which Kyiv said it would study": Kyiv
            cut = seg_start - 2
            continue
        if cands:
            break
        if segment.strip() and not re.fullmatch(r"\s*(?:the|a|an)?\s*", segment):
            # "Majed al-Ansari, the ministry spokesman, said", "Gerardo Blyde, head of the
            # opposition's delegation, said"
            if (re.match(r"\s*(?:the|a|an)\s", segment) or _PERSON_TITLE.match(segment.strip())
                ) and text[:seg_start].rstrip().endswith(",") and _PERSON_TITLE.search(segment):
                lead_end = len(text[:seg_start].rstrip()) - 1
                persons = [p for p, pr in zip(mentions, rel, strict=True)
                           if p.kind == ActorKind.PERSON and pr[1] == lead_end]
                if persons:  # "Majed al-Ansari, the ministry spokesman, said"
                    return persons[-1]
            return None  # no actor: "the source said", "they said", "officials said"
        if seg_start == 0 or text[seg_start - 1] in "“”\";:":
            return None
        cut = seg_start - 1
    else:
        return None
    m, r = cands[0]
    for m2, r2 in cands[1:]:
        # "Turkish Cypriot leader Ersin Tatar insisted": the person the titles lead to
        between = text[r[1]:r2[0]]
        if re.search(r"\b(?:with|and|to|by|for)\b", between) or not re.fullmatch(
                r"(?:['’]s?)?\s*(?:[\w-]+\s+){0,6}?|,\s+", between):
            break
        if m2.kind == ActorKind.PERSON:
            m, r = m2, r2
            break
    # apposition: "Khalil al-Hayya, a member of Hamas's political bureau, told ..."
    if re.match(r"\s*(?:the|a|an)\s", text[seg_start:cut]) and seg_start >= 2:
        lead_text = text[:seg_start].rstrip()
        if lead_text.endswith(","):
            appos = [(p, pr) for p, pr in zip(mentions, rel, strict=True)
                     if p.kind == ActorKind.PERSON and pr[1] == len(lead_text) - 1]
            if appos:
                m, r = appos[-1]
    if m.media or any(c.media for c, _ in cands if c.start > m.start):
        return None
    tail = text[r[1]: trig.start]
    if _ANON.match(tail) and not re.search(r"\bsenior\b", text[max(0, r[0] - 12): r[0]]) and (
        not _JOINT.search(text)
    ):  # "Israeli officials said" is anonymous; "MILF officials announced in a joint
        # statement" is the party speaking
        return None
    if re.search(r"\b(?:according to|source|sources)\b", text[max(0, r[0] - 30):r[0]], re.I):
        return None
    return m
