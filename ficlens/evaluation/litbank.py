"""Reading LitBank's quotation annotations (quotations/tsv) against the original texts.

LitBank annotates the first ~2,000 words of each novel, tokenised one sentence a
line; quotes are token spans and speakers are coreference labels such as
``Anne_Elliot-12``. The tokens are aligned back to ``original/<name>.txt`` so the
analysis runs on the real text, with its paragraphs, and the gold quotes become
character spans in it. Speakers are grouped by their coreference id; a speaker's
name is the label's words ("Anne Elliot").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from ficlens.errors import InputError
from ficlens.evaluation.gold import GoldCharacter, GoldNovel, GoldQuote


def _align(tokens: list[str], text: str) -> list[tuple[int, int]] | None:
    """Character span of each token in ``text``, found left to right."""
    spans = []
    pos = 0
    for tok in tokens:
        at = text.find(tok, pos, pos + 200 + len(tok))
        if at < 0:
            # Tokenisation may have changed a character (quotes, dashes): step over one token's width.
            m = re.compile(r"\S").search(text, pos)
            if not m:
                return None
            at = m.start()
            spans.append((at, min(len(text), at + len(tok))))
            pos = at + len(tok)
            continue
        spans.append((at, at + len(tok)))
        pos = at + len(tok)
    return spans


_PRONOUN_GENDER = {"he": "M", "him": "M", "his": "M", "himself": "M", "she": "F", "her": "F", "hers": "F", "herself": "F"}
_NOT_ALIASES = {"i", "me", "my", "you", "your", "we", "us", "our", "they", "them", "their", "it", "its"}


def _coref_entities(conll: Path) -> list[list[str]]:
    """Each coreference chain of a LitBank .conll file as the list of its mention strings."""
    toks: list[str] = []
    chains: dict[str, list[str]] = {}
    open_at: dict[str, list[int]] = {}
    for line in conll.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        i = len(toks)
        toks.append(cols[3])
        for part in cols[-1].split("|"):
            if part == "_":
                continue
            m = re.fullmatch(r"\((\d+)\)", part)
            if m:
                chains.setdefault(m.group(1), []).append(toks[i])
                continue
            m = re.fullmatch(r"\((\d+)", part)
            if m:
                open_at.setdefault(m.group(1), []).append(i)
                continue
            m = re.fullmatch(r"(\d+)\)", part)
            if m and open_at.get(m.group(1)):
                s = open_at[m.group(1)].pop()
                chains.setdefault(m.group(1), []).append(" ".join(toks[s : i + 1]))
    return list(chains.values())


def _words(name: str) -> list[str]:
    """A name's words, lower-cased, without the full stops of titles ("Mrs." = "Mrs")."""
    return [t.strip(".").lower() for t in name.split()]


# Words of a label that say nothing of whose chain it is: "the women" shares "the" with "The man".
_FUNCTION_WORDS = frozenset("the and his her who had been with was were that this one for not".split())


_TITLE_GENDER = {"mr": "M", "sir": "M", "lord": "M", "mrs": "F", "miss": "F", "lady": "F", "madame": "F", "ms": "F"}


