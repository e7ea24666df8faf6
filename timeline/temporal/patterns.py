"""Regular-expression vocabulary of English news time expressions.

The rules are alternatives of one alternation, tried at the start of each trigger word;
each top-level named group is a rule and ``match.lastgroup`` says which rule fired. The
order of the alternatives matters: Python's ``re`` takes the first alternative that
matches, so longer, more specific rules come first.

Compiling the whole alternation costs more than finding the dates of a short article, so
nothing is compiled at import: ``alternation(names)`` compiles (once per process) only the
rules that can start at the trigger words a text actually contains (``NARROW``).
"""

from __future__ import annotations

import re
from functools import cache

__all__ = [
    "AFTER",
    "NARROW",
    "RULE_NAMES",
    "alternation",
    "TOKEN",
    "TRIGGERS",
    "MONTHS",
    "NUMBER_WORDS",
    "ORDINALS",
    "SEASONS",
    "UNIT_CODES",
    "WEEKDAYS",
]

MONTHS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS: dict[str, int] = {
    "mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6,
}  # fmt: skip
NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "couple": 2, "dozen": 12,
}  # fmt: skip
ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "thirtieth": 30, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "last": 4,
}  # fmt: skip
SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
}  # fmt: skip
# Unit word stem -> (TIMEX3 duration letter, needs the "T" time designator)
UNIT_CODES: dict[str, tuple[str, bool]] = {
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True), "day": ("D", False),
    "night": ("D", False), "week": ("W", False), "fortnight": ("W", False),
    "month": ("M", False), "quarter": ("Q", False), "year": ("Y", False),
    "decade": ("E", False), "centur": ("C", False),
}  # fmt: skip

