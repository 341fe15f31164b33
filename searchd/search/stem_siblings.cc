// Implementation of stem_siblings.h: one bounded prefix scan of the index's terms per stem and
// language, remembered for the life of the object (one query).
#include "search/stem_siblings.h"

#include <algorithm>

namespace jil::search {

bool StemSiblings::has_stem(const std::string& form, const std::string& stem,
                            analysis::Language language) {
  for (const analysis::Token& token : analyzer_.analyze(form, language)) {
    if (std::find(token.stems.begin(), token.stems.end(), stem) != token.stems.end()) return true;
  }
  return false;
}

const std::vector<std::string>& StemSiblings::forms(const std::string& stem,
                                                    analysis::Language language) {
  const auto key = std::make_pair(language, stem);
  if (const auto known = known_.find(key); known != known_.end()) return known->second;
  std::vector<std::string> found;
  size_t read = 0;
  size_t checked = 0;
  for (auto term = database_.allterms_begin(stem); term != database_.allterms_end(stem); ++term) {
    if (++read > kMaxStemTermsRead || checked >= kMaxStemFormsChecked) break;
    const std::string form = *term;
    if (form.size() > stem.size() + kMaxInflectionBytes) continue;
    ++checked;
    if (has_stem(form, stem, language)) found.push_back(form);
  }
  return known_.emplace(key, std::move(found)).first->second;
}

}  // namespace jil::search
