// Documents removed from the index, remembered in its metadata so that harvesters learn of the
// removal (OAI-PMH's deleted records): under "jil:deleted:<id>", the time of the removal and the
// document's type and language (its OAI sets). Written by the indexer in the commit that deletes
// the document, dropped when a document with that id is indexed again. A rebuilt index has only
// those its rebuild took over (`rebuild --removals-from`), and the oldest go past a limit, which
// is why OAI-PMH calls them transient.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jil::schema {

constexpr std::string_view kRemovedKeyPrefix = "jil:deleted:";
// When the index last lost a document ("YYYY-MM-DDThh:mm:ssZ"), kept apart from the records so
// that the library's last change (an empty Atom feed's <updated>) is one read.
constexpr std::string_view kLastRemovalKey = "jil:last-removal";
// Removal records an index keeps at most (about 60 bytes each); past it the oldest go, and a
// harvester that last came before them learns of those removals only by harvesting again.
constexpr size_t kMaxRemovedDocumentsKept = 100'000;

struct RemovedDocument {
  std::string id;
  std::string removed_at;  // "YYYY-MM-DDThh:mm:ssZ" (base/utc_time.h)
  std::string type;        // vocabulary id, as in the document's type value
  std::string language;    // two-letter code, as in its language value
  bool operator==(const RemovedDocument&) const = default;
};

std::string removed_key(std::string_view id);
// "<removed_at>\t<type>\t<language>"
std::string encode_removed(const RemovedDocument& removed);
// nullopt for a value that is not well formed; `id` comes from the key.
std::optional<RemovedDocument> decode_removed(std::string_view id, std::string_view value);

// Every removed document the index remembers, by id; malformed values are skipped. Xapian errors
// propagate.
std::vector<RemovedDocument> removed_documents(const Xapian::Database& database);

// The ids of the oldest of `removed` beyond the `keep` newest (ties by id), to be dropped.
std::vector<std::string> oldest_beyond(std::vector<RemovedDocument> removed, size_t keep);

}  // namespace jil::schema
