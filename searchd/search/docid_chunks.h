// A part of an index's document ids, as a Xapian::PostingSource to filter a query by: the ids are
// cut into chunks of `chunk` consecutive ids, dealt in turn to `parts` parts, so that the parts
// of a match are alike in size however the library's documents were added (by language, by
// year). Two threads that each match one part of a query, with the same database revision, see
// together every match exactly once, with the weights the whole match would give: a filter adds
// nothing to a weight and the collection statistics do not depend on it (search_helper.h).
#pragma once

#include <xapian.h>

#include <string>

namespace jil::search {

class DocidChunks : public Xapian::PostingSource {
 public:
  // Part `part` (0 ≤ part < parts) of the chunks of `chunk` ids.
  DocidChunks(Xapian::docid chunk, Xapian::docid parts, Xapian::docid part);

  // Whether `docid` is in this part.
  bool holds(Xapian::docid docid) const;

  Xapian::doccount get_termfreq_min() const override { return 0; }
  Xapian::doccount get_termfreq_est() const override { return estimate_; }
  Xapian::doccount get_termfreq_max() const override { return maximum_; }
  void next(double min_weight) override;
  void skip_to(Xapian::docid target, double min_weight) override;
  bool at_end() const override { return current_ > last_; }
  Xapian::docid get_docid() const override { return current_; }
  void init(const Xapian::Database& database) override;
  DocidChunks* clone() const override { return new DocidChunks(chunk_, parts_, part_); }
  std::string get_description() const override;

 private:
  // The first id of this part at or after `docid` (past last_ when there is none).
  Xapian::docid first_held_from(Xapian::docid docid) const;

  Xapian::docid chunk_;
  Xapian::docid parts_;
  Xapian::docid part_;
  Xapian::docid current_ = 0;  // 0: before the first
  Xapian::docid last_ = 0;     // the index's last document id
  Xapian::doccount estimate_ = 0;
  Xapian::doccount maximum_ = 0;
};

}  // namespace jil::search
