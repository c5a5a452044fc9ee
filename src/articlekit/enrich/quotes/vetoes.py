"""The named vetoes of the built-in rules: why a rule rejected an anchor that was its case.

A rule returns ``Veto(name)``; ``articlekit quotes --explain`` and ``explain_quotes`` list the
name. Each name here says what the check found; a plugin's rules may use these names or their
own."""

from __future__ import annotations

__all__ = ["VETOES"]

VETOES: dict[str, str] = {
    "adverb_not_speaker": "the word before the verb is an adverb opening the sentence ('Widely derided by ...')",
    "credit_line": "the name under a quote is a credit (an agency, an outlet, 'Staff Writer'), not a speaker",
    "not_speaker_label": "the phrase before a colon names no one: no name, no noun of a person or group ('The menu')",
    "content_before_speaker": "words of a clause stand before the speaker: they are not an introduction",
    "embedded": "the quoted words stand inside the writer's sentence, which goes on after the attribution",
    "introduction_not_words": "the words before a trailing attribution only introduce it ('In a statement, X ...')",
    "implausible_subject": "the words before the verb cannot be its subject ('many other states')",
    "inside_clause": "'according to' stands inside a clause, neither opening nor closing the words",
    "more_than_attribution": "more than an attribution follows the verb: the sentence goes on",
    "new_sentence": "the quote ends its sentence; the verb after it starts a new one",
    "no_agreement": "a verb in the present that cannot agree with the words before it: a noun ('his home state')",
    "no_comma": "a participle with no comma to set its clause apart",
    "no_quoted_words": "a characterising verb with no quoted words after it (quiet: never listed)",
    "no_speaker": "no speaker mention next to the cue",
    "no_subject_and_verb": "no subject that can speak and no verb in the past after the quote",
    "no_words": "no reported words: nothing after the cue, or what is there was already taken",
    "not_attribution_punctuation": "the quote does not end with a comma, a question or exclamation mark or a dash",
    "not_parenthetical": "words on both sides of the speaker, but the verb runs on into its object: no 'A, X said, B'",
    "not_inversion": "'..., said' with a clause after it: not an inverted attribution",
    "not_past_tense": "the verb after the quote is not in the past",
    "noun_not_verb": "the cue follows an article or a preposition: a noun ('the state', 'of tweets')",
    "object_not_subject": "the words before the verb end in a verb: they are its object's, not its subject",
    "relative_that": "'that' before a plural verb is a relative pronoun, not reported words ('states that have ...')",
    "runs_on": "the sentence runs on after the attribution",
    "scorer": "the opt-in scored_quote rule's scorer reads the quoted words as no one's (quiet: never listed)",
    "sentence_ends_before_cue": "a sentence ends between the quote and the cue",
    "speaker_scorer": "the scored_quote rule's speaker ranker scores every candidate speaker below its floor (quiet)",
    "taken": "the cue already belongs to a quote (quiet: never listed)",
    "title": "the quoted words are a title in Title Case, not someone's words",
    "unclear_subject": "'A, and B by saying': whose clause it is is unclear",
    "verb_phrase_after": "an infinitive follows a verb that needs a clause ('continues to lead', 'vowed to act')",
    "words_between_cue_and_quote": "other words stand between the cue and the quote",
}
"""Veto name -> what it means."""
