// The XML of OAI-PMH 2.0 answers (http://www.openarchives.org/OAI/2.0/): the envelope, errors,
// record headers and Dublin Core (oai_dc) records. Pure text building; which verb answers what is
// api/oai_pmh.h.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "render/facet_labels.h"
#include "schema/doc_record.h"

namespace jil::render {

inline constexpr std::string_view kOaiMediaType = "text/xml; charset=utf-8";

// The whole answer: responseDate, the request element (with `echoed` as attributes; empty after
// badVerb/badArgument, as the protocol asks) and `body` (the verb's element, or error elements).
std::string oai_envelope(std::string_view response_date, std::string_view base_url,
                         const std::vector<std::pair<std::string, std::string>>& echoed,
                         std::string_view body);

// <error code="...">message</error>
std::string oai_error(std::string_view code, std::string_view message);

// A record's datestamp: when the indexer wrote this version of the document (indexed_at), or
// for indexes older than that field the first day of its metadata year (as its Atom <updated>,
// atom_feed.h's document_updated).
std::string oai_datestamp(const schema::DocRecord& record);

// <header> of a record: identifier, datestamp, its setSpecs; with `deleted`, status="deleted"
// (a document removed from the library, datestamped with its removal).
std::string oai_header(std::string_view identifier, std::string_view datestamp,
                       const std::vector<std::string>& set_specs, bool deleted = false);

// The language of the names in Dublin Core records: one language for every record, so that a
// harvester groups a publisher or subject under one name whatever the document's language.
inline constexpr std::string_view kOaiNamesLanguage = "en";

// <metadata> holding the record as oai_dc (Dublin Core); links point under `site_url`.
// Publisher, type, subjects (topics, judicial values) and coverage (country, region) are the
// names `labels` gives (render/facet_labels.h), not the vocabulary's ids; dc:type is also the
// DCMI Type "Text". dc:language stays the ISO 639-1 code, a standard Dublin Core recommends.
std::string oai_dc_metadata(const schema::DocRecord& record, std::string_view site_url,
                            const FacetLabels& labels);

// <setDescription> naming a set in several languages, for portals that show sets in their
// reader's language: an oai_dc record with one dc:title per (language, name), in xml:lang.
std::string oai_set_description(const std::vector<std::pair<std::string, std::string>>& names);

// An element with escaped text content: <name>text</name>.
std::string xml_element(std::string_view name, std::string_view text);

}  // namespace jil::render
