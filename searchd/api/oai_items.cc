// Implementation of oai_items.h.
#include "api/oai_items.h"

#include "render/oai_pmh_xml.h"

namespace jil::api {

std::vector<std::string> oai_set_specs(const schema::DocRecord& record) {
  return {"type:" + record.type,
          "language:" + std::string(analysis::language_code(record.language))};
}

std::vector<std::string> oai_set_specs(const schema::RemovedDocument& removed) {
  return {"type:" + removed.type, "language:" + removed.language};
}

OaiItem oai_item(const schema::DocRecord& record) {
  return {record.id, render::oai_datestamp(record), oai_set_specs(record), &record};
}

OaiItem oai_item(const schema::RemovedDocument& removed) {
  return {removed.id, removed.removed_at, oai_set_specs(removed), nullptr};
}

bool in_oai_set(const std::vector<std::string>& set_specs, std::string_view set) {
  if (set.empty()) return true;
  for (const auto& spec : set_specs) {
    if (spec == set || (spec.starts_with(set) && spec[set.size()] == ':')) return true;
  }
  return false;
}

std::vector<OaiItem> oai_items(const std::vector<schema::DocRecord>& records,
                               const std::vector<schema::RemovedDocument>& removed) {
  std::vector<OaiItem> items;
  items.reserve(records.size() + removed.size());
  auto record = records.begin();
  auto gone = removed.begin();
  while (record != records.end() || gone != removed.end()) {
    if (gone == removed.end() || (record != records.end() && record->id <= gone->id)) {
      if (gone != removed.end() && record->id == gone->id) ++gone;  // indexed again
      items.push_back(oai_item(*record));
      ++record;
    } else {
      items.push_back(oai_item(*gone));
      ++gone;
    }
  }
  return items;
}

}  // namespace jil::api
