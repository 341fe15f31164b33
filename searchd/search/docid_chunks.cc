// Implementation of docid_chunks.h: positions are computed, nothing is read from the index but
// its last document id and document count.
#include "search/docid_chunks.h"

#include <algorithm>
#include <cstdint>
#include <string>

namespace jil::search {

DocidChunks::DocidChunks(Xapian::docid chunk, Xapian::docid parts, Xapian::docid part)
    : chunk_(std::max<Xapian::docid>(chunk, 1)),
      parts_(std::max<Xapian::docid>(parts, 1)),
      part_(std::min(part, std::max<Xapian::docid>(parts, 1) - 1)) {}

bool DocidChunks::holds(Xapian::docid docid) const {
  return docid > 0 && ((docid - 1) / chunk_) % parts_ == part_;
}

Xapian::docid DocidChunks::first_held_from(Xapian::docid docid) const {
  if (docid == 0) docid = 1;
  if (docid > last_) return last_ + 1;
  const uint64_t index = (docid - 1) / chunk_;
  const uint64_t offset = (part_ + parts_ - index % parts_) % parts_;  // chunks to the next ours
  if (offset == 0) return docid;
  const uint64_t start = (index + offset) * chunk_ + 1;
  return start > last_ ? last_ + 1 : static_cast<Xapian::docid>(start);
}

void DocidChunks::init(const Xapian::Database& database) {
  last_ = database.get_lastdocid();
  current_ = 0;
  // Ids of this part up to last_: a chunk per whole round of parts, plus what the last round
  // reaches of this part's chunk.
  const uint64_t whole_rounds = last_ / (uint64_t{chunk_} * parts_);
  uint64_t held = whole_rounds * chunk_;
  const uint64_t rest = last_ - whole_rounds * chunk_ * parts_;
  const uint64_t before = uint64_t{part_} * chunk_;
  if (rest > before) held += std::min<uint64_t>(rest - before, chunk_);
  maximum_ = static_cast<Xapian::doccount>(std::min<uint64_t>(held, database.get_doccount()));
  estimate_ = database.get_doccount() / parts_;
  estimate_ = std::min(estimate_, maximum_);
}

void DocidChunks::next(double) { current_ = first_held_from(current_ + 1); }

void DocidChunks::skip_to(Xapian::docid target, double) {
  if (current_ != 0 && target <= current_) return;  // already there or past it
  current_ = first_held_from(target);
}

std::string DocidChunks::get_description() const {
  return "DocidChunks(chunk " + std::to_string(chunk_) + ", part " + std::to_string(part_ + 1) +
         " of " + std::to_string(parts_) + ")";
}

}  // namespace jil::search
