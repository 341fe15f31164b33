// Implementation of document_count_probe.h.
#include "server/document_count_probe.h"

namespace jil::server {

Result<std::unique_ptr<DocumentCountProbe>> DocumentCountProbe::open(
    const std::filesystem::path& database) {
  try {
    return std::unique_ptr<DocumentCountProbe>(
        new DocumentCountProbe(Xapian::Database(database.string())));
  } catch (const Xapian::Error& error) {
    return Status(StatusCode::kCorrupt,
                  "cannot open index " + database.string() + ": " + error.get_description());
  }
}

uint64_t DocumentCountProbe::count() {
  std::lock_guard lock(mutex_);
  for (int attempt = 0; attempt < 2; ++attempt) {
    try {
      database_.reopen();  // cheap when nothing changed
      return database_.get_doccount();
    } catch (const Xapian::DatabaseModifiedError&) {
      continue;  // the indexer committed twice meanwhile: reopen once more
    } catch (const Xapian::Error&) {
      return 0;
    }
  }
  return 0;
}

}  // namespace jil::server
