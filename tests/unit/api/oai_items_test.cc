// Tests api/oai_items.cc: documents and removals merged by id, a document indexed again winning
// over its removal, each item's datestamp and sets, and set selection by whole spec or by kind.
#include "api/oai_items.h"

#include <gtest/gtest.h>

namespace jil::api {
namespace {

schema::DocRecord record(const std::string& id, analysis::Language language) {
  schema::DocRecord made;
  made.id = id;
  made.type = "guidance";
  made.language = language;
  made.indexed_at = "2023-07-22T04:26:40Z";
  return made;
}

TEST(OaiItems, DocumentsAndRemovalsMergeByIdAndADocumentWinsOverItsRemoval) {
  const std::vector<schema::DocRecord> records = {record("b-en", analysis::Language::kEn),
                                                  record("d-es", analysis::Language::kEs)};
  const std::vector<schema::RemovedDocument> removed = {
      {"a-fr", "2022-04-15T05:20:00Z", "report", "fr"},
      {"d-es", "2021-01-01T00:00:00Z", "guidance", "es"},
      {"e-ru", "2022-05-01T00:00:00Z", "tool", "ru"}};
  const std::vector<OaiItem> items = oai_items(records, removed);
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(items[0].id, "a-fr");
  EXPECT_EQ(items[0].record, nullptr);
  EXPECT_EQ(items[0].datestamp, "2022-04-15T05:20:00Z");
  EXPECT_EQ(items[0].set_specs, (std::vector<std::string>{"type:report", "language:fr"}));
  EXPECT_EQ(items[1].record, &records[0]);
  EXPECT_EQ(items[2].id, "d-es");
  EXPECT_EQ(items[2].record, &records[1]);  // indexed again
  EXPECT_EQ(items[2].datestamp, "2023-07-22T04:26:40Z");
  EXPECT_EQ(items[3].id, "e-ru");
  EXPECT_EQ(items[3].record, nullptr);
}

TEST(OaiItems, ASetIsAWholeSpecOrItsKind) {
  const std::vector<std::string> specs = {"type:report", "language:fr"};
  EXPECT_TRUE(in_oai_set(specs, ""));
  EXPECT_TRUE(in_oai_set(specs, "type"));
  EXPECT_TRUE(in_oai_set(specs, "language:fr"));
  EXPECT_FALSE(in_oai_set(specs, "language:f"));
  EXPECT_FALSE(in_oai_set(specs, "type:guidance"));
}

}  // namespace
}  // namespace jil::api
