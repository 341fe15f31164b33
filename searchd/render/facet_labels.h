// The human-readable name of a facet value in one UI language, as every HTML page shows it:
// languages and countries from ICU (render/display_names.h), concepts from the thesaurus, other
// vocabulary values from the UI catalog ("topic.gifts"), falling back to the vocabulary's English
// label. Also used in English by OAI-PMH's Dublin Core (render/oai_pmh_xml.h), so harvesters
// read the names readers see. Holds references: the catalog must outlive it. Thread-safe for
// const use (display_names caches per thread).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "render/ui_catalog.h"
#include "schema/vocabulary.h"

namespace jil::render {

class FacetLabels {
 public:
  FacetLabels(const UiCatalog& catalog, std::string_view ui_language)
      : catalog_(catalog), ui_language_(ui_language) {}

  // The name of `id` in `facet` ("gifts" → "Gifts and hospitality"); an unknown id is its own
  // name, and a year is itself.
  std::string value(schema::Facet facet, const std::string& id) const;
  // value() as an item of a list of its own (a facet's values, a chip): its first letter a
  // capital in the UI language, as every other list item is ("Chinois", not "chinois": ICU and
  // the thesaurus give names in the case they take inside a sentence).
  std::string listed(schema::Facet facet, const std::string& id) const;
  // The names of `ids`, joined by the catalog's list separator.
  std::string joined(schema::Facet facet, const std::vector<std::string>& ids) const;

  const std::string& text(const std::string& key) const { return catalog_.text(ui_language_, key); }
  std::string number(uint64_t number) const {
    return UiCatalog::format_number(ui_language_, static_cast<int64_t>(number));
  }

 private:
  const UiCatalog& catalog_;
  std::string_view ui_language_;
};

}  // namespace jil::render
