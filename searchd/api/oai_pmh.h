// /oai: an OAI-PMH 2.0 repository over the library (issue 6 item 4), metadata as oai_dc.
//   Identify, ListMetadataFormats, ListSets, ListIdentifiers, ListRecords, GetRecord
//   Requests are GET (or HEAD) with the arguments in the URL, or POST with them in an
//   application/x-www-form-urlencoded body (api/oai_request.h); both get the same answer.
//   Items are "oai:jil:<document id>"; sets are "type", "type:<type>", "language" and
//   "language:<code>". Datestamps (seconds granularity, UTC) are when the indexer last wrote
//   the document, or for records indexed before it kept that, the first day of their year.
//   Lists come kOaiPageSize at a time with opaque resumption tokens (api/oai_token.h).
//   Identify names the repository and its administrator as api/oai_identity.h was configured,
//   and says deletedRecord "no": the indexer removes documents without keeping tombstones.
//   Every protocol error (badVerb, badArgument, badResumptionToken, cannotDisseminateFormat,
//   idDoesNotExist, noRecordsMatch, noSetHierarchy is never needed) is an OAI error element in a
//   200 answer, as the protocol asks; so is a POST whose form cannot be read (badArgument).
#pragma once

#include "api/http_types.h"
#include "api/oai_identity.h"
#include "render/ui_catalog.h"
#include "search/searcher.h"

namespace jil::api {

inline constexpr size_t kOaiPageSize = 50;
inline constexpr std::string_view kOaiIdentifierPrefix = "oai:jil:";

// baseURL and every record's dc:identifier are under `site_url` (api/site_url.h); Dublin Core
// names (publisher, type, subjects, coverage) come from `catalog` in English
// (render/oai_pmh_xml.h). Never throws; an index that cannot be read is a problem+json answer
// (api/problem.h), not an OAI error.
HttpResponse oai_pmh_response(search::Searcher& searcher, const HttpRequest& request,
                              std::string_view site_url, const OaiIdentity& identity,
                              const render::UiCatalog& catalog);

}  // namespace jil::api
