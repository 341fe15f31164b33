// Implementation of index_splitter.h.
#include "search/index_splitter.h"

#include <xapian.h>

#include "schema/changed_documents.h"

namespace jil::search {

// Most shards one split makes (each is one xapian-tcpsrv process).
constexpr unsigned kMaxShards = 64;
// Documents written between commits, so memory stays bounded on big indexes.
constexpr Xapian::doccount kDocumentsPerCommit = 5000;

Result<std::vector<std::filesystem::path>> split_index(const std::filesystem::path& source,
                                                       unsigned count,
                                                       const std::filesystem::path& out) {
  if (count < 2 || count > kMaxShards) {
    return invalid_argument("--count takes 2 to " + std::to_string(kMaxShards));
  }
  std::vector<std::filesystem::path> paths;
  for (unsigned shard = 0; shard < count; ++shard) {
    paths.push_back(out / ("shard-" + std::to_string(shard)));
    std::error_code error;
    if (std::filesystem::exists(paths.back(), error)) {
      return invalid_argument(paths.back().string() + " exists already");
    }
  }
  try {
    Xapian::Database input(source.string());
    std::vector<Xapian::WritableDatabase> shards;
    for (const auto& path : paths) {
      shards.emplace_back(path.string(), Xapian::DB_CREATE);
    }
    for (auto key = input.metadata_keys_begin(); key != input.metadata_keys_end(); ++key) {
      // The source's change lists name its revisions and docids, not a shard's.
      if (schema::revision_of_changed_key(*key)) continue;
      for (auto& shard : shards) shard.set_metadata(*key, input.get_metadata(*key));
    }
    Xapian::doccount copied = 0;
    for (auto posting = input.postlist_begin(""); posting != input.postlist_end(""); ++posting) {
      const Xapian::docid id = *posting;
      shards[(id - 1) % count].replace_document((id - 1) / count + 1, input.get_document(id));
      if (++copied % kDocumentsPerCommit == 0) {
        for (auto& shard : shards) shard.commit();
      }
    }
    for (auto& shard : shards) shard.commit();
  } catch (const Xapian::Error& error) {
    return io_error("cannot split " + source.string() + ": " + error.get_description());
  }
  return paths;
}

}  // namespace jil::search
