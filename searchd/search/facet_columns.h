// Local indexes only: every facet slot's value per document, read once per index revision with
// Xapian's value streams, so that counting a match costs one array lookup per slot and document
// instead of one B-tree lookup each (what ValueCountMatchSpy's Document::get_value costs; that
// dominated a search with facets). ColumnCountSpy counts a match with them. Over remote shards
// the columns are not available and FacetCounter uses ValueCountMatchSpy instead.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace jil::search {

class FacetColumns {
 public:
  // Reads `slots` again when `revision` differs from the one last read.
  void refresh(const Xapian::Database& database, uint64_t revision,
               const std::vector<Xapian::valueno>& slots);

  // The column of `slot`: per document id, an index into values(slot); 0 is "no value".
  const std::vector<uint32_t>& codes(Xapian::valueno slot) const { return columns_[slot].codes; }
  const std::vector<std::string>& values(Xapian::valueno slot) const {
    return columns_[slot].values;
  }
  Xapian::valueno slot_limit() const { return static_cast<Xapian::valueno>(columns_.size()); }

 private:
  struct Column {
    std::vector<uint32_t> codes;
    std::vector<std::string> values{""};  // values[0]: none
  };
  std::vector<Column> columns_;  // by slot number
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

 private:
  const FacetColumns& columns_;
  std::vector<Xapian::valueno> slots_;
  std::vector<std::vector<uint64_t>> tallies_;  // per slots_ entry, per value code
};

}  // namespace jil::search
