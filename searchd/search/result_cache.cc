// Implementation of result_cache.h: an LRU list with a hash index into it.
#include "search/result_cache.h"

#include <algorithm>
#include <vector>

namespace jil::search {

void ResultCache::clear_if_stale(uint64_t revision) {
  if (revision == revision_) return;
  entries_.clear();
  by_key_.clear();
  revision_ = revision;
}

const SearchResults* ResultCache::find(uint64_t revision, const std::string& key) {
  clear_if_stale(revision);
  const auto found = by_key_.find(key);
  if (found == by_key_.end()) {
    ++misses_;
    return nullptr;
  }
  ++hits_;
  entries_.splice(entries_.begin(), entries_, found->second);
  return &found->second->second;
}

void ResultCache::store(uint64_t revision, const std::string& key, const SearchResults& results) {
  if (capacity_ == 0) return;
  clear_if_stale(revision);
  if (const auto found = by_key_.find(key); found != by_key_.end()) {
    found->second->second = results;
    entries_.splice(entries_.begin(), entries_, found->second);
    return;
  }
  if (entries_.size() >= capacity_) {
    by_key_.erase(entries_.back().first);
    entries_.pop_back();
  }
  entries_.emplace_front(key, results);
  by_key_.emplace(key, entries_.begin());
}

std::string cache_key(const SearchRequest& request) {
  // Fields separated by a byte no query contains (control characters are refused upstream, and
  // the query's length is given so no text can fake a separator anyway).
  std::string key = std::to_string(request.query.size());
  key += ':';
  key += request.query;
  auto add = [&key](const auto& value) {
    key += '\x1F';
    key += std::to_string(value);
  };
  add(static_cast<int>(request.query_language));
  add(request.page);
  add(request.size);
  add(static_cast<int>(request.sort));
  add(static_cast<int>(request.home_language));
  add(request.cross_language ? 1 : 0);
  add(request.year_from);
  add(request.year_to);
  add(request.collapse_translations ? 1 : 0);
  for (const auto& [facet, values] : request.filters) {
    add(static_cast<int>(facet));
    std::vector<std::string> sorted = values;  // OR within a facet: the order does not matter
    std::sort(sorted.begin(), sorted.end());
    for (const std::string& value : sorted) {
      add(value.size());
      key += ':';
      key += value;
    }
  }
  return key;
}

}  // namespace jil::search
