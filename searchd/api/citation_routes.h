// The citation downloads of a document (issue 5 item 5):
//   GET /doc/{id}/cite.ris   RIS record (EndNote, Zotero, Mendeley),
//   application/x-research-info-systems GET /doc/{id}/cite.bib   BibTeX entry, application/x-bibtex
// Both UTF-8, as attachments named <id>.ris / <id>.bib, with English labels whatever the
// interface language (reference managers file them next to other languages' records). An id
// that is malformed or unknown is a 404 problem+json.
#pragma once

#include <string>
#include <string_view>

#include "api/http_types.h"
#include "search/searcher.h"

namespace jil::api {

// The permanent absolute address of a document page under `site_url` (api/site_url.h).
std::string permanent_document_url(std::string_view site_url, const std::string& id);

// `format` is "cite.ris" or "cite.bib"; the citation's URL is under `site_url`.
HttpResponse citation_file_response(search::Searcher& searcher, std::string_view site_url,
                                    const std::string& id, const std::string& format);

}  // namespace jil::api
