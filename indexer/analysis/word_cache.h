// A bounded cache of analysed words for one Analyzer: the tokens a word (or a run of Han
// characters) gives, keyed by how it was analysed and its UTF-16 text as segmented. A token taken
// from the cache only gets its own position and offsets. Not thread-safe, like the Analyzer.
#pragma once

#include <unicode/unistr.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "analysis/token.h"

namespace jil::analysis {

// At most this many words per Analyzer (per indexer or searchd thread): a few tens of MB at
// worst, and more than the distinct words of a 2,000-document corpus in one language. When full,
// the cache starts afresh (cheaper than keeping an eviction order, see README).
inline constexpr size_t kWordCacheWords = 65536;
// Longer words (UTF-16 units) are analysed each time: they are rare, and they would let a
// hostile text fill the cache with megabytes.
inline constexpr int32_t kMaxCachedWordUnits = 64;

// What one word gave: its tokens, with positions counted from 0 and byte offsets from the word's
// start, and how many positions it took (an over-long word takes one and gives no token).
struct CachedWord {
  std::vector<Token> tokens;
  uint32_t positions = 0;
};

class WordCache {
 public:
  // `route` tells analyses of one text apart: the language of a word, or one value for Han runs.
  // nullptr when absent.
  const CachedWord* find(char16_t route, const icu::UnicodeString& word);
  void insert(char16_t route, const icu::UnicodeString& word, CachedWord analysed);

  // 0 disables the cache. Lowering it empties the cache.
  void set_limit(size_t words);
  size_t limit() const { return limit_; }
  size_t size() const { return entries_.size(); }
  bool accepts(const icu::UnicodeString& word) const {
    return limit_ > 0 && word.length() <= kMaxCachedWordUnits;
  }

 private:
  void make_key(char16_t route, const icu::UnicodeString& word);

  size_t limit_ = kWordCacheWords;
  std::unordered_map<std::u16string, CachedWord> entries_;
  std::u16string key_;  // reused for each lookup, so that a hit allocates nothing
};

}  // namespace jil::analysis