def _enrich(chars: dict[str, GoldCharacter], chains: list[list[str]]) -> None:
    """Give each gold speaker the names and gender of the coreference chain that matches its label."""
    taken: set[int] = set()
    # Names that are another speaker's label: a chain that holds one (LitBank's "Gregory" in
    # Syme's chain) has it by a coreference error, and the alias would make the two one person.
    labels = {c.id: {t for t in _words(c.name) if len(t) > 2 and t not in _TITLE_GENDER and t not in _FUNCTION_WORDS} for c in chars.values()}
    for c in sorted(chars.values(), key=lambda c: -len(_words(c.name))):
        others = set().union(*(v for k, v in labels.items() if k != c.id)) - labels[c.id]
        label = {t for t in _words(c.name) if len(t) > 2 and t not in _FUNCTION_WORDS}
        # The label's first word after any title ("William" of "William Morel") must be in the chain,
        # when some chain has it: "Morel" alone would match his mother's chain as well.
        given = next((t for t in _words(c.name) if t not in _TITLE_GENDER), None)
        best, best_overlap = None, (0, False)
        for k, chain in enumerate(chains):
            if k in taken:
                continue
            words = {t for m in chain if m[:1].isupper() for t in _words(m)}
            overlap = (len(label & words), given in words)
            if overlap[0] and (overlap[1], overlap[0]) > (best_overlap[1], best_overlap[0]):
                best, best_overlap = k, overlap
        if best is None:
            continue
        taken.add(best)
        best = chains[best]
        for m in best:
            low = m.lower()
            if low in _NOT_ALIASES or low in _PRONOUN_GENDER:
                continue
            caps = [t for t in _words(m) if t not in _TITLE_GENDER]
            if caps and m[:1].isupper() and all(t in others for t in caps):
                continue
            if (m[:1].isupper() or low.startswith("the ")) and m not in c.aliases and m != c.name:
                c.aliases.append(m)
        votes = [_PRONOUN_GENDER[m.lower()] for m in best if m.lower() in _PRONOUN_GENDER]
        titled = _TITLE_GENDER.get(_words(c.name)[0]) if _words(c.name) else None
        if titled:
            c.gender = titled  # "Mrs  Morel" is a woman, whatever chain her label matched
        elif votes:
            c.gender = max(set(votes), key=votes.count)


def read_file(ann: Path, original: Path) -> GoldNovel | None:
    sentences = [line.split(" ") for line in ann.with_suffix(".txt").read_text(encoding="utf-8").split("\n")]
    text = original.read_text(encoding="utf-8")
    flat = [t for s in sentences for t in s if t]
    spans = _align(flat, text)
    if spans is None:
        return None
    index: dict[tuple[int, int], int] = {}
    k = 0
    for si, s in enumerate(sentences):
        ti = 0
        for t in s:
            if t:
                index[(si, ti)] = k
                k += 1
            ti += 1
    quotes: dict[str, tuple[int, int]] = {}
    speakers: dict[str, str] = {}
    for line in ann.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if cols[0] == "QUOTE" and len(cols) >= 6:
            a, b = index.get((int(cols[2]), int(cols[3]))), index.get((int(cols[4]), int(cols[5])))
            if a is not None and b is not None:
                quotes[cols[1]] = (spans[a][0], spans[b][1])
        elif cols[0] == "ATTRIB" and len(cols) >= 3:
            speakers[cols[1]] = cols[2]
    chars: dict[str, GoldCharacter] = {}
    gold = []
    for qid, (s, e) in sorted(quotes.items(), key=lambda kv: kv[1]):
        label = speakers.get(qid)
        cid = None
        if label:
            name, _, ref = label.rpartition("-")
            cid = ref or name
            pretty = name.replace("_", " ")
            c = chars.setdefault(cid, GoldCharacter(cid, pretty))
            if pretty != c.name and pretty not in c.aliases:
                c.aliases.append(pretty)
        inner_s, inner_e = s, e
        while inner_s < inner_e and text[inner_s] in "\"'\u201c\u201d\u2018\u2019 \n":
            inner_s += 1
        while inner_e > inner_s and text[inner_e - 1] in "\"'\u201c\u201d\u2018\u2019 \n":
            inner_e -= 1
        gold.append(GoldQuote([(inner_s, inner_e)], cid))
    end = spans[-1][1] if spans else 0
    conll = ann.parent.parent.parent / "coref" / "conll" / (ann.stem + ".conll")
    if conll.is_file():
        _enrich(chars, _coref_entities(conll))
    return GoldNovel(ann.stem.replace("_brat", ""), text, gold, list(chars.values()), annotated_end=end)


def read_litbank(root: str | Path, only: list[str] | None = None) -> Iterator[GoldNovel]:
    root = Path(root)
    tsv = root / "quotations" / "tsv"
    if not tsv.is_dir():
        raise InputError(f"{root}: no LitBank quotations found (expected DIR/quotations/tsv)")
    for ann in sorted(tsv.glob("*.ann")):
        if ann.stat().st_size == 0:
            continue
        name = ann.stem.replace("_brat", "")
        if only and name not in only:
            continue
        original = root / "original" / f"{name}.txt"
        if not original.is_file():
            continue
        novel = read_file(ann, original)
        if novel is not None:
            yield novel
