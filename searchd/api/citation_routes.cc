// Implementation of citation_routes.h.
#include "api/citation_routes.h"

#include "api/content_disposition.h"
#include "api/problem.h"
#include "render/citation.h"
#include "schema/vocabulary.h"

namespace jil::api {

std::string permanent_document_url(std::string_view site_url, const std::string& id) {
  return std::string(site_url) + "/doc/" + id;  // ids are [a-z0-9-]: nothing to encode
}

HttpResponse citation_file_response(search::Searcher& searcher, std::string_view site_url,
                                    const std::string& id, const std::string& format) {
  if (!schema::is_valid_id(id)) return problem_response(404, "no document with this id");
  Result<schema::DocRecord> record = searcher.document(id);
  if (!record.is_ok()) return problem_response(record.status());
  const schema::Vocabulary& vocabulary = schema::Vocabulary::built_in();
  const render::CitationFields fields{
      *record, vocabulary.label(schema::Facet::kOrganisation, record->organisation),
      vocabulary.label(schema::Facet::kType, record->type), permanent_document_url(site_url, id)};
  const bool ris = format == "cite.ris";
  HttpResponse response;
  response.content_type =
      std::string(ris ? render::kRisMediaType : render::kBibtexMediaType) + "; charset=utf-8";
  response.body = ris ? render::ris_record(fields) : render::bibtex_record(fields);
  response.set_header("Content-Disposition",
                      attachment_disposition(id + (ris ? ".ris" : ".bib"), id));
  return response;
}

}  // namespace jil::api
