// One bounded cache of search results shared by every search thread, keyed by the normalised
// request (which holds the reader's language) and valid for one version of the index: a repeated
// search is answered without running it again, on whichever thread it lands; a commit by the
// indexer (or an index replaced by another) empties it. Bounded in bytes, least recently used
// dropped first. Thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>

#include "search/search_request.h"

namespace jil::search {

// What the results of a search are valid for: one database (its UUID) at one revision.
struct IndexVersion {
  std::string uuid;
  uint64_t revision = 0;
  bool operator==(const IndexVersion&) const = default;
};

// Bytes of results kept by default (searchd --cache-mb), and the most an option may ask.
inline constexpr size_t kDefaultResultCacheBytes = size_t{64} << 20;
inline constexpr size_t kMaxResultCacheBytes = size_t{1} << 30;
// One answer larger than this share of the budget is not kept (a page of 50 with long snippets
// should not push out dozens of ordinary pages).
inline constexpr size_t kMaxEntryShareOfBudget = 16;

class ResultCache {
 public:
  explicit ResultCache(size_t max_bytes) : max_bytes_(max_bytes) {}

  // The results stored for `key` in `version`, or null; the entry becomes the most recent.
  std::shared_ptr<const SearchResults> find(const IndexVersion& version, const std::string& key);
  // Stores `results`, dropping least recently used entries until the budget holds it. A version
  // newer than the cache's (or of another database) empties the cache first; an older one (a
  // thread that has not reopened the index yet) stores nothing.
  void store(const IndexVersion& version, const std::string& key,
             std::shared_ptr<const SearchResults> results);

  uint64_t hits() const;
  uint64_t misses() const;
  size_t bytes() const;    // estimated (approximate_bytes) bytes of the entries kept
  size_t entries() const;  // entries kept

 private:
  struct Entry {
    std::string key;
    std::shared_ptr<const SearchResults> results;
    size_t bytes = 0;
  };
  // Whether the cache holds answers of `version`, after emptying it for a newer one.
  bool adopt(const IndexVersion& version);

  const size_t max_bytes_;
  mutable std::mutex mutex_;
  IndexVersion version_;
  std::list<Entry> entries_;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> by_key_;
  size_t bytes_ = 0;
  uint64_t hits_ = 0;
  uint64_t misses_ = 0;
};

// Every field of a request in one string: equal strings for equal requests.
std::string cache_key(const SearchRequest& request);

// About how many bytes `results` take in memory: their own size and every string's and vector's
// heap block. An estimate for the cache's budget, not an exact count.
size_t approximate_bytes(const SearchResults& results);

}  // namespace jil::search
