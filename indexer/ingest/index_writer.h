// The one writer of an index: opens it without ever overwriting (DB_CREATE only where nothing
// exists), refuses a locked or incompatible index, and groups changes into explicit
// transactions (Xapian 1.4's replace-by-term is not atomic on its own).
#pragma once

#include <xapian.h>

#include <filesystem>
#include <memory>
#include <string>

#include "base/status.h"

namespace jil::ingest {

class IndexWriter {
 public:
  // kLocked when another writer holds the index; kCorrupt when the directory holds something
  // that is not a compatible index (it is left untouched).
  static Result<std::unique_ptr<IndexWriter>> open(const std::filesystem::path& path,
                                                   size_t batch_size);
  ~IndexWriter();

  // Fingerprint stored with the document of this id, or "" when there is none.
  Result<std::string> fingerprint_of(const std::string& id);
  // Adds or replaces the document with this id inside the current batch; commits the batch
  // when it is full. Returns true in `committed` when that happened.
  Status replace(const std::string& id, const Xapian::Document& document, bool& committed);
  // Commits the current batch, if any.
  Status commit();
  Xapian::doccount document_count() const;

 private:
  IndexWriter(Xapian::WritableDatabase database, size_t batch_size)
      : database_(std::move(database)), batch_size_(batch_size) {}

  Xapian::WritableDatabase database_;
  size_t batch_size_;
  size_t pending_ = 0;
  bool in_transaction_ = false;
  bool stamped_ = false;
};

}  // namespace jil::ingest
