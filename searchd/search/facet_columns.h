// Local indexes only: every facet slot's value per document, read once per index revision with
// Xapian's value streams, so that counting a match costs one array lookup per slot and document
// instead of one B-tree lookup each (what ValueCountMatchSpy's Document::get_value costs; that
// dominated a search with facets). ColumnCountSpy counts a match with them. Over remote shards
// the columns are not available and FacetCounter uses ValueCountMatchSpy instead. After a commit
// that listed its changes (schema/changed_documents.h), update() reads only the changed documents.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "search/search_request.h"

namespace jil::search {

class FacetColumns {
 public:
  // Reads `slots` again when `revision` differs from the one last read.
  void refresh(const Xapian::Database& database, uint64_t revision,
               const std::vector<Xapian::valueno>& slots);
  // Reads `slots` whole, as of `revision`.
  void load(const Xapian::Database& database, uint64_t revision,
            const std::vector<Xapian::valueno>& slots);
  // Brings the columns read at an earlier revision to `revision` by reading the documents in
  // `changed` (ascending) again: a deleted one gets an empty row, new ids grow the rows. Values
  // no document holds any more keep their codes (counted 0), so codes differ from a whole read,
  // the values per document do not. Xapian errors propagate and leave the columns unread, so the
  // next refresh() reads them whole.
  void update(const Xapian::Database& database, uint64_t revision,
              const std::vector<Xapian::docid>& changed);
  bool loaded() const { return loaded_; }

  // Where `slot` is in each document's row; kNoColumn when it was not read.
  static constexpr uint32_t kNoColumn = UINT32_MAX;
  uint32_t column_of(Xapian::valueno slot) const {
    return slot < column_of_.size() ? column_of_[slot] : kNoColumn;
  }
  // The row of document `docid`: per column, an index into values(column); 0 is "no value".
  // Null past the last document read. A row keeps a document's codes together, so counting a
  // match touches one or two cache lines instead of one per slot.
  const uint32_t* row(Xapian::docid docid) const {
    return docid < documents_ ? rows_.data() + size_t{docid} * values_.size() : nullptr;
  }
  const std::vector<std::string>& values(uint32_t column) const { return values_[column]; }
  // The code of `value` in `column`; 0 when no document read has it.
  uint32_t code_of_value(uint32_t column, std::string_view value) const;
  // Per value code of `column`, the documents having it ([0], no value, is not counted).
  const std::vector<uint64_t>& documents_with(uint32_t column) const {
    return documents_with_[column];
  }

 private:
  // The code of `value` in `column`, added when new.
  uint32_t code_of(uint32_t column, const std::string& value);

  std::vector<uint32_t> column_of_;  // by slot number
  std::vector<Xapian::valueno> slot_of_column_;
  std::vector<std::vector<std::string>> values_;                  // by column; [0] is "" (none)
  std::vector<std::unordered_map<std::string, uint32_t>> codes_;  // by column: value → code
  std::vector<std::vector<uint64_t>> documents_with_;             // by column, by code
  std::vector<uint32_t> rows_;  // documents_ rows of values_.size() codes
  size_t documents_ = 0;        // last document id + 1
  uint64_t revision_ = 0;
  bool loaded_ = false;
};

// Counts the values of the given slots over every matching document with FacetColumns.
class ColumnCountSpy : public Xapian::MatchSpy {
 public:
  ColumnCountSpy(const FacetColumns& columns, std::vector<Xapian::valueno> slots);
  void operator()(const Xapian::Document& document, double weight) override;
  // Value → matching documents having it in `slot` (empty values left out).
  std::map<std::string, uint64_t> counts(Xapian::valueno slot) const;
  // Appends to `out` every value counted in `slots` (summed over them) with its count, in no
  // particular order; `selected` left false.
  void add_counts(const std::vector<Xapian::valueno>& slots,
                  std::vector<FacetValueCount>& out) const;
  // Adds the tallies of `other`, a spy of the same columns and slots that counted other
  // documents (another part of the match: search_helper.h).
  void add(const ColumnCountSpy& other);
  // Matching documents per value code of the spy's `index`-th slot (code 0: no value).
  std::span<const uint64_t> tallies(size_t index) const {
    return {tallies_.data() + first_tally_[index], first_tally_[index + 1] - first_tally_[index]};
  }

 private:
  // A column counted by operator(), with where its tallies start: the whole per-match loop.
  struct Counted {
    uint32_t column;
    uint32_t first_tally;
  };

  const FacetColumns& columns_;
  std::vector<Xapian::valueno> slots_;
  std::vector<uint32_t> columns_of_;  // per slots_ entry: its column in a row
  std::vector<Counted> counted_;      // the slots_ entries that have a column
  // Every slots_ entry's tallies, one run per value code, in one array so that counting a match
  // is one add per column; entry i's run is [first_tally_[i], first_tally_[i + 1]).
  std::vector<uint64_t> tallies_;
  std::vector<size_t> first_tally_;
};

}  // namespace jil::search