# --- building blocks -------------------------------------------------------------------
_MON_FULL = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)"
)
_MON_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
MON = rf"(?:{_MON_FULL}|{_MON_ABBR}|{_MON_FULL.upper()})"
WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
DAYNUM = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
_ORD_DAY = (
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|"
    r"twenty-\w+|thirtieth|thirty-first)"
)
YEAR4 = r"(?:1[5-9]\d\d|20\d\d)(?![\d,.]\d)"
_SPOKEN_YEAR = (
    r"(?i:nineteen[\s-](?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|\w+teen)"
    r"|two\s+thousand(?:\s+and)?(?:\s+(?:one|two|three|four|five|six|seven|eight|nine|ten))?)"
)
ANY_YEAR = rf"(?:{YEAR4}|{_SPOKEN_YEAR})"
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_SMALL = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen)"
)
NUM = (
    rf"(?i:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?(?:\s+1/2)?"
    rf"|{_TENS}(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|{_SMALL}"
    rf"|a\s+hundred|hundreds\s+of|a\s+couple\s+of|a\s+few|a\s+dozen|several|few|many|some"
    rf"|couple\s+of|an?)"
)
UNIT = (
    r"(?i:seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|quarters?|years?"
    r"|decades?|century|centuries)"
)
_MOD = (
    r"(?i:about|around|nearly|almost|some|roughly|approximately|more\s+than|less\s+than|"
    r"at\s+least|at\s+most|up\s+to|no\s+more\s+than|no\s+less\s+than|barely|fewer\s+than"
    r"|over)"
)
POD = r"(?i:morning|afternoon|evening|night|overnight)"
_TOD = (
    r"(?:(?:\d{1,2}(?::\d\d)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    r"\s*(?:a\.m\.?|p\.m\.?|am\b|pm\b|A\.M\.?|P\.M\.?|AM\b|PM\b|o'clock)|\d{1,2}:\d\d(?!\d)"
    r"|noon|midnight"
    r"|midday"
    # wire style: "0600 GMT", "at 2100 hours"
    r"|(?:[01]\d|2[0-3])[0-5]\d(?:(?=\s*(?:GMT|UTC)\b)|\s+hours\b))"
)
_TZ = r"(?:\s+(?:[ECMP][SD]T|GMT|UTC|local\s+time)\b)"
_DAYWORD = rf"(?:{WD}|(?i:today|yesterday|tomorrow|tonight))"
_MONDAY = rf"(?:{MON}\s+{DAYNUM}(?:,?\s+{YEAR4})?)"
_REL = (
    r"(?i:last|this|next|the\s+past|the\s+last|the\s+current|the\s+coming|the\s+next|"
    r"the\s+previous|the\s+following|this\s+past|this\s+coming|the\s+same|that|the)"
)
_EDGE = (
    r"(?i:(?:the\s+)?(?:end|beginning|start|middle|close|turn|rest)\s+of(?:\s+the)?|"
    r"early|late|mid|earlier|later)"
)
_QORD = r"(?i:first|second|third|fourth|1st|2nd|3rd|4th)"
# "around Nov. 1", "about 1990": TimeML keeps the approximation in the span (mod APPROX)
_ABOUT = r"(?i:around|about|approximately|circa|roughly)"
_HOLIDAY = (
    r"(?:Orthodox\s+(?:Christmas|Easter)(?:\s+(?:Day|Eve|Sunday))?|Ramadan"
    r"|Eid[\s-](?:al|ul|el)[\s-](?:Fitr|Adha)|Nowruz|Norouz|Nowrouz|Novruz|Nauryz"
    r"|Thanksgiving(?:\s+Day)?|Christmas(?:\s+(?:Day|Eve))?|New\s+Year's(?:\s+(?:Day|Eve))?"
    r"|Election\s+Day|Easter\s+(?:Sunday|Monday)|Independence\s+Day|Labor\s+Day|Memorial\s+Day"
    r"|Veterans\s+Day|Halloween|Valentine's\s+Day|Good\s+Friday|Boxing\s+Day"
    r"|Palm\s+Sunday|Ash\s+Wednesday|(?:Maundy|Holy)\s+Thursday|Holy\s+Saturday|Pentecost"
    r"|Whit\s+Sunday|Ascension\s+Day|Epiphany|Passover|Pesach|Purim|Rosh\s+Hashanah?"
    r"|Yom\s+Kippur|Sukkot|Succot|Hanukk?ah|Chanukk?ah|Armistice\s+Day|Remembrance\s+Day"
    r"|V-?E\s+Day|Victory\s+Day|Bastille\s+Day|Fourth\s+of\s+July)"
)

# --- the rules, most specific first ----------------------------------------------------
_RULES: list[tuple[str, str]] = [
    # "Oct. 24-26", "between Monday and Wednesday", "from March 3 to March 5"
    (
        "range_md",
        rf"{MON}\s+{DAYNUM}\s*(?:(?:-|–|—)\s*(?:{MON}\s+)?|\s+(?:to|through)\s+){DAYNUM}"
        rf"(?:,?\s+{YEAR4})?",
    ),
    # "10-12 March 2024", "from 10 to 12 March": the day-first range of British news
    (
        "range_dm",
        rf"{DAYNUM}\s*(?:-|–|—|\s(?i:to|and|through|until)\s)\s*{DAYNUM}\s+(?:(?i:of)\s+)?{MON}"
        rf"(?:,?\s+{YEAR4})?",
    ),
    (
        "range_between",
        rf"(?i:between)\s+(?:{_MONDAY}|{WD})\s+(?i:and|to|through|until)"
        rf"\s+(?:{_MONDAY}|{MON}\s+{DAYNUM}|{DAYNUM}|{WD})",
    ),
    # "the night of 18 March", "the early hours of Tuesday": no rule of their own; TempEval's
    # annotators tag the day alone ("18 March", "Tuesday"), which the rules below find
    # "the first week of July", "the second half of June": part of a month
    (
        "month_part",
        r"(?i:the\s+(?:(?:first|second|third|fourth|last|final)\s+week|(?:first|second|last"
        rf"|latter)\s+half)\s+of)\s+{_MON_FULL}(?:,?\s+{YEAR4})?",
    ),
    # "on the 24th,": a day of the month the story is in
    (
        "day_of_month",
        r"(?i:the)\s+(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)"
        r"(?=\s*[,.;:)]|\s*$|\s+(?i:and|to|through|until|or)\s+(?:the\s+)?\d)",
    ),
    # "today is the eighth day of the siege": the DCT, counted from the start of something
    (
        "nth_day",
        r"(?i:the\s+(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
        r"|\d{1,3}(?:st|nd|rd|th))\s+day)(?=\s+(?i:of|since|running|in\s+a\s+row)\b)",
    ),
    # "the week of March 6": the calendar week that contains the day
    ("week_of", rf"(?i:the\s+week\s+of)\s+{_MONDAY}"),
    # "the day before last Tuesday", "the day after Oct. 23": one day off a named day
    (
        "day_around",
        rf"(?i:(?:the\s+)?day\s+(?:before|after))\s+(?:(?:(?i:last|next|this)\s+)?{WD}"
        rf"(?!,?\s+{MON}\s+\d)|{_MONDAY})",
    ),
    # "2019-2021", "2023-24": one span of years ("between 1994 and 1997" stays two, as in
    # TimeML)
    ("range_years", rf"{YEAR4}\s*[-–]\s*(?:{YEAR4}|\d\d)(?![\d%-])"),
    (
        "iso",
        r"\d{4}-[01]\d-[0-3]\d(?:T[0-2]\d:[0-5]\d(?::[0-5]\d)?)?(?![\d-])"
        r"|\d{4}/[01]?\d/[0-3]?\d(?![\d/])",
    ),
    ("numeric", r"(?<![\d/.])[01]?\d/[0-3]?\d/(?:\d{4}|\d\d)(?![\d/])"),
    # "5 p.m. EST, Nov. 6", "noon Thursday", "10:35 a.m."
    (
        "clock",
        rf"(?:(?i:around|about|shortly\s+(?:after|before))\s+)?"
        rf"(?:{_TOD}|{NUM}\s+in\s+the\s+(?i:morning|afternoon|evening))"
        rf"{_TZ}?(?:,?\s+(?:(?i:on)\s+)?(?:{_MONDAY}|{_DAYWORD}))?",
    ),
    # "Friday, Oct. 23", "Oct. 24, 2024", "October 24th"
    (
        "mdy",
        rf"(?:{_ABOUT}\s+)?(?:{WD},?\s+)?(?:(?i:this\s+coming|early|late)\s+)?{_MONDAY}",
    ),
    ("md_spoken", rf"(?:{WD},?\s+)?{MON}\s+(?:the\s+)?{_ORD_DAY}(?:,?\s+{ANY_YEAR})?"),
    ("dmy", rf"(?:{WD},?\s+)?(?:the\s+)?{DAYNUM}\s+(?:of\s+)?{MON}(?:,?\s+{YEAR4})?"),
    ("my", rf"(?:(?:{_EDGE})[\s-]+)?{_MON_FULL}(?:\s+of)?,?\s+{ANY_YEAR}"),
    ("my_rel", rf"(?:(?:{_EDGE})[\s-]+)?{_MON_FULL}\s+(?i:this|last|next)\s+year"),
    # "the past two months", "two-year", "the first nine months", "a few days"
    (
        "year_ago",
        r"(?i:(?:the\s+)?(?:comparable\s+|corresponding\s+)?(?:year[\s-]ago|"
        rf"year[\s-]earlier)(?:\s+{_QORD})?(?:\s+(?:quarter|period|nine\s+months)))"
        r"|(?i:the\s+(?:corresponding|comparable|same)\s+(?:period|quarter|month|week)\s+"
        r"(?:a\s+year\s+(?:ago|earlier|before)|last\s+year|the\s+(?:previous|prior)\s+year))"
        r"|(?i:the\s+quarter\s+a\s+year\s+(?:ago|earlier))",
    ),
    (
        "quarter",
        rf"(?:(?i:the|this\s+year's|last\s+year's|next\s+year's)\s+)?"
        rf"(?:{YEAR4}(?:'s)?\s+)?(?:(?i:fiscal)[\s-]+)?(?:{YEAR4}\s+)?"
        rf"{_QORD}[\s-](?:(?i:fiscal)[\s-])?(?i:quarter)(?![\w])"
        rf"(?:\s+(?i:of\s+)?(?:(?i:fiscal\s+)?{YEAR4}|(?i:this|last|next)\s+year)"
        rf"|,\s+{YEAR4})?"
        # "the last quarter of 2023" is its fourth; "the last quarter" alone is the one before
        rf"|(?i:the\s+)?(?i:last|final)[\s-](?i:quarter)\s+(?i:of)\s+(?:(?i:fiscal\s+)?{YEAR4}"
        r"|(?i:this|last|next|the)\s+year)",
    ),
    ("qcode", r"\bQ[1-4](?:\s+(?:1[5-9]\d\d|20\d\d))?\b"),
    (
        "half",
        rf"(?i:the\s+)?(?i:first|second|last|latter)\s+half(?:\s+of\s+(?:(?i:fiscal\s+)?"
        rf"{YEAR4}|(?i:this|last|next)\s+year|(?i:the|this)\s+year))?"
        r"(?!\s+(?i:of\s+the)\s+(?!(?i:year)))",  # "the last half of the '80s": a decade's
    ),
    (
        "ctx_quarter",
        r"(?i:(?:the|this|that)\s+(?:latest|current|previous|same|recent"
        r"|comparable|just-ended|just\s+ended|fiscal|)\s*(?:quarter|period)(?![\w-])"
        r"|(?:the\s+)?\d{4}\s+(?:period|quarter)|(?:last|this|next)\s+year's\s+(?:quarter"
        r"|period)(?![\w-]))",
    ),
    (
        "ago",
        rf"(?:{_MOD}\s+)?{NUM}(?:\s+(?i:or|to)\s+{NUM})?[\s-]+{UNIT}(?:\s+or\s+so)?"
        r"\s+(?i:ago|earlier|later|from\s+now|hence)(?![\s-]+\w+ing\b)",
    ),
    # "day-long", "a two-week-long strike", "decades-long": durations used as adjectives
    (
        "long_dur",
        rf"(?:(?:\d+|{_TENS}|{_SMALL})-)?(?i:(?:second|minute|hour|day|night|week|month|year"
        r"|decade)s?|century|centuries)-long(?![\w-])",
    ),
    (
        "dur",
        rf"(?:{_MOD}\s+)?(?:(?i:the|its|each\s+of\s+the|an?\s+additional|another)\s+)?"
        r"(?:(?i:past|last|next|first|previous|coming|following|latest|final|remaining"
        r"|initial|ensuing|preceding|subsequent)\s+)?"
        rf"{NUM}(?:\s+(?i:or|to|and)\s+{NUM})?(?:\s+(?i:and\s+a\s+half))?"
        r"(?:\s+(?i:more|straight|consecutive|full|trading|business|working|calendar))?"
        rf"[\s-]+{UNIT}(?:\s+(?i:and\s+a\s+half))?"
        r"(?:\s+(?i:or\s+so|or\s+two|or\s+three|ahead|running))?"
        r"(?:\s+(?i:period|term|span|stretch|window)(?![\w-]))?(?![\w-]|\s+old\b)",
    ),
    # "another year", "an additional month": one more of the unit
    (
        "another",
        r"(?i:an?\s+additional|another)\s+(?:second|minute|hour|day|night|week|fortnight|month"
        r"|quarter|year|decade)(?![\w-])",
    ),
    (
        "vague_dur",
        r"(?i:(?:the\s+)?(?:coming|next\s+few|next\s+several|past\s+few|past\s+several"
        r"|last\s+few|last\s+several|recent)\s+(?:days|weeks|months|quarters|years|decades)"
        r"|the\s+(?:days|weeks|months|years)\s+ahead"
        # "the first hours of the assault", "the early years": a stretch of an event
        r"|the\s+(?:(?:first|opening|final|closing|last)\s+(?:hours|days|weeks|months|years)"
        r"|early\s+(?:days|weeks|months|years))(?=\s+of\b))",
    ),
    (
        "vague_for",
        r"(?i:(?:for|in|within|over)\s+(?:days|weeks|months|years|decades|centuries|hours"
        r"|minutes)(?:\s+(?:or|and)\s+(?:days|weeks|months|years|decades))?"
        r"(?![\w-]|\s+(?:ago|to|and|or|before|after|later|earlier|now)\b)"
        r"|(?:over|through|down)\s+the\s+(?:years|decades|centuries)(?![\w-])"
        r"|for\s+a\s+(?:long\s+|short\s+|little\s+)?while(?![\w-]))",
    ),
    # "in the weeks before the shooting", "days after the vote": a vague stretch around an
    # event; TimeML tags the plural alone
    (
        "vague_around",
        r"(?i:(?:the\s+)?(?:days|weeks|months|years|decades)"
        r"(?=\s+(?:before|after|leading\s+up|preceding|following|that\s+followed|prior\s+to)\b))",
    ),
    (
        "vague_dur2",
        r"(?i:(?:days|weeks|months|years|decades)\s+ago(?![\w-]))"
        # "after months of talks", "weeks of fighting": a vague stretch ("Days of Rage" and
        # "the days of the week" are no such thing)
        r"|(?:[Dd]ays|[Ww]eeks|[Mm]onths|[Yy]ears|[Dd]ecades|[Cc]enturies)"
        r"(?=\s+of\s+(?!the\s+week\b|age\b)[a-z])",
    ),
    # "the next day", "that same day", "the day before": anchored on the story's last day
    (
        "rel_day",
        r"(?i:(?:the\s+)?(?:next|following|previous|preceding|same)\s+(?:day|morning|evening"
        r"|night)|(?:(?:earlier|later)\s+)?that\s+(?:same\s+)?(?:day|morning|evening|night))"
        r"(?![\w-])",
    ),
    ("year_ago_bare", r"(?i:year[\s-]ago|year[\s-]earlier)"),
    (
        "pod_rel",
        rf"(?i:(?:early|late|later|earlier|mid-?)\s*)?(?i:this|yesterday|tomorrow|last)"
        rf"\s+{POD}",
    ),
    # "mid-afternoon yesterday", "by late morning": a part of the day just mentioned
    (
        "pod_day",
        r"(?i:(?:early|late|mid)(?:-|\s*)(?:morning|afternoon|evening)"
        r"(?:\s+(?:yesterday|today|tomorrow))?"
        r"|(?:morning|afternoon|evening|night)\s+(?:yesterday|today|tomorrow))"
        # "the early morning of 24 February": the day is tagged, not the part of it
        r"(?![\w-]|\s+of\b)",
    ),
    (
        "holiday",
        rf"(?:(?i:last|this|next)\s+)?(?:(?:{_HOLIDAY}|Easter)\s+(?i:week)(?![\w-])"
        rf"|{_HOLIDAY}(?:,?\s+{YEAR4})?)",
    ),
    (
        "weekday",
        rf"(?:(?i:early|late|earlier|later|mid-?|the\s+previous|the\s+following|"
        rf"last|next|this\s+coming|this\s+past|this)\s+)?{WD}"
        # "Monday of last week": a day of a named week
        rf"(?:\s+of\s+(?i:last|next|this|the\s+previous|the\s+following)\s+week(?![\w-])"
        rf"|(?:s\b)?(?:\s+{POD}(?:s\b)?)?)"
        rf"(?!,?\s+{MON}\s+\d)",
    ),
    (
        "dayword",
        r"(?i:(?:early|late|earlier|later)\s+)?(?i:(?:the\s+day\s+(?:after|before)\s+)?"
        r"(?:today|yesterday|tomorrow|tonight))"
        r"(?:\s+(?i:morning|afternoon|evening|night))?",
    ),
    # "the day before the vote": a day placed by an event; TimeML tags "the day"
    ("day_event", r"(?i:the\s+day)(?=\s+(?:before|after)\s+(?!\w+ing\b))"),
    (
        "season",
        r"(?i:(?:(?:early|late|mid|last|this\s+past|this|next|the|(?:the\s+)?(?:end|beginning)"
        r"\s+of(?:\s+the)?)[\s-]+){0,3}(?:spring|summer|fall|autumn|winter))"
        rf"(?:\s+(?:of\s+)?{ANY_YEAR})?(?![\w-])",
    ),
    (
        "rel",
        rf"(?:{_EDGE}[\s-]+)?(?:{_REL}\s+)(?:(?i:fiscal|calendar)\s+)?"
        r"(?i:week(?:end)?|month|quarter|year|decade|century)(?:\s+(?i:or\s+so))?"
        r"(?![\w-]|\s+(?:\d|two\b|nineteen\b))",
    ),
    ("end_year", rf"(?:{_ABOUT}\s+)?(?i:year[\s-]end|year's\s+end|end[\s-]of[\s-]year)"),
    ("full_year", r"(?i:the\s+(?:full|whole|entire)\s+year|earlier\s+in\s+the\s+year)(?![\w-])"),
    ("rel_month", rf"(?:(?:{_EDGE}|(?i:last|this|next))[\s-]+){_MON_FULL}(?!\s+\d)"),
    ("month", rf"(?:{_MON_FULL}|(?:Jan|Feb|Aug|Sept|Oct|Nov|Dec)\.)(?![\w-])"),
    (
        "decade",
        r"(?i:(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?:\d\d\d0s|'\d0s|(?:nineteen[\s-])?"
        r"(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))"
        r"|(?:the\s+)?(?:first|second|last|latter)\s+half\s+of\s+the\s+(?:'\d0s|\d\d\d0s))",
    ),
    (
        "century",
        r"(?i:(?:the\s+)?(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth"
        r"|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth"
        r"|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty[\s-](?:first|second))"
        r"\s+century)",
    ),
    ("fiscal", rf"(?i:fiscal(?:\s+year)?|FY)\s*(?:{YEAR4}|'\d\d)"),
    (
        "year",
        rf"(?:{_ABOUT}\s+)?(?:(?:{_EDGE}|(?i:post|pre)|(?i:the\s+year))[\s-]+)?(?<![\w$#.,])"
        # not the last group of a telephone number ("1-800-555-2024")
        r"(?<!(?<!\d)\d\d\d-)"
        rf"(?:{ANY_YEAR})(?![\w%$]|-\d)"
        # "1994 or later", "1990 and beyond": an open-ended span from the year
        r"(?:\s+(?i:or\s+(?:later|earlier|before|after)|and\s+(?:beyond|after|later)))?",
    ),
    (
        "set",
        # "every two weeks", "every 48 hours": one occurrence per stretch of that length
        rf"(?i:every\s+(?:\d+|{_TENS}(?:[\s-]\w+)?|{_SMALL}|few)\s+(?:seconds|minutes|hours|days"
        r"|weeks|months|years)"
        r"|(?:every|each|per)\s+(?:other\s+)?(?:second|minute|hour|day|night|week|month"
        r"|quarter|year|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
        r"|January|February|March|April|May|June|July|August|September|October|November"
        r"|December|spring|summer|fall|autumn|winter)"
        r"|daily|weekly|monthly|annually|yearly|quarterly|hourly|nightly|biweekly"
        r"|bimonthly|semiannually|semi-annually|twice\s+a\s+(?:day|week|month|year)"
        r"|once\s+a\s+(?:day|week|month|year))(?![\w-])",
    ),
    (
        "ref",
        r"(?i:the\s+(?:(?:near|foreseeable|distant|immediate)\s+)?future|the\s+past"
        r"|the\s+near\s+term|the\s+short\s+term|currently|(?:more\s+|most\s+)?recently"
        r"|recent|nowadays|these\s+days|at\s+present|at\s+the\s+moment|the\s+present"
        r"|now|current)(?![\w-])",
    ),
]


# The rules that can start at each trigger word, in groups of words that start the same
# rules (a token of digits is looked up as "0"). find_times tries only these, and only at
# these words: trying every rule at every word start is what made it slow. The table is
# checked against the rules by tests/test_temporal_starts.py, which names what to add.
_STARTS: dict[str, str] = {
    "clock ago long_dur dur": (
        "eight eighteen eighty eleven fifteen fifty five forty four fourteen nine ninety one "
        "seven seventeen seventy six sixteen sixty ten thirteen thirty three twelve"
    ),
    "holiday": (
        "armistice ascension ash bastille boxing chanukah chanukkah christmas easter eid "
        "election epiphany good halloween hanukah hanukkah holy independence labor maundy "
        "memorial nauryz new norouz novruz nowrouz nowruz orthodox palm passover pentecost "
        "pesach purim ramadan remembrance rosh succot sukkot thanksgiving v valentine ve "
        "veterans victory whit yom"
    ),
    "century": (
        "eighteenth eighth eleventh fifteenth fifth fourteenth nineteenth ninth seventeenth "
        "seventh sixteenth sixth tenth thirteenth twelfth twentieth"
    ),
    "set": (
        "annually bimonthly biweekly daily every hourly monthly nightly once per quarterly semi "
        "semiannually twice weekly yearly"
    ),
    "range_md mdy md_spoken my my_rel month": (
        "april august december february january july june march may november october september"
    ),
    "long_dur": "century decade hour minute month nights seconds week",
    "decade": "' eighties fifties forties nineties seventies sixties thirties twenties",
    "ago dur": "almost barely fewer less nearly no up",
    "mdy md_spoken dmy weekday": "friday monday saturday sunday thursday tuesday wednesday",
    "range_md mdy md_spoken month": "aug dec feb jan nov oct sept",
    "ref": "current currently most now nowadays recently these",
    "weekday": "fridays mondays saturdays sundays thursdays tuesdays wednesdays",
    "clock ago dur": "couple few hundreds many several some",
    "dur": "ensuing initial its latest remaining subsequent",
    "long_dur vague_around vague_dur2": "days decades months weeks years",
    "long_dur vague_around": "hours minutes",
    "my my_rel rel rel_month year": "close middle rest start turn",
    "range_md mdy md_spoken": "apr jul jun mar sep",
    "season": "autumn fall spring summer winter",
    "vague_for": "down for in through within",
    "clock": "midday midnight noon shortly",
    "dur rel_day": "following preceding previous",
    "pod_day": "afternoon evening morning",
    "ago dur ref": "at more",
    "clock ago dur another": "a an",
    "clock mdy ago dur end_year year": "about around",
    "dayword": "today tonight",
    "dur vague_dur": "coming past",
    "mdy ago dur end_year year": "approximately roughly",
    "mdy my my_rel pod_rel pod_day weekday dayword season rel rel_month decade year": "early late",
    "pod_rel dayword": "tomorrow yesterday",
    "quarter century": "third",
    "quarter century holiday": "fourth",
    "year": "post pre",
    "year_ago": "comparable corresponding",
    "ago dur vague_for": "over",
    "clock ago long_dur dur century": "twenty",
    "clock ago long_dur dur decade year": "nineteen",
    "clock ago long_dur dur year": "two",
    "ctx_quarter rel_day rel": "that",
    "day_around long_dur": "day",
    "dur another": "another",
    "dur set": "each",
    "fiscal": "fy",
    "half decade": "latter",
    "long_dur pod_day": "night",
    "long_dur vague_dur2": "centuries",
    "mdy end_year year": "circa",
    "mdy quarter ctx_quarter pod_rel holiday weekday season rel rel_month": "this",
    "my my_rel pod_rel pod_day weekday season rel rel_month decade year": "mid",
    "my my_rel rel_day pod_rel weekday dayword rel full_year rel_month year": "earlier",
    "my my_rel rel_day pod_rel weekday dayword rel rel_month year": "later",
    "my my_rel season rel end_year rel_month year": "end",
    "my my_rel season rel rel_month year": "beginning",
    (
        "month_part day_of_month nth_day week_of day_around dmy my my_rel year_ago quarter half "
        "ctx_quarter dur vague_dur vague_around rel_day weekday dayword day_event season rel "
        "full_year rel_month decade century year ref"
    ): "the",
    "qcode": "q",
    "quarter ctx_quarter dur vague_dur rel_day holiday weekday season rel rel_month": "next",
    "quarter dur": "final",
    "quarter fiscal": "fiscal",
    (
        "quarter half ctx_quarter dur vague_dur pod_rel holiday weekday season rel rel_month decade"
    ): "last",
    "quarter half dur decade century": "first",
    "quarter half long_dur decade century": "second",
    "range_between": "between",
    (
        "range_dm range_years iso numeric clock dmy quarter ctx_quarter ago long_dur dur decade "
        "century year"
    ): "0",
    "rel_day": "same",
    "vague_dur ref": "recent",
    "year_ago long_dur year_ago_bare end_year": "year",
}
NARROW: dict[str, tuple[str, ...]] = {
    word: tuple(rules.split()) for rules, words in _STARTS.items() for word in words.split()
}
TRIGGERS: frozenset[str] = frozenset(NARROW) - {"0", "'"}
# Frequent words that start expressions only before certain words ("the past", "a week"):
# find_times tries their rules only when the next token begins with one of these (its
# first three letters; "0" for digits), which saves most of the matching at "the"
# (tests/test_temporal_starts.py derives them from the rules too).
_AFTER: dict[str, str] = {
    "the": (
        "' 0 a aft an aut beg cal cen clo com cor cou cur day dec dis ear eig el ele end ens "
        "ent eve fal few fif fin fir fis fiv fol for fou ful fut hou hun imm in ini jus las "
        "lat man mid min mon mor nea nex nig nin on one ope pas per pre q qua rec rem res sam "
        "sec sev sho six sma so som spr st sta sub sum ten th the thi thr tur twe two wee who "
        "win yea"
    ),
    "a": (
        "a add an and bus cal cen con cou day dec doz few for ful hou hun in min mon mor nig or q "
        "qua sec st str to tra wee wor yea"
    ),
    "an": (
        "a add an and bus cal cen con day dec for ful hou in min mon mor nig or q qua sec st str "
        "to tra wee wor yea"
    ),
}
AFTER: dict[str, frozenset[str]] = {w: frozenset(words.split()) for w, words in _AFTER.items()}
TOKEN = re.compile(r"[A-Za-z]+|\d+|'\d")


RULE_NAMES: tuple[str, ...] = tuple(name for name, _ in _RULES)


@cache
def alternation(names: tuple[str, ...] | None = None) -> re.Pattern[str]:
    """The rules `names` (all of them if None) as one compiled alternation."""
    chosen = [(n, rx) for n, rx in _RULES if names is None or n in names]
    return re.compile(r"(?<![\w])(?:" + "|".join(f"(?P<{n}>{rx})" for n, rx in chosen) + ")")
