// Implementation of result_cache.h: an LRU list with a hash index into it, under one mutex.
#include "search/result_cache.h"

#include <algorithm>
#include <vector>

namespace jil::search {

bool ResultCache::adopt(const IndexVersion& version) {
  if (version == version_) return true;
  if (version.uuid == version_.uuid && version.revision < version_.revision) return false;
  entries_.clear();
  by_key_.clear();
  bytes_ = 0;
  version_ = version;
  return true;
}

std::shared_ptr<const SearchResults> ResultCache::find(const IndexVersion& version,
                                                       const std::string& key) {
  const std::lock_guard lock(mutex_);
  const auto found = version == version_ ? by_key_.find(key) : by_key_.end();
  if (found == by_key_.end()) {
    ++misses_;
    return nullptr;
  }
  ++hits_;
  entries_.splice(entries_.begin(), entries_, found->second);
  return found->second->results;
}

void ResultCache::store(const IndexVersion& version, const std::string& key,
                        std::shared_ptr<const SearchResults> results) {
  const size_t bytes = sizeof(Entry) + 2 * key.size() + approximate_bytes(*results);
  if (max_bytes_ == 0 || bytes > max_bytes_ / kMaxEntryShareOfBudget) return;
  const std::lock_guard lock(mutex_);
  if (!adopt(version)) return;
  if (const auto found = by_key_.find(key); found != by_key_.end()) {
    bytes_ -= found->second->bytes;
    entries_.erase(found->second);
    by_key_.erase(found);
  }
  while (!entries_.empty() && bytes_ + bytes > max_bytes_) {
    bytes_ -= entries_.back().bytes;
    by_key_.erase(entries_.back().key);
    entries_.pop_back();
  }
  entries_.push_front(Entry{key, std::move(results), bytes});
  by_key_.emplace(key, entries_.begin());
  bytes_ += bytes;
}

uint64_t ResultCache::hits() const {
  const std::lock_guard lock(mutex_);
  return hits_;
}

uint64_t ResultCache::misses() const {
  const std::lock_guard lock(mutex_);
  return misses_;
}

size_t ResultCache::bytes() const {
  const std::lock_guard lock(mutex_);
  return bytes_;
}

size_t ResultCache::entries() const {
  const std::lock_guard lock(mutex_);
  return entries_.size();
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
  const HitParts& parts = request.parts;
  add((parts.snippet ? 1 : 0) | (parts.title_highlighted ? 2 : 0) | (parts.work_languages ? 4 : 0) |
      (parts.other_versions ? 8 : 0));
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

namespace {

size_t heap_bytes(const std::string& text) {
  // Short strings live inside the object (15 bytes with libstdc++).
  return text.capacity() > 15 ? text.capacity() + 1 : 0;
}

size_t heap_bytes(const std::vector<std::string>& texts) {
  size_t bytes = texts.capacity() * sizeof(std::string);
  for (const std::string& text : texts) bytes += heap_bytes(text);
  return bytes;
}

size_t heap_bytes(const std::vector<TextPart>& parts) {
  size_t bytes = parts.capacity() * sizeof(TextPart);
  for (const TextPart& part : parts) bytes += heap_bytes(part.text);
  return bytes;
}

size_t heap_bytes(const schema::DocRecord& record) {
  size_t bytes = 0;
  for (const std::string* text :
       {&record.id, &record.work, &record.title, &record.script, &record.type, &record.organisation,
        &record.country, &record.region, &record.summary, &record.language_source, &record.source,
        &record.format, &record.media_type, &record.original_name, &record.sha256, &record.text,
        &record.quality, &record.quality_notes, &record.indexed_at}) {
    bytes += heap_bytes(*text);
  }
  return bytes + heap_bytes(record.topics) + heap_bytes(record.values) +
         record.page_offsets.capacity() * sizeof(uint32_t);
}

}  // namespace

size_t approximate_bytes(const SearchResults& results) {
  size_t bytes = sizeof(SearchResults) + results.hits.capacity() * sizeof(SearchHit) +
                 results.facets.capacity() * sizeof(FacetCounts) + heap_bytes(results.concepts) +
                 heap_bytes(results.suggestion);
  for (const SearchHit& hit : results.hits) {
    bytes += heap_bytes(hit.record) + heap_bytes(hit.title) + heap_bytes(hit.snippet) +
             heap_bytes(hit.work_languages) + hit.other_versions.capacity() * sizeof(WorkVersion);
    for (const WorkVersion& version : hit.other_versions) {
      bytes += heap_bytes(version.id) + heap_bytes(version.language) + heap_bytes(version.title);
    }
  }
  for (const FacetCounts& facet : results.facets) {
    bytes += facet.values.capacity() * sizeof(FacetValueCount);
    for (const FacetValueCount& value : facet.values) bytes += heap_bytes(value.value);
  }
  return bytes;
}

}  // namespace jil::search
