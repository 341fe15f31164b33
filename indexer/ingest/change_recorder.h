// Collects the ids of the documents one IndexWriter transaction adds, replaces or deletes, and
// writes them into that transaction as the change list of the revision its commit creates
// (schema/changed_documents.h), so that searchd reads only those documents after the commit.
// Not thread-safe (owned by the one writer).
#pragma once

#include <xapian.h>

#include <vector>

namespace jil::ingest {

class ChangeRecorder {
 public:
  // Notes that the open transaction changes (adds, replaces or deletes) document `docid`.
  void changed(Xapian::docid docid);
  // Sets the list of the revision the next commit creates, inside the open transaction, and
  // deletes the lists of revisions kChangeListsKept or more commits old and any other (another
  // database's, left in a compacted copy, or of a revision past the current one). Call just before
  // commit_transaction; clears. Xapian errors propagate.
  void write(Xapian::WritableDatabase& database);
  // Forgets the open transaction's changes (it was cancelled).
  void clear();

 private:
  void compact_list();

  std::vector<Xapian::docid> docids_;  // in the order noted, possibly repeated
  bool too_many_ = false;
};

}  // namespace jil::ingest
