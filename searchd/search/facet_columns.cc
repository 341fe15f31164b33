// Implementation of facet_columns.h.
#include "search/facet_columns.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>

namespace jil::search {

void FacetColumns::refresh(const Xapian::Database& database, uint64_t revision,
                           const std::vector<Xapian::valueno>& slots) {
  if (!loaded_ || revision != revision_) load(database, revision, slots);
}

void FacetColumns::load(const Xapian::Database& database, uint64_t revision,
                        const std::vector<Xapian::valueno>& slots) {
  loaded_ = false;
  const size_t documents = size_t{database.get_lastdocid()} + 1;
  std::vector<uint32_t> column_of(*std::max_element(slots.begin(), slots.end()) + 1, kNoColumn);
  for (Xapian::valueno slot : slots) {
    if (column_of[slot] == kNoColumn) column_of[slot] = static_cast<uint32_t>(column_of.size());
  }
  std::vector<Xapian::valueno> slot_of_column;
  for (Xapian::valueno slot = 0; slot < column_of.size(); ++slot) {
    if (column_of[slot] == kNoColumn) continue;
    column_of[slot] = static_cast<uint32_t>(slot_of_column.size());
    slot_of_column.push_back(slot);
  }
  const size_t columns = slot_of_column.size();
  std::vector<std::vector<std::string>> values(columns, std::vector<std::string>{""});
  std::vector<std::unordered_map<std::string, uint32_t>> codes(columns);
  std::vector<std::vector<uint64_t>> documents_with(columns, std::vector<uint64_t>{0});
  std::vector<uint32_t> rows(documents * columns, 0);
  for (uint32_t column = 0; column < columns; ++column) {
    const Xapian::valueno slot = slot_of_column[column];
    std::unordered_map<std::string, uint32_t>& known = codes[column];
    for (auto value = database.valuestream_begin(slot); value != database.valuestream_end(slot);
         ++value) {
      const std::string& text = *value;
      if (text.empty() || value.get_docid() >= documents) continue;
      auto [entry, added] = known.try_emplace(text, static_cast<uint32_t>(values[column].size()));
      if (added) {
        values[column].push_back(text);
        documents_with[column].push_back(0);
      }
      rows[size_t{value.get_docid()} * columns + column] = entry->second;
      ++documents_with[column][entry->second];
    }
  }
  column_of_ = std::move(column_of);
  slot_of_column_ = std::move(slot_of_column);
  values_ = std::move(values);
  codes_ = std::move(codes);
  documents_with_ = std::move(documents_with);
  rows_ = std::move(rows);
  documents_ = documents;
  revision_ = revision;
  loaded_ = true;
}

uint32_t FacetColumns::code_of(uint32_t column, const std::string& value) {
  auto [entry, added] =
      codes_[column].try_emplace(value, static_cast<uint32_t>(values_[column].size()));
  if (added) {
    values_[column].push_back(value);
    documents_with_[column].push_back(0);
  }
  return entry->second;
}

uint32_t FacetColumns::code_of_value(uint32_t column, std::string_view value) const {
  if (value.empty()) return 0;
  const auto found = codes_[column].find(std::string(value));
  return found == codes_[column].end() ? 0 : found->second;
}

void FacetColumns::update(const Xapian::Database& database, uint64_t revision,
                          const std::vector<Xapian::docid>& changed) {
  loaded_ = false;  // until every changed document is read again
  const size_t columns = values_.size();
  const size_t documents = std::max(documents_, size_t{database.get_lastdocid()} + 1);
  rows_.resize(documents * columns, 0);
  documents_ = documents;
  for (Xapian::docid docid : changed) {
    if (docid >= documents_) continue;  // past the last document: not in this revision
    uint32_t* row = rows_.data() + size_t{docid} * columns;
    for (uint32_t column = 0; column < columns; ++column) {
      if (row[column] != 0) --documents_with_[column][row[column]];
      row[column] = 0;
    }
    Xapian::Document document;
    try {
      document = database.get_document(docid);
    } catch (const Xapian::DocNotFoundError&) {
      continue;  // deleted: an empty row
    }
    for (uint32_t column = 0; column < columns; ++column) {
      const std::string value = document.get_value(slot_of_column_[column]);
      if (value.empty()) continue;
      row[column] = code_of(column, value);
      ++documents_with_[column][row[column]];
    }
  }
  revision_ = revision;
  loaded_ = true;
}

ColumnCountSpy::ColumnCountSpy(const FacetColumns& columns, std::vector<Xapian::valueno> slots)
    : columns_(columns), slots_(std::move(slots)) {
  first_tally_.push_back(0);
  for (Xapian::valueno slot : slots_) {
    const uint32_t column = columns_.column_of(slot);
    columns_of_.push_back(column);
    const size_t first = first_tally_.back();
    if (column != FacetColumns::kNoColumn) {
      counted_.push_back({column, static_cast<uint32_t>(first)});
    }
    first_tally_.push_back(
        first + (column == FacetColumns::kNoColumn ? 1 : columns_.values(column).size()));
  }
  tallies_.assign(first_tally_.back(), 0);
}

void ColumnCountSpy::operator()(const Xapian::Document& document, double) {
  const uint32_t* row = columns_.row(document.get_docid());
  if (row == nullptr) return;
  uint64_t* tallies = tallies_.data();
  for (const Counted& counted : counted_) ++tallies[counted.first_tally + row[counted.column]];
}

void ColumnCountSpy::add(const ColumnCountSpy& other) {
  for (size_t index = 0; index < tallies_.size() && index < other.tallies_.size(); ++index) {
    tallies_[index] += other.tallies_[index];
  }
}

std::map<std::string, uint64_t> ColumnCountSpy::counts(Xapian::valueno slot) const {
  std::map<std::string, uint64_t> out;
  for (size_t index = 0; index < slots_.size(); ++index) {
    if (slots_[index] != slot || columns_of_[index] == FacetColumns::kNoColumn) continue;
    const std::vector<std::string>& values = columns_.values(columns_of_[index]);
    for (size_t code = 1; code < values.size(); ++code) {
      if (tallies(index)[code] > 0) out[values[code]] += tallies(index)[code];
    }
  }
  return out;
}

void ColumnCountSpy::add_counts(const std::vector<Xapian::valueno>& slots,
                                std::vector<FacetValueCount>& out) const {
  std::unordered_map<std::string_view, size_t> at;  // value → its entry in `out` (several slots)
  for (size_t index = 0; index < slots_.size(); ++index) {
    if (columns_of_[index] == FacetColumns::kNoColumn ||
        std::find(slots.begin(), slots.end(), slots_[index]) == slots.end()) {
      continue;
    }
    const std::vector<std::string>& values = columns_.values(columns_of_[index]);
    for (size_t code = 1; code < values.size(); ++code) {
      const uint64_t count = tallies_[first_tally_[index] + code];
      if (count == 0) continue;
      if (slots.size() == 1) {
        out.push_back({values[code], count, false});  // one slot: each value once
        continue;
      }
      const auto [entry, added] = at.try_emplace(values[code], out.size());
      if (added) {
        out.push_back({values[code], count, false});
      } else {
        out[entry->second].count += count;
      }
    }
  }
}

}  // namespace jil::search
