"""Case search: what goes into the search index and how a query is answered.

One row per case in table ``case_search`` (local, derived, rebuilt from the records at will):
- ``rowid`` is the case's *list key*: ``received date (proleptic ordinal) × 2**24 + n``, where n
  counts the cases of that day in the order they were indexed. Ordering by rowid is the case
  list's order (newest received first), so every query — FTS5 included, which returns rowids
  in order natively — can stop after the first page instead of sorting every match: the
  reason a 1-character query over 200,000 cases takes milliseconds, not hundreds.
- ``grams``: every character and every pair of adjacent characters of the party names (also
  legal representatives and agents), of their pinyin initials (both readings of a polyphonic
  surname) and of the case's sequence number, space-separated. Indexed by FTS5 (``case_grams``,
  ``ascii`` tokenizer: every non-ASCII character is part of a token), it answers queries of 1–2
  characters with one index lookup: a 2-character query is a substring of a name exactly when
  it is one of its pairs. (The trigram index cannot answer them, and most Chinese names have
  2–3 characters.) Also every *pair* (not single character) of adjacent characters of the
  summary, claims and place, so that 2-character words of the case text (院墙, 借款 — most
  Chinese words have two characters) are found. Single characters of the text are left out on
  purpose: a 1-character query then means a name, initial or number (张 finds the Zhangs, not
  every case whose summary mentions 张), and the index stays about a third smaller. Pairs with
  whitespace or ASCII punctuation are skipped (the ``ascii`` tokenizer would cut them into
  single-character tokens and make 1-character queries match the text after all).
- ``body``: everything searchable (names, initials, case number, ID numbers, phones, summary,
  claims, place, referral note), indexed by FTS5 with the trigram tokenizer (``case_fts``) for
  queries of 3+ characters.
Without FTS5 the same columns are scanned with ``instr`` (slower, same results).
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache



def _pypinyin():
    """pypinyin, imported at first use: loading its dictionaries takes ~0.25 s, and opening
    the app (which only searches) should not pay for it — only writing a case does."""
    import pypinyin

    return pypinyin


@lru_cache(maxsize=None)  # bounded by the number of distinct characters
def _char_initials(ch: str) -> frozenset[str]:
    """Every pinyin initial a single character can have (empty for non-Chinese characters)."""
    p = _pypinyin()
    found = p.pinyin(ch, style=p.Style.FIRST_LETTER, heteronym=True, errors="ignore")
    return frozenset(found[0]) if found and found[0] else frozenset()


def _rest_initials(rest: str) -> str:
    """Initials of the given name. Fast path: when every character has one possible initial,
    context cannot change the result, so per-character lookups equal ``lazy_pinyin`` (and
    are ~20× faster — this matters when 200,000 cases are indexed at once)."""
    letters: list[str] = []
    for ch in rest:
        found = _char_initials(ch)
        if len(found) > 1:
            p = _pypinyin()
            return "".join(p.lazy_pinyin(rest, style=p.Style.FIRST_LETTER, errors="ignore"))
        letters.extend(found)
    return "".join(letters)


@lru_cache(maxsize=65536)  # names repeat a lot; bulk indexing of 200,000 cases hits it often
def name_initials(name: str) -> tuple[str, ...]:
    """Pinyin initials of a name; a polyphonic surname yields every reading (曾 → zgf, cgf)."""
    if not name:
        return ()
    rest = _rest_initials(name[1:])
    heads = sorted(_char_initials(name[0])) or [""]
    return tuple(dict.fromkeys((h + rest).lower() for h in heads if h + rest))


DAY_SHIFT = 24  # list key = date ordinal << 24 | n (up to 16 million cases a day)


def day_of(received_date: str) -> int:
    """The day part of a list key for an ISO received date (a value that is not one, which
    the record rules never let in, sorts first rather than breaking the index)."""
    try:
        return date.fromisoformat(received_date).toordinal()
    except (TypeError, ValueError):
        return 1


def _text(value) -> str:
    """A stored value as indexable text: derived data never depends on values being
    well-formed (a number where text belongs is indexed as its digits, anything else not)."""
    if isinstance(value, str):
        return value
    return str(value) if isinstance(value, int) else ""


def key_range(day: int) -> tuple[int, int]:
    """The [low, high) range of list keys of one day."""
    return day << DAY_SHIFT, (day + 1) << DAY_SHIFT


def _grams(text: str, out: dict) -> None:
    text = "".join(text.split())
    for i, ch in enumerate(text):
        out[ch] = None
        if i + 1 < len(text):
            out[text[i:i + 2]] = None


# Runs of characters whose pairs are indexed: non-ASCII characters other than spaces (CJK,
# full-width punctuation) and ASCII letters and digits.
_PAIR_RUN = re.compile(r"(?:[^\x00-\x7f\s]|[0-9A-Za-z])+")


def _text_pairs(text: str, out: dict) -> None:
    """Add the pairs of adjacent characters of case text (see the module docstring)."""
    for run in _PAIR_RUN.findall(text):
        for i in range(len(run) - 1):
            out[run[i:i + 2]] = None


# The columns the index is made of: what index_texts reads of a case and of its parties,
# with what CaseManager.index_many needs to place the row (bulk paths load only these).
CASE_COLUMNS = ("id", "received_date", "case_no", "case_seq", "summary", "claims", "place",
                "referral_note")
PARTY_COLUMNS = ("case_id", "seq", "kind", "name", "legal_rep", "agent_name", "id_number",
                 "phone", "agent_phone")


def index_texts(case: dict, parties: list[dict]) -> tuple[str, str]:
    """Return (grams, body) for one case and its parties (see the module docstring); reads
    the columns named in CASE_COLUMNS and PARTY_COLUMNS."""
    names: list[str] = []
    numbers: list[str] = []
    grams: dict[str, None] = {}
    for p in parties:
        person = p.get("kind", "person") != "organisation"
        for n, is_person in ((p.get("name"), person), (p.get("legal_rep"), True),
                             (p.get("agent_name"), True)):
            if n and isinstance(n, str):
                names.append(n)
                _grams(n.lower(), grams)
                # Initials of people only: those of long organisation names would make every
                # two-letter query match half the companies.
                for initials in (name_initials(n) if is_person else ()):
                    names.append(initials)
                    _grams(initials, grams)
        for n in (p.get("id_number"), p.get("phone"), p.get("agent_phone")):
            if _text(n):
                numbers.append(_text(n).replace("-", ""))
    if _text(case.get("case_seq")):
        _grams(_text(case["case_seq"]), grams)
    for field in ("summary", "claims", "place"):
        _text_pairs(_text(case.get(field)).lower(), grams)
    body = " ".join([_text(case.get("case_no")), *names, *numbers,
                     *(_text(case.get(f)) for f in ("summary", "claims", "place",
                                                    "referral_note"))])
    # Lower case, as queries are: FTS5 matches ASCII letters case-blind, the scan must too.
    return " ".join(grams), body.lower()


_SPACE_IN_NUMBER = re.compile(r"(?<=\d) (?=\d)")


def normalise_query(text: str) -> str:
    """Lower case, single spaces, no dashes or spaces between digits (phones and ID numbers
    are indexed without them, people type "139 1234 5678") and full-width brackets (as in case
    numbers, which people type with ASCII ones)."""
    text = " ".join((text or "").split()).lower().replace("-", "")
    text = _SPACE_IN_NUMBER.sub("", text)
    return text.replace("(", "（").replace(")", "）")


def fts_phrase(text: str) -> str:
    """Quote a query as one FTS5 phrase (double quotes doubled)."""
    return '"' + text.replace('"', '""') + '"'
