// Implementation of facet_columns.h.
#include "search/facet_columns.h"

#include <algorithm>
#include <unordered_map>

namespace jil::search {

void FacetColumns::refresh(const Xapian::Database& database, uint64_t revision,
                           const std::vector<Xapian::valueno>& slots) {
  if (loaded_ && revision == revision_) return;
  const Xapian::docid last = database.get_lastdocid();
  std::vector<Column> fresh(*std::max_element(slots.begin(), slots.end()) + 1);
  for (Xapian::valueno slot : slots) {
    Column& column = fresh[slot];
    column.codes.assign(last + 1, 0);
    std::unordered_map<std::string, uint32_t> known;
    for (auto value = database.valuestream_begin(slot); value != database.valuestream_end(slot);
         ++value) {
      const std::string& text = *value;
      if (text.empty()) continue;
      auto [entry, added] = known.try_emplace(text, static_cast<uint32_t>(column.values.size()));
      if (added) column.values.push_back(text);
      column.codes[value.get_docid()] = entry->second;
    }
  }
  columns_ = std::move(fresh);
  revision_ = revision;
  loaded_ = true;
}

ColumnCountSpy::ColumnCountSpy(const FacetColumns& columns, std::vector<Xapian::valueno> slots)
    : columns_(columns), slots_(std::move(slots)) {
  for (Xapian::valueno slot : slots_) tallies_.emplace_back(columns_.values(slot).size(), 0);
}

void ColumnCountSpy::operator()(const Xapian::Document& document, double) {
  const Xapian::docid id = document.get_docid();
  for (size_t index = 0; index < slots_.size(); ++index) {
    const std::vector<uint32_t>& codes = columns_.codes(slots_[index]);
    if (id < codes.size()) ++tallies_[index][codes[id]];
  }
}

std::map<std::string, uint64_t> ColumnCountSpy::counts(Xapian::valueno slot) const {
  std::map<std::string, uint64_t> out;
  for (size_t index = 0; index < slots_.size(); ++index) {
    if (slots_[index] != slot) continue;
    const std::vector<std::string>& values = columns_.values(slot);
    for (size_t code = 1; code < values.size(); ++code) {
      if (tallies_[index][code] > 0) out[values[code]] += tallies_[index][code];
    }
  }
  return out;
}

}  // namespace jil::search
