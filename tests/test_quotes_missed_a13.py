"""Direct quotes missed entirely, ninth round (issue 14, session 14a13); each rule kept, on
sentences written here (none from a corpus)."""

from __future__ import annotations

import pytest

from tests.quote_rules import found


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the noun's phrase as the sentence's subject: its words end at the closing mark where the
        # main verb follows (the verb is not a noun the quoted words qualify)
        ('Ann Lee\'s claim that the vote was "rigged" was false.', ("Ann Lee", 'that the vote was "rigged"')),
        ('Mayor Kim\'s plea for "calm and patience" went unheard.', ("Mayor Kim", '"calm and patience"')),
        ('But Kim Lee\'s promise that the pier "will reopen soon" proved hollow.',
         ("Kim Lee", 'that the pier "will reopen soon"')),
        ('Still, the senator\'s call for "a fresh count" fell flat.', ("the senator", '"a fresh count"')),
        # not the subject: the phrase still runs on to the clause's end
        ('The debate turned on Kim Lee\'s claim that the board "never met once" in ten years.',
         ("Kim Lee", 'that the board "never met once" in ten years')),
    ],
)  # fmt: skip
def test_a_speech_noun_phrase_as_subject_ends_before_the_main_verb(sentence: str, expected: tuple[str, str]) -> None:
    made = [(speaker, words) for r, _, speaker, words in found(sentence) if r == "fragment_speech_noun"]
    assert made == [expected]
