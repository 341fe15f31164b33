// The items an OAI-PMH list walks: the library's documents and the documents removed from it
// (schema/removed_documents.h), merged by id, each with its datestamp and its sets (type:… and
// language:…). A removed document is answered as a deleted record.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "schema/doc_record.h"
#include "schema/removed_documents.h"

namespace jil::api {

struct OaiItem {
  std::string id;
  std::string datestamp;
  std::vector<std::string> set_specs;
  const schema::DocRecord* record = nullptr;  // null: a removed document
};

std::vector<std::string> oai_set_specs(const schema::DocRecord& record);
std::vector<std::string> oai_set_specs(const schema::RemovedDocument& removed);
// The item of a document (pointing to `record`, which must outlive it) or of a removal.
OaiItem oai_item(const schema::DocRecord& record);
OaiItem oai_item(const schema::RemovedDocument& removed);
// Whether an item with `set_specs` is in `set` ("" is every set; "type" holds "type:report").
bool in_oai_set(const std::vector<std::string>& set_specs, std::string_view set);

// `records` and `removed`, both by id, merged by id; a record wins over a removal of its id.
// The items point into `records`, which must outlive them.
std::vector<OaiItem> oai_items(const std::vector<schema::DocRecord>& records,
                               const std::vector<schema::RemovedDocument>& removed);

}  // namespace jil::api
