// Tests schema/changed_documents.cc: change lists round-trip, malformed values are refused, and
// keys name their revision.
#include "schema/changed_documents.h"

#include <gtest/gtest.h>

#include <string>

namespace jil::schema {
namespace {

TEST(ChangeList, RoundTrips) {
  const ChangeList list{"0c5e-uuid", false, {1, 2, 130, 70000, 4000000000u}};
  EXPECT_EQ(decode_change_list(encode_change_list(list)), list);
  const ChangeList too_many{"0c5e-uuid", true, {}};
  EXPECT_EQ(decode_change_list(encode_change_list(too_many)), too_many);
}

TEST(ChangeList, IsCompact) {
  ChangeList list{std::string(36, 'u'), false, {}};
  for (Xapian::docid docid = 1000; docid < 1100; ++docid) list.docids.push_back(docid);
  // Format, UUID and its size, flag, count, then one byte per small gap.
  EXPECT_EQ(encode_change_list(list).size(), 1 + 1 + 36 + 1 + 1 + 2 + 99u);
}

TEST(ChangeList, RefusesMalformedValues) {
  const std::string good = encode_change_list({"u", false, {5, 9}});
  EXPECT_EQ(decode_change_list(""), std::nullopt);
  EXPECT_EQ(decode_change_list(std::string(1, '\x02') + good.substr(1)), std::nullopt);
  EXPECT_EQ(decode_change_list(good.substr(0, good.size() - 1)), std::nullopt);
  EXPECT_EQ(decode_change_list(good + "x"), std::nullopt);
  std::string repeated = encode_change_list({"u", false, {5}});
  repeated[repeated.size() - 2] = 2;  // count 2
  repeated += '\0';                   // a gap of 0: a repeat
  EXPECT_EQ(decode_change_list(repeated), std::nullopt);
}

TEST(ChangedKey, NamesItsRevision) {
  EXPECT_EQ(changed_key(42), "jil:changed:42");
  EXPECT_EQ(revision_of_changed_key("jil:changed:42"), 42u);
  EXPECT_EQ(revision_of_changed_key("jil:changed:"), std::nullopt);
  EXPECT_EQ(revision_of_changed_key("jil:changed:4x"), std::nullopt);
  EXPECT_EQ(revision_of_changed_key("jil:origin:42"), std::nullopt);
}

TEST(DocumentsChangedBetween, NeedsEveryListOfThisDatabase) {
  Xapian::WritableDatabase database(std::string(), Xapian::DB_BACKEND_INMEMORY);
  // An in-memory database has no UUID: nothing is ever taken from its lists.
  database.set_metadata(changed_key(1), encode_change_list({"", false, {1}}));
  EXPECT_EQ(documents_changed_between(database, 0, 1), std::nullopt);
  EXPECT_EQ(documents_changed_between(database, 1, 1), std::vector<Xapian::docid>{});
}

}  // namespace
}  // namespace jil::schema
