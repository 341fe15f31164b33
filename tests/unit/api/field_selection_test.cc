// Tests api/field_selection.cc: parsing `fields` and trimming rendered answers.
#include "api/field_selection.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <tuple>

namespace jil::api {
namespace {

Result<std::vector<std::string>> fields_of(const std::string& query, FieldScope scope) {
  Result<ParsedTarget> target = parse_target("/api/v1/search?" + query);
  EXPECT_TRUE(target.is_ok());
  return parse_fields(*target, scope);
}

TEST(FieldSelection, AbsentMeansEveryField) {
  Result<std::vector<std::string>> fields = fields_of("q=judge", FieldScope::kSearchHit);
  ASSERT_TRUE(fields.is_ok());
  EXPECT_TRUE(fields->empty());
  EXPECT_EQ(keep_fields(R"({"results":[{"id":"a","title":"t"}]})", *fields, FieldScope::kSearchHit),
            R"({"results":[{"id":"a","title":"t"}]})");
}

TEST(FieldSelection, KeepsTheNamedFieldsInOrderWithoutDuplicates) {
  Result<std::vector<std::string>> fields =
      fields_of("fields=title,id,title", FieldScope::kSearchHit);
  ASSERT_TRUE(fields.is_ok()) << fields.status().message();
  EXPECT_EQ(*fields, (std::vector<std::string>{"title", "id"}));
  const nlohmann::json trimmed = nlohmann::json::parse(
      keep_fields(R"({"total":2,"results":[{"id":"a","title":"t","score":1},{"id":"b"}]})", *fields,
                  FieldScope::kSearchHit));
  EXPECT_EQ(trimmed["total"], 2);
  EXPECT_EQ(trimmed["results"][0], (nlohmann::json{{"id", "a"}, {"title", "t"}}));
  EXPECT_EQ(trimmed["results"][1], (nlohmann::json{{"id", "b"}}));
}

TEST(FieldSelection, TrimsTheDocumentItself) {
  Result<std::vector<std::string>> fields =
      fields_of("fields=translations,text", FieldScope::kDocument);
  ASSERT_TRUE(fields.is_ok());
  EXPECT_EQ(nlohmann::json::parse(keep_fields(R"({"id":"a","text":"x","translations":[]})", *fields,
                                              FieldScope::kDocument)),
            (nlohmann::json{{"text", "x"}, {"translations", nlohmann::json::array()}}));
}

TEST(FieldSelection, UnknownEmptyOrRepeatedIsAnErrorNamingIt) {
  for (const auto& [query, scope, words] :
       std::vector<std::tuple<std::string, FieldScope, std::string>>{
           {"fields=id,nope", FieldScope::kSearchHit, "unknown field 'nope'"},
           {"fields=snippet", FieldScope::kDocument, "unknown field 'snippet'"},
           {"fields=text", FieldScope::kSearchHit, "unknown field 'text'"},
           {"fields=", FieldScope::kSearchHit, "empty field name"},
           {"fields=id,", FieldScope::kSearchHit, "empty field name"},
           {"fields=id&fields=title", FieldScope::kSearchHit, "give it once"}}) {
    Result<std::vector<std::string>> fields = fields_of(query, scope);
    ASSERT_FALSE(fields.is_ok()) << query;
    EXPECT_EQ(fields.status().code(), StatusCode::kInvalidArgument) << query;
    EXPECT_NE(fields.status().message().find(words), std::string::npos)
        << query << ": " << fields.status().message();
  }
}

}  // namespace
}  // namespace jil::api
