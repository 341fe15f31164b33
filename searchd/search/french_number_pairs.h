// Singular and plural of a French noun that Snowball's French stemmer parts. Its step 2a takes
// "-it" and "-ir" for verb endings, so the singular loses them and the plural keeps them:
// conflit → confl but conflits → conflit; délit → del, délits → delit; désir → des, désirs →
// desir. The index keeps each document's own stems, so the query side pairs the two numbers:
// a singular also asks for its plural's stem, a plural also for its singular's form.
#pragma once

#include <string>
#include <vector>

#include "analysis/analyzer.h"

namespace jil::search {

struct NumberPair {
  std::vector<std::string>
      stems;  // stems (unprefixed) of the other number, as documents index them
  std::vector<std::string> forms;  // folded forms of the other number (no stem of its own to ask)
  bool empty() const { return stems.empty() && forms.empty(); }
};

// What `form` (a folded word as the analyzer gives it) pairs with when read as French. Empty for
// words the stemmer treats alike in both numbers (juge/juges, délai/délais), and for words that
// are not Latin letters. A verb's "-it" (il finit) pairs with a plural stem no document has,
// which costs one term lookup and finds nothing.
NumberPair french_number_pair(const std::string& form, analysis::Analyzer& analyzer);

}  // namespace jil::search
