// Implementation of removed_documents.h.
#include "schema/removed_documents.h"

#include <algorithm>

namespace jil::schema {
namespace {

bool is_datestamp(std::string_view text) {
  if (text.size() != 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' ||
      text[16] != ':' || text[19] != 'Z') {
    return false;
  }
  for (const size_t digit : {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18}) {
    if (text[digit] < '0' || text[digit] > '9') return false;
  }
  return true;
}

bool is_plain_field(std::string_view text) {
  if (text.empty() || text.size() > 64) return false;
  for (const char c : text) {
    const bool allowed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    if (!allowed) return false;
  }
  return true;
}

}  // namespace

std::string removed_key(std::string_view id) { return std::string(kRemovedKeyPrefix) += id; }

std::string encode_removed(const RemovedDocument& removed) {
  return removed.removed_at + '\t' + removed.type + '\t' + removed.language;
}

std::optional<RemovedDocument> decode_removed(std::string_view id, std::string_view value) {
  const size_t first_tab = value.find('\t');
  if (first_tab == std::string_view::npos) return std::nullopt;
  const size_t second_tab = value.find('\t', first_tab + 1);
  if (second_tab == std::string_view::npos) return std::nullopt;
  RemovedDocument removed{std::string(id), std::string(value.substr(0, first_tab)),
                          std::string(value.substr(first_tab + 1, second_tab - first_tab - 1)),
                          std::string(value.substr(second_tab + 1))};
  if (id.empty() || !is_datestamp(removed.removed_at) || !is_plain_field(removed.type) ||
      !is_plain_field(removed.language)) {
    return std::nullopt;
  }
  return removed;
}

std::vector<RemovedDocument> removed_documents(const Xapian::Database& database) {
  std::vector<RemovedDocument> found;
  const std::string prefix(kRemovedKeyPrefix);
  for (auto key = database.metadata_keys_begin(prefix); key != database.metadata_keys_end(prefix);
       ++key) {
    const std::string id = (*key).substr(prefix.size());
    if (auto removed = decode_removed(id, database.get_metadata(*key))) {
      found.push_back(std::move(*removed));
    }
  }
  return found;  // metadata keys come in byte order, so by id
}

std::vector<std::string> oldest_beyond(std::vector<RemovedDocument> removed, size_t keep) {
  std::vector<std::string> dropped;
  if (removed.size() <= keep) return dropped;
  std::sort(removed.begin(), removed.end(), [](const RemovedDocument& a, const RemovedDocument& b) {
    return a.removed_at != b.removed_at ? a.removed_at < b.removed_at : a.id < b.id;
  });
  for (size_t index = 0; index < removed.size() - keep; ++index) {
    dropped.push_back(std::move(removed[index].id));
  }
  return dropped;
}

}  // namespace jil::schema
