// Implementation of translated_labels.h: the catalogues are parsed once, on first use.
#include "schema/translated_labels.h"

#include <map>
#include <nlohmann/json.hpp>
#include <utility>

#include "base/status.h"

extern const char* const kJilUiCatalogues[];
extern const size_t kJilUiCatalogueCount;

namespace jil::schema {
namespace {

using LabelTable = std::map<std::pair<Facet, std::string>, std::vector<std::string>, std::less<>>;

LabelTable parse_catalogues() {
  LabelTable table;
  for (size_t index = 0; index < kJilUiCatalogueCount; ++index) {
    const nlohmann::json catalogue = nlohmann::json::parse(kJilUiCatalogues[index], nullptr, false);
    JIL_CHECK(catalogue.is_object());
    for (const Facet facet : all_facets()) {
      const std::string prefix = std::string(facet_name(facet)) + ".";
      for (const auto& [key, label] : catalogue.items()) {
        if (!key.starts_with(prefix) || !label.is_string()) continue;
        table[{facet, key.substr(prefix.size())}].push_back(label.get<std::string>());
      }
    }
  }
  return table;
}

}  // namespace

const std::vector<std::string>& translated_labels(Facet facet, std::string_view id) {
  static const LabelTable table = parse_catalogues();
  static const std::vector<std::string> none;
  const auto found = table.find(std::pair<Facet, std::string>(facet, id));
  return found == table.end() ? none : found->second;
}

}  // namespace jil::schema
