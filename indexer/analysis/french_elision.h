// Splits French elision (l'éducation, d'intérêts, qu'il, jusqu'à) so that the word after the
// apostrophe is indexed and searched on its own; the elided article is dropped.
#pragma once

#include <unicode/unistr.h>

namespace jil::analysis {

// Returns the word after an elided prefix, or `word` unchanged when there is none.
// `word` must be case-folded and use U+0027 for apostrophes.
icu::UnicodeString strip_french_elision(const icu::UnicodeString& word);

// Removes an English possessive "'s" (judge's → judge).
icu::UnicodeString strip_english_possessive(const icu::UnicodeString& word);

}  // namespace jil::analysis
