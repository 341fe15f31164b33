// Tests schema/removed_documents.cc: a removal record round-trips through its value, malformed
// values are refused, and a real index lists its records by id, skipping malformed ones and
// keys of other kinds.
#include "schema/removed_documents.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include "temporary_directory.h"

namespace jil::schema {
namespace {

const RemovedDocument kRemoved{"gone-fr", "2022-04-15T05:20:00Z", "report", "fr"};

TEST(RemovedDocuments, ARecordRoundTripsThroughItsValue) {
  EXPECT_EQ(removed_key("gone-fr"), "jil:deleted:gone-fr");
  EXPECT_EQ(encode_removed(kRemoved), "2022-04-15T05:20:00Z\treport\tfr");
  EXPECT_EQ(decode_removed("gone-fr", encode_removed(kRemoved)), kRemoved);
}

TEST(RemovedDocuments, MalformedValuesAreRefused) {
  for (const char* value :
       {"", "2022-04-15T05:20:00Z", "2022-04-15T05:20:00Z\treport", "2022-04-15\treport\tfr",
        "2022-04-15T05:20:00Z\t\tfr", "2022-04-15T05:20:00Z\treport\t",
        "2022-04-15T05:20:00Z\tre<p\tfr", "2022-0a-15T05:20:00Z\treport\tfr"}) {
    EXPECT_FALSE(decode_removed("gone-fr", value).has_value()) << value;
  }
  EXPECT_FALSE(decode_removed("", encode_removed(kRemoved)).has_value());
}

TEST(RemovedDocuments, AnIndexListsItsRecordsById) {
  TemporaryDirectory directory;
  {
    Xapian::WritableDatabase database((directory.path() / "index").string(),
                                      Xapian::DB_CREATE_OR_OPEN);
    database.set_metadata(removed_key("zeta"),
                          encode_removed({"zeta", "2023-01-01T00:00:00Z", "guidance", "en"}));
    database.set_metadata(removed_key("gone-fr"), encode_removed(kRemoved));
    database.set_metadata(removed_key("broken"), "not a record");
    database.set_metadata("jil:origin:gone-fr", "{}");
    database.commit();
  }
  const Xapian::Database database((directory.path() / "index").string());
  const std::vector<RemovedDocument> removed = removed_documents(database);
  ASSERT_EQ(removed.size(), 2u);
  EXPECT_EQ(removed[0], kRemoved);
  EXPECT_EQ(removed[1].id, "zeta");
}

TEST(RemovedDocuments, BeyondTheLimitTheOldestGo) {
  const std::vector<RemovedDocument> removed = {{"c", "2022-01-01T00:00:00Z", "report", "fr"},
                                                {"a", "2021-01-01T00:00:00Z", "report", "fr"},
                                                {"b", "2021-01-01T00:00:00Z", "tool", "en"},
                                                {"d", "2023-01-01T00:00:00Z", "guidance", "es"}};
  EXPECT_EQ(oldest_beyond(removed, 4), std::vector<std::string>{});
  EXPECT_EQ(oldest_beyond(removed, 2), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(oldest_beyond(removed, 0), (std::vector<std::string>{"a", "b", "c", "d"}));
}

}  // namespace
}  // namespace jil::schema
