// Repairs Arabic as PDF text layers and old documents deliver it: presentation forms
// (U+FB50–FDFF, U+FE70–FEFF) become letters by NFKC, and lam-alef ligatures that poppler emits
// decomposed in visual order (alef before lam: "اإلعالن" for "الإعلان") are put back in logical
// order where that is unambiguous. Used by extractor.cc on every extracted text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace jil::extract {

struct ArabicRepairs {
  size_t presentation_forms = 0;  // code points normalized
  size_t lam_alef_pairs = 0;      // pairs put back in order
};

// `text` must be valid UTF-8; the result is too, and keeps every "\f" and "\n". Only patterns
// no Arabic word has are reordered:
//   two alefs (ا أ إ آ) in a row, then lam  →  alef, lam, alef
//       "اإلعالن" → "الإعالن", "االستقالل" → "الاستقالل", "إال" → "إلا"
//   "ال" as a word by itself  →  "لا"            "ال يستمد" → "لا يستمد"
// A swapped pair inside a word ("عالن" for "علان") is left alone: "عالم" is a word too.
std::string repaired_arabic(std::string_view text, ArabicRepairs& repairs);

}  // namespace jil::extract
