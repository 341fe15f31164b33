// Server-rendered HTML pages (search, document, error) from logic-less mustache templates in
// web/templates and the interface texts of web/i18n, in the UI language of each call. Everything
// inserted is escaped by the template engine, except highlight HTML, which parts_to_html() builds
// from escaped text. Read-only after load(): one renderer is shared by every worker thread.
#pragma once

#include <xapian.h>

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "render/ui_catalog.h"
#include "schema/doc_record.h"
#include "search/search_request.h"
#include "thesaurus/thesaurus.h"

namespace jil::render {

// Who a page is for: its interface language, and its own address, from which the language
// switcher makes its links (the address plus ui=<code>).
struct PageContext {
  std::string ui_language = std::string(kDefaultUiLanguage);  // one of kUiLanguages
  std::string target = "/";  // local address without ui parameters, e.g. "/search?q=x"
};

// What the document page shows besides the interface texts.
struct DocumentPageData {
  const schema::DocRecord& record;
  const std::vector<schema::DocRecord>& versions;  // every version of the work, this one too
  const std::vector<std::vector<search::TextPart>>& paragraphs;  // the text, query highlighted
  std::vector<search::TextPart> title;                           // the title, query highlighted
  search::SearchRequest back_search;  // the search that led here (empty query and no filters
                                      // for none): "Back to results" returns to that very page
  std::string permanent_url;          // absolute: shown, cited and the page's rel=canonical
  const std::vector<schema::DocRecord>& related;  // "more like this", best first
};

class HtmlRenderer {
 public:
  // Reads templates and the six catalogs once at start-up. kNotFound names a missing file;
  // kCorrupt a template that does not compile or a catalog UiCatalog::load() refuses.
  static Result<HtmlRenderer> load(const std::filesystem::path& web_directory);

  // `error` set: the query could not be run (shown with the form so it can be corrected).
  std::string search_page(const PageContext& page, const search::SearchRequest& request,
                          const search::SearchResults& results, const std::string& error) const;
  // The first highlighted match of the text gets id="first-match", and a link above leads there.
  std::string document_page(const PageContext& page, const DocumentPageData& document) const;
  // A thesaurus concept (or, with `shown` null, the list of top concepts) with its place in the
  // hierarchy, document counts (`counts`: concept → documents) and its first documents.
  std::string concept_page(const PageContext& page, const thesaurus::Concept* shown,
                           const std::map<std::string, Xapian::doccount>& counts,
                           const search::SearchResults& documents) const;
  // Works missing a version in some language of the library.
  std::string gaps_page(const PageContext& page, const std::vector<search::WorkSummary>& works,
                        const std::vector<std::string>& languages) const;
  // `message` is shown as given (already in the UI language, or a parameter error); `detail`,
  // when given, below it as English text.
  std::string error_page(const PageContext& page, unsigned status, const std::string& message,
                         const std::string& detail = "") const;

  const UiCatalog& catalog() const { return catalog_; }

  struct LanguageData;  // what every page of one UI language shares (html_view.cc)

 private:
  std::map<std::string, std::string> templates_;  // name → template text
  UiCatalog catalog_;
  // Built once by load(): every page of a language shares it instead of building it per call.
  std::shared_ptr<const std::map<std::string, LanguageData, std::less<>>> languages_;
};

}  // namespace jil::render
