// Folds Arabic spelling variants (harakat, tatweel, alef forms, alef maqsura, ta marbuta) so that
// index and query spell a word alike, and lists the word without its attached article,
// conjunctions and prepositions (ال و ف ب ك ل and combinations). Used by analysis/token_folding.cc.
#pragma once

#include <unicode/unistr.h>

#include <vector>

namespace jil::analysis {

// True for code points of the Arabic blocks (base, supplement, extended, presentation forms).
bool is_arabic(UChar32 c);

// Removes harakat, Quranic marks and tatweel; unifies alef forms (أ إ آ ٱ → ا), ى → ي, ة → ه,
// and Persian kaf/yeh to Arabic. Input must already be NFKC case-folded (presentation forms gone).
icu::UnicodeString fold_arabic(const icu::UnicodeString& word);

// Removes harakat, Quranic marks and tatweel only; alef forms stay, so that proclitics are found
// before آل/أل/إل are unified with the article ال.
icu::UnicodeString strip_arabic_marks(const icu::UnicodeString& word);

// For a word without marks, the forms without proclitics that a search should also match, e.g.
// "وبالمحكمة" → {"بالمحكمة", "المحكمة", "محكمة"}. Never returns the word itself or forms under
// 2 letters. Callers fold each variant.

std::vector<icu::UnicodeString> arabic_clitic_variants(const icu::UnicodeString& folded);

}  // namespace jil::analysis
