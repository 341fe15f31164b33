// Implementation of word_cache.h.
#include "analysis/word_cache.h"

#include "base/status.h"

namespace jil::analysis {

const AnalyzedWord* WordCache::find(Language language, std::u16string_view word) const {
  const Words& words = words_[static_cast<size_t>(language)];
  const auto found = words.find(word);
  return found == words.end() ? nullptr : &found->second;
}

const AnalyzedWord& WordCache::remember(Language language, std::u16string_view word,
                                        AnalyzedWord analyzed) {
  JIL_CHECK(!full(language));
  return words_[static_cast<size_t>(language)]
      .try_emplace(std::u16string(word), std::move(analyzed))
      .first->second;
}

}  // namespace jil::analysis
