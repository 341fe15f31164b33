// Implementation of changed_documents.h.
#include "schema/changed_documents.h"

#include <algorithm>
#include <charconv>

#include "schema/varint.h"

namespace jil::schema {
namespace {

constexpr char kFormat = 1;

}  // namespace

std::string changed_key(uint64_t revision) {
  return std::string(kChangedKeyPrefix) + std::to_string(revision);
}

std::optional<uint64_t> revision_of_changed_key(std::string_view key) {
  if (!key.starts_with(kChangedKeyPrefix)) return std::nullopt;
  const std::string_view digits = key.substr(kChangedKeyPrefix.size());
  uint64_t revision = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), revision);
  if (error != std::errc() || end != digits.data() + digits.size() || digits.empty()) {
    return std::nullopt;
  }
  return revision;
}

std::string encode_change_list(const ChangeList& list) {
  std::string out(1, kFormat);
  put_varint(out, list.database_uuid.size());
  out += list.database_uuid;
  out += static_cast<char>(list.too_many ? 1 : 0);
  put_varint(out, list.docids.size());
  Xapian::docid previous = 0;
  for (Xapian::docid docid : list.docids) {
    put_varint(out, docid - previous);
    previous = docid;
  }
  return out;
}

std::optional<ChangeList> decode_change_list(std::string_view value) {
  if (value.empty() || value[0] != kFormat) return std::nullopt;
  size_t at = 1;
  uint64_t uuid_size = 0;
  if (!get_varint(value, at, uuid_size) || uuid_size > value.size() - at) return std::nullopt;
  ChangeList list;
  list.database_uuid = std::string(value.substr(at, uuid_size));
  at += uuid_size;
  if (at >= value.size() || static_cast<uint8_t>(value[at]) > 1) return std::nullopt;
  list.too_many = value[at++] == 1;
  uint64_t count = 0;
  if (!get_varint(value, at, count) || count > kMaxChangedDocumentsListed) return std::nullopt;
  uint64_t docid = 0;
  for (uint64_t index = 0; index < count; ++index) {
    uint64_t delta = 0;
    if (!get_varint(value, at, delta) || delta == 0) return std::nullopt;
    docid += delta;
    if (docid > UINT32_MAX) return std::nullopt;
    list.docids.push_back(static_cast<Xapian::docid>(docid));
  }
  if (at != value.size()) return std::nullopt;
  return list;
}

std::optional<std::vector<Xapian::docid>> documents_changed_between(
    const Xapian::Database& database, uint64_t from, uint64_t to) {
  if (to < from || to - from > kChangeListsKept) return std::nullopt;
  const std::string uuid = database.get_uuid();
  std::vector<Xapian::docid> changed;
  for (uint64_t revision = from + 1; revision <= to; ++revision) {
    const std::optional<ChangeList> list =
        decode_change_list(database.get_metadata(changed_key(revision)));
    if (!list || list->too_many || uuid.empty() || list->database_uuid != uuid) {
      return std::nullopt;
    }
    changed.insert(changed.end(), list->docids.begin(), list->docids.end());
  }
  std::sort(changed.begin(), changed.end());
  changed.erase(std::unique(changed.begin(), changed.end()), changed.end());
  return changed;
}

}  // namespace jil::schema
