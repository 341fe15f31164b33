// Arabic orthographic folding and light proclitic stripping (in the spirit of Larkey's light10,
// without suffix removal: the Snowball stemmer handles suffixes for the Z terms).
#include "analysis/arabic_folding.h"

#include <algorithm>

namespace jil::analysis {
namespace {

constexpr UChar32 kAlef = 0x0627;
constexpr UChar32 kLam = 0x0644;
constexpr UChar32 kWaw = 0x0648;
constexpr UChar32 kFeh = 0x0641;
constexpr UChar32 kBeh = 0x0628;
constexpr UChar32 kKaf = 0x0643;

bool is_harakah_or_mark(UChar32 c) {
  return (c >= 0x064B && c <= 0x065F) || c == 0x0670 || (c >= 0x06D6 && c <= 0x06ED) ||
         (c >= 0x0610 && c <= 0x061A) || c == 0x0640 /* tatweel */;
}

UChar32 fold_letter(UChar32 c) {
  switch (c) {
    case 0x0622:  // alef with madda
    case 0x0623:  // alef with hamza above
    case 0x0625:  // alef with hamza below
    case 0x0671:  // alef wasla
      return kAlef;
    case 0x0649:
      return 0x064A;  // alef maqsura → yeh
    case 0x0629:
      return 0x0647;  // ta marbuta → heh
    case 0x06A9:
      return kKaf;  // Persian keheh → kaf
    case 0x06CC:
      return 0x064A;  // Farsi yeh → yeh
    default:
      return c;
  }
}

bool starts_with(const icu::UnicodeString& word, std::initializer_list<UChar32> prefix) {
  int32_t index = 0;
  for (UChar32 c : prefix) {
    if (index >= word.length() || word.char32At(index) != c) return false;
    index = word.moveIndex32(index, 1);
  }
  return true;
}

int32_t letters(const icu::UnicodeString& word) { return word.countChar32(); }

icu::UnicodeString drop_letters(const icu::UnicodeString& word, int32_t count) {
  return icu::UnicodeString(word, word.moveIndex32(0, count));
}

void add_variant(std::vector<icu::UnicodeString>& variants, const icu::UnicodeString& original,
                 icu::UnicodeString candidate) {
  if (letters(candidate) < 2 || candidate == original) return;
  if (std::find(variants.begin(), variants.end(), candidate) == variants.end()) {
    variants.push_back(std::move(candidate));
  }
}

// Strips the article and the single-letter prepositions from a word with no conjunction.
void add_article_variants(std::vector<icu::UnicodeString>& variants,
                          const icu::UnicodeString& original, const icu::UnicodeString& word) {
  const int32_t length = letters(word);
  if (starts_with(word, {kAlef, kLam}) && length >= 4) {
    add_variant(variants, original, drop_letters(word, 2));  // ال
  } else if (starts_with(word, {kLam, kLam}) && length >= 4) {
    add_variant(variants, original, drop_letters(word, 2));  // لل = ل + ال
    add_variant(variants, original, drop_letters(word, 1));  // للجنة = ل + اللجنة
  } else if ((starts_with(word, {kBeh, kAlef, kLam}) || starts_with(word, {kKaf, kAlef, kLam}) ||
              starts_with(word, {kFeh, kAlef, kLam})) &&
             length >= 5) {
    add_variant(variants, original, drop_letters(word, 1));  // بال → ال...
    add_variant(variants, original, drop_letters(word, 3));  // ...and the bare noun
  } else if ((starts_with(word, {kBeh}) || starts_with(word, {kKaf}) ||
              starts_with(word, {kLam})) &&
             length >= 4) {
    add_variant(variants, original, drop_letters(word, 1));
  }
}

}  // namespace

bool is_arabic(UChar32 c) {
  return (c >= 0x0600 && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F) ||
         (c >= 0x08A0 && c <= 0x08FF) || (c >= 0xFB50 && c <= 0xFDFF) ||
         (c >= 0xFE70 && c <= 0xFEFF);
}

icu::UnicodeString fold_arabic(const icu::UnicodeString& word) {
  icu::UnicodeString out;
  for (int32_t index = 0; index < word.length();) {
    const UChar32 c = word.char32At(index);
    index = word.moveIndex32(index, 1);
    if (is_harakah_or_mark(c)) continue;
    out.append(fold_letter(c));
  }
  return out;
}

icu::UnicodeString strip_arabic_marks(const icu::UnicodeString& word) {
  icu::UnicodeString out;
  for (int32_t index = 0; index < word.length();) {
    const UChar32 c = word.char32At(index);
    index = word.moveIndex32(index, 1);
    if (!is_harakah_or_mark(c)) out.append(c);
  }
  return out;
}

std::vector<icu::UnicodeString> arabic_clitic_variants(const icu::UnicodeString& folded) {
  std::vector<icu::UnicodeString> variants;
  add_article_variants(variants, folded, folded);
  if ((starts_with(folded, {kWaw}) || starts_with(folded, {kFeh})) && letters(folded) >= 4) {
    const icu::UnicodeString without_conjunction = drop_letters(folded, 1);
    add_variant(variants, folded, without_conjunction);
    add_article_variants(variants, folded, without_conjunction);
  }
  return variants;
}

}  // namespace jil::analysis
