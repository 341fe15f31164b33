// Implementation of word_cache.h: a hash map on route + UTF-16 text, emptied when full.
#include "analysis/word_cache.h"

namespace jil::analysis {

void WordCache::make_key(char16_t route, const icu::UnicodeString& word) {
  key_.clear();
  key_.push_back(route);
  if (word.length() > 0) key_.append(word.getBuffer(), static_cast<size_t>(word.length()));
}

const CachedWord* WordCache::find(char16_t route, const icu::UnicodeString& word) {
  if (!accepts(word)) return nullptr;
  make_key(route, word);
  const auto found = entries_.find(key_);
  return found == entries_.end() ? nullptr : &found->second;
}

void WordCache::insert(char16_t route, const icu::UnicodeString& word, CachedWord analysed) {
  if (!accepts(word)) return;
  if (entries_.size() >= limit_) entries_.clear();
  make_key(route, word);
  entries_.insert_or_assign(key_, std::move(analysed));
}

void WordCache::set_limit(size_t words) {
  limit_ = words;
  if (entries_.size() > limit_) entries_.clear();
}

}  // namespace jil::analysis
