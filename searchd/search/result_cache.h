// A bounded cache of one worker's search results, keyed by the index revision and the normalised
// request (which holds the reader's language): a repeated search within one revision is answered
// without running it again; a commit by the indexer empties it. Not thread-safe: one per Searcher.
#pragma once

#include <cstddef>
#include <cstdint>
#include <list>
#include <string>
#include <unordered_map>
#include <utility>

#include "search/search_request.h"

namespace jil::search {

// Results kept per worker (a page of results with its facets is some tens of kilobytes).
inline constexpr size_t kResultCacheEntries = 256;

class ResultCache {
 public:
  explicit ResultCache(size_t capacity) : capacity_(capacity) {}

  // The results stored for `key` in `revision`, or null; the entry becomes the most recent.
  const SearchResults* find(uint64_t revision, const std::string& key);
  // Stores `results`, dropping the least recently used entry when full.
  void store(uint64_t revision, const std::string& key, const SearchResults& results);

  uint64_t hits() const { return hits_; }
  uint64_t misses() const { return misses_; }

 private:
  using Entry = std::pair<std::string, SearchResults>;
  void clear_if_stale(uint64_t revision);

  const size_t capacity_;
  uint64_t revision_ = 0;
  std::list<Entry> entries_;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> by_key_;
  uint64_t hits_ = 0;
  uint64_t misses_ = 0;
};

// Every field of a request in one string: equal strings for equal requests.
std::string cache_key(const SearchRequest& request);

}  // namespace jil::search
