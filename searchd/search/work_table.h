// Local indexes only: every work's versions (document ids, languages, Q ids), read once per index
// revision, so that a result's translation links cost lookups instead of a posting list walk and
// a document read per version (the id came from the document's compressed term list). Titles
// are read when a version is shown (one value lookup). Remote shards use the per-hit queries.
// After a commit that listed its changes (schema/changed_documents.h), update() reads only the
// changed documents.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "search/search_request.h"

namespace jil::search {

class WorkTable {
 public:
  // Reads the table again when `revision` differs from the one last read.
  void refresh(const Xapian::Database& database, uint64_t revision);
  // Reads the table whole, as of `revision`.
  void load(const Xapian::Database& database, uint64_t revision);
  // Brings the table read at an earlier revision to `revision` by reading the documents in
  // `changed` again (their work, id and language; a deleted one leaves its work). False, with the
  // table unread, when a document has several works (the table keeps one per document): the
  // next refresh() reads it whole. Xapian errors propagate and leave it unread too.
  bool update(const Xapian::Database& database, uint64_t revision,
              const std::vector<Xapian::docid>& changed);
  bool loaded() const { return loaded_; }

  // The languages of the versions of `work` (its XW term's documents), sorted, without repeats.
  std::vector<std::string> languages(const std::string& work) const;
  // The versions of `work` but `shown` (id, language, title), by language; empty for no work.
  std::vector<WorkVersion> other_versions(const Xapian::Database& database, const std::string& work,
                                          Xapian::docid shown) const;
  // Work → its documents, ascending; works without documents are left out.
  const std::unordered_map<std::string, std::vector<Xapian::docid>>& works() const {
    return works_;
  }
  // "" for a document without one, deleted or past the last.
  const std::string& language_of(Xapian::docid docid) const;
  const std::string& id_of(Xapian::docid docid) const;

 private:
  void forget(Xapian::docid docid);  // takes `docid` out of its work and clears its entries

  std::unordered_map<std::string, std::vector<Xapian::docid>> works_;  // work → docids, ascending
  std::vector<uint16_t> language_codes_;  // per docid, into languages_; 0: no language value
  std::vector<std::string> languages_{""};
  std::vector<std::string> ids_;      // per docid: its Q term without the prefix
  std::vector<std::string> work_of_;  // per docid: its XW term without the prefix
  bool one_work_each_ = true;         // false: a document has several XW terms
  uint64_t revision_ = 0;
  bool loaded_ = false;
};

}  // namespace jil::search
