"""Synthetic wire-style news articles about negotiations, for the ingest benchmark.

Each article is about one of a few dozen negotiations and reports several *occasions*
(talks, visits, proposals, rejections, statements, appeals, deals, truces). An occasion is
a deterministic function of (negotiation, ISO week, slot): articles of the same
negotiation published in the same or neighbouring weeks report the same occasions in
different words and with dates written relative to their own publication day ("on
Tuesday", "last week", "on March 4", "next week"), so stored events overlap and merge the
way they do with real news. Publication days are spread uniformly over ten years and
shuffled, so the store grows evenly over its whole date range as articles arrive: the
number of stored events that overlap an article's dates grows with the store.

    write_articles(Path("out"), 5000, seed=1, per_dir=1000)  # out/batch-000/...txt

Every article is ~2 KB of text with front matter (``title``, ``url``, ``outlet``,
``published``); the same seed gives the same files.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

VERSION = 1  # bump when the generated text changes, so cached article folders are rewritten
FIRST_DAY = date(2016, 1, 4)  # a Monday: weeks are counted from here
WEEKS = 520  # ten years
TARGET_CHARS = 1750  # of body text: with the front matter a file is ~2 KB


@dataclass(frozen=True)
class Negotiation:
    topic: str  # what the talks are about, as a noun phrase
    parties: tuple[str, str]
    mediators: tuple[str, ...]
    venues: tuple[str, ...]
    people: tuple[str, ...]  # negotiators and leaders, as news names them
    issues: tuple[str, ...]  # what is on the table


NEGOTIATIONS: tuple[Negotiation, ...] = (
    Negotiation("a truce in Gaza and the release of hostages", ("Israel", "Hamas"),
                ("Qatar", "Egypt", "United States"), ("Doha", "Cairo"),
                ("Benjamin Netanyahu", "Khalil al-Hayya", "Steve Witkoff", "Abbas Kamel",
                 "Mohammed bin Abdulrahman Al Thani"),
                ("a hostage release", "a prisoner exchange", "aid deliveries",
                 "a phased withdrawal")),
    Negotiation("an end to the war in Ukraine", ("Russia", "Ukraine"),
                ("Turkey", "Saudi Arabia", "United States"), ("Istanbul", "Jeddah", "Riyadh"),
                ("Vladimir Medinsky", "Rustem Umerov", "Hakan Fidan", "Marco Rubio",
                 "Sergei Lavrov"),
                ("a prisoner swap", "a maritime truce", "an energy truce",
                 "a ceasefire line")),
    Negotiation("Iran's nuclear programme", ("Iran", "United States"), ("Oman",),
                ("Muscat", "Rome", "Vienna", "Geneva"),
                ("Abbas Araghchi", "Steve Witkoff", "Badr Albusaidi", "Rafael Grossi"),
                ("uranium enrichment", "sanctions relief", "inspections",
                 "a stockpile cap")),
    Negotiation("calm on the Israel-Lebanon border", ("Israel", "Hezbollah"),
                ("United States", "France"), ("Beirut", "Paris"),
                ("Amos Hochstein", "Nabih Berri", "Najib Mikati", "Jean-Noel Barrot"),
                ("a border demarcation", "a troop pullback", "a monitoring mechanism")),
    Negotiation("the war in Yemen", ("Houthis", "Saudi Arabia"), ("Oman", "United Nations"),
                ("Muscat", "Riyadh", "Sanaa"),
                ("Hans Grundberg", "Mohammed Abdulsalam", "Rashad al-Alimi"),
                ("salary payments", "a prisoner exchange", "the reopening of roads")),
    Negotiation("the war in Sudan", ("Sudanese Armed Forces", "Rapid Support Forces"),
                ("Saudi Arabia", "United States", "African Union"),
                ("Jeddah", "Geneva", "Addis Ababa"),
                ("Abdel Fattah al-Burhan", "Mohamed Hamdan Dagalo", "Tom Perriello"),
                ("humanitarian corridors", "a nationwide truce", "the protection of civilians")),
    Negotiation("peace in eastern Congo", ("Democratic Republic of Congo", "Rwanda"),
                ("Qatar", "United States", "Angola"), ("Doha", "Washington", "Luanda"),
                ("Felix Tshisekedi", "Paul Kagame", "Massad Boulos", "Corneille Nangaa"),
                ("the withdrawal of troops", "a framework for peace", "the return of refugees")),
    Negotiation("peace in northern Ethiopia",
                ("Ethiopia", "Tigray People's Liberation Front"), ("African Union", "Kenya"),
                ("Pretoria", "Nairobi"),
                ("Redwan Hussien", "Getachew Reda", "Olusegun Obasanjo", "Uhuru Kenyatta"),
                ("disarmament", "the restoration of services", "humanitarian access")),
    Negotiation("a peace treaty in the South Caucasus", ("Armenia", "Azerbaijan"),
                ("United States", "European Union"), ("Washington", "Brussels", "Almaty"),
                ("Ararat Mirzoyan", "Jeyhun Bayramov", "Nikol Pashinyan", "Ilham Aliyev"),
                ("border delimitation", "transit routes", "the text of a treaty")),
    Negotiation("normalising ties between Belgrade and Pristina", ("Serbia", "Kosovo"),
                ("European Union",), ("Brussels", "Ohrid"),
                ("Aleksandar Vucic", "Albin Kurti", "Miroslav Lajcak"),
                ("vehicle licence plates", "an association of municipalities",
                 "mutual recognition")),
    Negotiation("peace with the ELN rebels", ("Colombia", "ELN"),
                ("Cuba", "Norway", "Mexico"), ("Havana", "Caracas", "Mexico City"),
                ("Vera Grabe", "Pablo Beltran", "Gustavo Petro", "Otty Patino"),
                ("a bilateral ceasefire", "the participation of civil society",
                 "an end to kidnappings")),
    Negotiation("Venezuela's elections", ("Venezuela", "Unitary Platform"), ("Norway",),
                ("Mexico City", "Bridgetown"),
                ("Jorge Rodriguez", "Gerardo Blyde", "Nicolas Maduro"),
                ("electoral guarantees", "the lifting of sanctions", "political prisoners")),
    Negotiation("security on the Afghan-Pakistani border", ("Pakistan", "Taliban"),
                ("Qatar", "Turkey"), ("Doha", "Istanbul"),
                ("Khawaja Asif", "Amir Khan Muttaqi", "Mullah Mohammad Yaqoob"),
                ("cross-border attacks", "a verification mechanism", "trade crossings")),
    Negotiation("the border dispute between Thailand and Cambodia", ("Thailand", "Cambodia"),
                ("Malaysia", "United States"), ("Kuala Lumpur", "Putrajaya"),
                ("Hun Manet", "Phumtham Wechayachai", "Anwar Ibrahim"),
                ("observers on the border", "the return of displaced people",
                 "a truce along the frontier")),
    Negotiation("the future of north-east Syria",
                ("Syrian government", "Syrian Democratic Forces"), ("United States", "France"),
                ("Damascus", "Paris"),
                ("Ahmed al-Sharaa", "Mazloum Abdi", "Tom Barrack", "Asaad al-Shaibani"),
                ("the integration of armed units", "oil fields", "local administration")),
    Negotiation("trade between Washington and Beijing", ("United States", "China"),
                ("Switzerland", "Sweden"), ("Geneva", "London", "Stockholm", "Madrid"),
                ("Scott Bessent", "He Lifeng", "Jamieson Greer", "Li Chenggang"),
                ("tariffs", "export controls", "rare earth supplies")),
    Negotiation("Western Sahara", ("Morocco", "Polisario Front"), ("United Nations",),
                ("Geneva", "Rabat", "Algiers"),
                ("Staffan de Mistura", "Nasser Bourita", "Brahim Ghali"),
                ("autonomy", "a referendum", "the return of refugees")),
    Negotiation("the conflict between India and Pakistan", ("India", "Pakistan"),
                ("United States", "Saudi Arabia"), ("New Delhi", "Islamabad", "Riyadh"),
                ("Ishaq Dar", "Subrahmanyam Jaishankar", "Asim Munir"),
                ("a ceasefire along the Line of Control", "water sharing", "airspace closures")),
)

OUTLETS = (
    ("Reuters", "reuters.example"), ("Agence France-Presse", "afp.example"),
    ("Associated Press", "apnews.example"), ("Al Jazeera", "aljazeera.example"),
    ("Anadolu Agency", "aa.example"), ("Xinhua", "xinhua.example"),
    ("The Guardian", "guardian.example"), ("Bloomberg", "bloomberg.example"),
    ("Deutsche Welle", "dw.example"), ("The National", "thenational.example"),
)

TYPES = ("meeting", "meeting", "meeting", "visit", "visit", "proposal", "statement",
         "statement", "rejection", "request", "agreement", "ceasefire")


@dataclass(frozen=True)
class Occasion:
    kind: str
    day: date
    venue: str
    actor: str  # the initiating party or person
    other: str  # the counterpart party
    mediator: str
    person: str
    issue: str


_WITH_THE = {"United States", "United Nations", "African Union", "European Union", "Houthis",
             "Taliban", "ELN", "Rapid Support Forces", "Sudanese Armed Forces",
             "Syrian Democratic Forces", "Syrian government", "Polisario Front",
             "Unitary Platform", "Tigray People's Liberation Front"}


def _the(name: str) -> str:
    """How a sentence names a party: "the United States", "Qatar"."""
    return f"the {name}" if name in _WITH_THE else name


def _cap(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]


def occasion(neg_index: int, week: int, slot: int) -> Occasion:
    """The ``slot``-th occasion of a negotiation in a week: the same for every article."""
    rnd = random.Random(f"occasion:{neg_index}:{week}:{slot}")
    neg = NEGOTIATIONS[neg_index]
    a, b = neg.parties if rnd.random() < 0.5 else neg.parties[::-1]
    return Occasion(
        kind=rnd.choice(TYPES),
        day=FIRST_DAY + timedelta(weeks=week, days=rnd.randrange(7)),
        venue=rnd.choice(neg.venues), actor=a, other=b,
        mediator=rnd.choice(neg.mediators), person=rnd.choice(neg.people),
        issue=rnd.choice(neg.issues),
    )


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _when(day: date, published: date, rnd: random.Random) -> str:
    """How a wire story dated ``published`` writes ``day``: "on Tuesday", "on March 4"..."""
    delta = (published - day).days
    if 0 < delta < 7 and rnd.random() < 0.8:
        return "on " + _WEEKDAYS[day.weekday()]
    if delta == 0:
        return rnd.choice(("on " + _WEEKDAYS[day.weekday()], "today"))
    if -7 < delta < 0:
        return "on " + _WEEKDAYS[day.weekday()]
    text = f"on {_MONTHS[day.month - 1]} {day.day}"
    return text if day.year == published.year else f"{text}, {day.year}"


def _sentence(occ: Occasion, published: date, topic: str, rnd: random.Random) -> str:
    """One sentence reporting an occasion, in the tense its date calls for."""
    w = _when(occ.day, published, rnd)
    a, b, m = _the(occ.actor), _the(occ.other), _the(occ.mediator)
    p, v, issue = occ.person, occ.venue, occ.issue
    if occ.day > published:  # announced, not yet happened
        options = {
            "meeting": [f"Negotiators from {a} and {b} are expected to meet in {v} {w}, "
                        f"officials in {m} said.",
                        f"A new round of talks between {a} and {b} on {issue} is scheduled "
                        f"to open in {v} {w}, with {m} acting as mediator."],
            "visit": [f"{p} will travel to {v} {w} to meet mediators from {m}, his office "
                      f"said.",
                      f"A delegation from {a} is due to arrive in {v} {w} for talks on "
                      f"{issue}."],
        }.get(occ.kind, [f"{m} said it would present new ideas on {issue} to {a} and {b} "
                         f"{w}."])
        return _cap(rnd.choice(options))
    options = {
        "meeting": [f"Negotiators from {a} and {b} met in {v} {w} for talks mediated by {m}.",
                    f"Delegations of {a} and {b} held a fresh round of talks in {v} {w}, "
                    f"focusing on {issue}.",
                    f"{p} held talks with officials from {m} in {v} {w} on {issue}."],
        "visit": [f"{p} arrived in {v} {w} for consultations with {m} officials.",
                  f"A delegation from {a} travelled to {v} {w} to discuss {issue} with "
                  f"mediators from {m}."],
        "proposal": [f"{m} put forward a new proposal {w} to bridge the gaps between {a} "
                     f"and {b} over {issue}.",
                     f"{a} submitted its response to the latest draft on {issue} {w}, "
                     f"sources close to the talks said."],
        "statement": [f"{p} said {w} that {a} remained committed to the negotiations but "
                      f"would not give ground on {issue}.",
                      f"Speaking in {v} {w}, {p} said the talks on {issue} had made "
                      f"progress."],
        "rejection": [f"{a} rejected the proposal on {issue} {w}, calling it one-sided.",
                      f"{b} turned down the latest offer from {a} {w}, according to a "
                      f"statement."],
        "request": [f"{m} urged {a} and {b} {w} to return to the negotiating table.",
                    f"{p} called on {m} {w} to press {b} to accept a deal on {issue}."],
        "agreement": [f"{a} and {b} agreed {w} on {issue}, mediators from {m} announced.",
                      f"{a} and {b} signed a deal on {issue} in {v} {w}."],
        "ceasefire": [f"A ceasefire between {a} and {b} took effect {w}, {m} said.",
                      f"The truce between {a} and {b} was extended {w} for another week."],
    }[occ.kind]
    return _cap(rnd.choice(options))


_FILLER = (
    "Diplomats cautioned that significant gaps remained over {issue}.",
    "The talks on {topic} have stalled repeatedly over the past months.",
    "Analysts said both sides were under growing domestic pressure to show results.",
    "Officials who spoke on condition of anonymity described the atmosphere as tense but "
    "businesslike.",
    "Humanitarian agencies have warned that the situation on the ground continues to "
    "worsen.",
    "Neither side commented publicly on the details of the discussions.",
    "A senior diplomat said a breakthrough on {issue} was not expected soon.",
    "Previous rounds ended without agreement, and the mediators have since shuttled "
    "between the two camps.",
    "Critics at home accused the government of making too many concessions.",
    "The mediators have proposed a series of confidence-building measures.",
    "Observers noted that the two delegations did not meet face to face.",
    "The dispute over {issue} has been at the heart of the negotiations from the start.",
    "Markets reacted cautiously to the reports, with investors waiting for firmer signals.",
    "Relatives of those affected by the conflict gathered outside the venue to demand "
    "progress.",
    "One participant described the latest exchanges as the most detailed so far.",
    "Opposition lawmakers demanded that the terms be put to a vote in parliament.",
    "The United Nations has repeatedly called for restraint and for access for aid convoys.",
    "Both camps have accused each other of using the talks to buy time.",
    "Officials familiar with the file said technical teams would continue their work.",
    "The two sides disagree on the sequencing of any arrangement on {issue}.",
    "Regional powers have followed the process closely, fearing a wider escalation.",
    "Earlier drafts circulated among diplomats contained several bracketed passages.",
    "A spokesperson declined to give details, saying discretion was essential.",
    "The conflict over {topic} has displaced hundreds of thousands of people.",
)


def article(n: int, seed: int = 1) -> tuple[str, str]:
    """(file name, file text) of the ``n``-th article of a series."""
    rnd = random.Random(f"article:{seed}:{n}")
    neg_index = rnd.randrange(len(NEGOTIATIONS))
    neg = NEGOTIATIONS[neg_index]
    week = rnd.randrange(1, WEEKS - 1)
    published = FIRST_DAY + timedelta(weeks=week, days=rnd.randrange(7))
    outlet, domain = rnd.choice(OUTLETS)
    # This week's and last week's occasions, sometimes next week's as announced.
    reported = [occasion(neg_index, week, s) for s in rnd.sample(range(3), 2)]
    reported += [occasion(neg_index, week - 1, s) for s in rnd.sample(range(3), 2)]
    if rnd.random() < 0.4:
        reported.append(occasion(neg_index, week + 1, 0))
    lead = reported[0]
    sentences = [_sentence(o, published, neg.topic, rnd) for o in reported]
    if rnd.random() < 0.5:  # background: an earlier round, dated to the month
        back = occasion(neg_index, max(0, week - rnd.randrange(6, 30)), 0)
        sentences.append(f"An earlier round of talks between {_the(back.actor)} and "
                         f"{_the(back.other)} "
                         f"in {back.venue} in {_MONTHS[back.day.month - 1]} ended without a "
                         f"deal.")
    title = _cap(f"{_the(lead.actor)} and {_the(lead.other)}: talks on {lead.issue} continue")
    dateline = f"{lead.venue.upper()} ({outlet}) - "
    body = [dateline + sentences[0]]
    rest = sentences[1:]
    fillers = rnd.sample(_FILLER, len(_FILLER))
    while fillers and sum(len(s) for s in body) + sum(len(s) for s in rest) < TARGET_CHARS:
        rest.insert(rnd.randrange(len(rest) + 1),
                    fillers.pop().format(issue=lead.issue, topic=neg.topic))
    for i in range(0, len(rest), 2):
        body.append(" ".join(rest[i:i + 2]))
    slug = "-".join(title.lower().replace(":", "").split()[:6])
    url = f"https://{domain}/{published:%Y/%m/%d}/{slug}-{n}"
    text = (f"---\ntitle: {title}\nurl: {url}\noutlet: {outlet}\npublished: {published}\n"
            f"---\n{title}\n\n" + "\n\n".join(body) + "\n")
    return f"article-{n:06d}.txt", text


def write_articles(out: Path, count: int, *, seed: int = 1, per_dir: int = 1000,
                   start: int = 0) -> list[Path]:
    """Write articles ``start .. start+count-1`` in folders of ``per_dir``; the folders."""
    dirs: list[Path] = []
    for n in range(start, start + count):
        d = out / f"batch-{(n - start) // per_dir:03d}"
        if not dirs or dirs[-1] != d:
            d.mkdir(parents=True, exist_ok=True)
            dirs.append(d)
        name, text = article(n, seed)
        (d / name).write_text(text, encoding="utf-8")
    return dirs
