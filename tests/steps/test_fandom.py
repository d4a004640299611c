import pytest

import ficlens
from ficlens.steps.fandom import from_disclaimer


@pytest.mark.parametrize(
    "text, fandom",
    [
        ("Disclaimer: I do not own Grey's Anatomy.", "Grey's Anatomy"),
        ("I don't own Greys Anatomy or any of its characters", "Grey's Anatomy"),
        ("Grey's Anatomy belongs to Shonda Rhimes, not me.", "Grey's Anatomy"),
        ("All characters belong to Shonda Rhimes.", "Grey's Anatomy"),
        ("I don't own Firefly.", "Firefly"),
        ("I don't own anything.", None),
    ],
)
def test_fandom_from_disclaimer(text, fandom):
    assert from_disclaimer(text) == fandom


def test_fandom_roster_gives_canonical_names():
    text = 'Disclaimer: I do not own Grey\'s Anatomy.\n\nChapter 1\n\n"Hey," said Derek.\n\n"Hi," said Mark.'
    d = ficlens.analyze(text).to_dict()
    assert {c["name"] for c in d["characters"]} >= {"Derek Shepherd", "Mark Sloan"}


def test_fandom_guessed_from_full_names():
    text = "Meredith Grey and Derek Shepherd argued. Cristina Yang laughed. Meredith Grey left."
    assert ficlens.analyze(text).to_dict()["work"]["fandoms"] == ["Grey's Anatomy"]


def test_someone_the_fandom_does_not_list_takes_their_turns():
    # A fandom's roster names its canon, not the story's cast: the customer, whom Good Omens does
    # not list, answers Aziraphale as freely as a canon character would.
    text = (
        "Disclaimer: I do not own Good Omens.\n\n"
        "Crowley was sprawled on the sofa in the back room, watching.\n\n"
        '"Excuse me," said Priya. "How much is this one?"\n\n'
        '"Ah," said Aziraphale. "That one. Hm. That one is not, strictly speaking, for sale."\n\n'
        '"It\'s on the shelf."\n\n'
        '"Yes."\n\n'
        '"In a shop."\n\n'
        '"Quite."'
    )
    d = ficlens.analyze(text).to_dict()
    assert d["work"]["fandoms"] == ["Good Omens (TV)"]
    names = {c["id"]: c["name"] for c in d["characters"]}
    assert [names.get(q["speaker"]) for q in d["quotes"]][-4:] == ["Priya", "Aziraphale (Good Omens)", "Priya", "Aziraphale (Good Omens)"]


@pytest.mark.parametrize(
    "opening, fandom, lines",
    [
        (
            "I don't own Baldur's Gate 3.\n\nAstarion and Shadowheart sat by the fire.",
            "Baldur's Gate (Video Games)",
            [("Darling, you wound me", "vampire spawn", "Astarion (Baldur's Gate)"), ("Go to sleep", "cleric", "Shadowheart (Baldur's Gate)")],
        ),
        (
            "Disclaimer: Heartstopper belongs to Alice Oseman.\n\nNick Nelson ran in from the rain.",
            "Heartstopper (Comics)",
            [("You're late", "Nicky", "Nick Nelson")],
        ),
        (
            "I don't own Game of Thrones.\n\nJaime Lannister leaned on the wall by Cersei Lannister.",
            "A Song of Ice and Fire & Related Fandoms",
            [("Sister", "Kingslayer", "Jaime Lannister")],
        ),
        (
            "I don't own MDZS.\n\nWei Wuxian grinned at Lan Wangji.",
            "魔道祖师 - 墨香铜臭 | Módào Zǔshī - Mòxiāng Tóngxiù",
            [("Wei Ying", "Hanguang-jun", "Lan Zhan | Lan Wangji")],
        ),
    ],
)
def test_the_newer_fandoms_give_their_names_and_epithets(opening, fandom, lines):
    # Each line is said by a nickname or an epithet only the fandom's roster knows.
    body = "\n\n".join(f'"{said}," said {"the " if who.islower() else ""}{who}.' for said, who, _ in lines)
    d = ficlens.analyze(f"{opening}\n\n{body}").to_dict()
    assert d["work"]["fandoms"] == [fandom]
    names = {c["id"]: c["name"] for c in d["characters"]}
    assert [names.get(q["speaker"]) for q in d["quotes"]] == [name for _, _, name in lines]
