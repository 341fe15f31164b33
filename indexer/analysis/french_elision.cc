// The elided prefixes of French: articles, pronouns and conjunctions that drop their vowel.
#include "analysis/french_elision.h"

#include <array>

namespace jil::analysis {

icu::UnicodeString strip_french_elision(const icu::UnicodeString& word) {
  static const std::array<const char16_t*, 14> kPrefixes = {
      u"l'", u"d'",  u"j'",     u"m'",      u"n'",      u"s'",      u"t'",
      u"c'", u"qu'", u"jusqu'", u"lorsqu'", u"puisqu'", u"quoiqu'", u"presqu'"};
  for (const char16_t* prefix : kPrefixes) {
    const icu::UnicodeString elided(prefix);
    if (word.length() > elided.length() && word.startsWith(elided)) {
      return icu::UnicodeString(word, elided.length());
    }
  }
  return word;
}

icu::UnicodeString strip_english_possessive(const icu::UnicodeString& word) {
  if (word.length() > 2 && word.endsWith(icu::UnicodeString(u"'s"))) {
    return icu::UnicodeString(word, 0, word.length() - 2);
  }
  return word;
}

}  // namespace jil::analysis
