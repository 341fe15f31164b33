// Server-rendered HTML pages (search, document, error) from logic-less mustache templates in
// web/templates and the interface texts of web/i18n. Everything inserted is escaped by the
// template engine, except highlight HTML, which parts_to_html() builds from escaped text.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "base/status.h"
#include "schema/doc_record.h"
#include "search/search_request.h"

namespace jil::render {

class HtmlRenderer {
 public:
  // Reads templates and catalogs once at start-up; kNotFound names a missing file.
  static Result<HtmlRenderer> load(const std::filesystem::path& web_directory);

  // `error` set: the query could not be run (shown with the form so it can be corrected).
  std::string search_page(const search::SearchRequest& request,
                          const search::SearchResults& results, const std::string& error) const;
  std::string document_page(const schema::DocRecord& record,
                            const std::vector<schema::DocRecord>& versions,
                            const std::vector<std::vector<search::TextPart>>& paragraphs,
                            const std::vector<search::TextPart>& title,
                            const std::string& back_query) const;
  std::string error_page(unsigned status, const std::string& message) const;

 private:
  std::map<std::string, std::string> templates_;  // name → template text
  std::map<std::string, std::string> texts_;      // interface texts (English catalog)
};

}  // namespace jil::render
