// Tests api/field_selection.cc: parsing `fields`, the hit parts they need and trimming documents.
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
  EXPECT_EQ(keep_document_fields(R"({"id":"a","title":"t"})", *fields),
            R"({"id":"a","title":"t"})");
}

TEST(FieldSelection, KeepsTheNamedFieldsInOrderWithoutDuplicates) {
  Result<std::vector<std::string>> fields =
      fields_of("fields=title,id,title", FieldScope::kSearchHit);
  ASSERT_TRUE(fields.is_ok()) << fields.status().message();
  EXPECT_EQ(*fields, (std::vector<std::string>{"title", "id"}));
  // The search answer is rendered with them (tests/unit/render/json_text_test.cc).
}

TEST(FieldSelection, MakesOnlyTheHitPartsTheFieldsName) {
  const auto parts = [](const std::string& query) {
    Result<std::vector<std::string>> fields = fields_of(query, FieldScope::kSearchHit);
    EXPECT_TRUE(fields.is_ok()) << fields.status().message();
    const search::HitParts made = hit_parts_for(*fields);
    return std::make_tuple(made.snippet, made.title_highlighted, made.work_languages,
                           made.other_versions);
  };
  EXPECT_EQ(parts("q=judge"), std::make_tuple(true, true, true, true));  // no fields: every part
  EXPECT_EQ(parts("fields=id,title,year,summary"), std::make_tuple(false, false, false, false));
  EXPECT_EQ(parts("fields=id,snippet"), std::make_tuple(true, false, false, false));
  EXPECT_EQ(parts("fields=page"), std::make_tuple(true, false, false, false));  // from the snippet
  EXPECT_EQ(parts("fields=original"),
            std::make_tuple(true, false, false, false));  // links the page
  EXPECT_EQ(parts("fields=in_home_language"), std::make_tuple(false, false, true, false));
  EXPECT_EQ(parts("fields=title_highlighted,work_languages,other_versions"),
            std::make_tuple(false, true, true, true));
}

TEST(FieldSelection, TrimsTheDocumentItself) {
  Result<std::vector<std::string>> fields =
      fields_of("fields=translations,text", FieldScope::kDocument);
  ASSERT_TRUE(fields.is_ok());
  EXPECT_EQ(nlohmann::json::parse(
                keep_document_fields(R"({"id":"a","text":"x","translations":[]})", *fields)),
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
