// Tests schema/doc_record.cc: sidecar validation names the field and the problem, limits on size
// and nesting come before parsing, document data round-trips, and the id pattern.
#include "schema/doc_record.h"

#include "schema/document_data.h"
#include "schema/id_suggestion.h"

#include <gtest/gtest.h>

#include <string>

#include "sidecar_json.h"

namespace jil::schema {
namespace {

using nlohmann::json;

// The error message parse_sidecar gives for `sidecar`, or "ok".
std::string problem_of(const json& sidecar) {
  Result<DocRecord> parsed = parse_sidecar(sidecar.dump());
  return parsed.is_ok() ? "ok" : parsed.status().message();
}

// valid_sidecar() with `field` set to `value`.
json with_field(const std::string& field, const json& value) {
  json sidecar = valid_sidecar();
  sidecar[field] = value;
  return sidecar;
}

json without_field(const std::string& field) {
  json sidecar = valid_sidecar();
  sidecar.erase(field);
  return sidecar;
}

TEST(ParseSidecar, ReadsEveryField) {
  json sidecar = valid_sidecar();
  sidecar["work"] = "ijin-code-2021";
  sidecar["language"] = "zh";
  sidecar["script"] = "Hant";
  sidecar["country"] = "FR";
  sidecar["values"] = {"integrity", "impartiality"};
  sidecar["summary"] = "A summary.";
  Result<DocRecord> parsed = parse_sidecar(sidecar.dump());
  ASSERT_TRUE(parsed.is_ok()) << parsed.status().to_string();
  EXPECT_EQ(parsed->id, "ijin-code-2021-en");
  EXPECT_EQ(parsed->work, "ijin-code-2021");
  EXPECT_EQ(parsed->title, "Code of judicial conduct");
  EXPECT_EQ(parsed->language, analysis::Language::kZh);
  EXPECT_EQ(parsed->script, "Hant");
  EXPECT_EQ(parsed->type, "code-of-conduct");
  EXPECT_EQ(parsed->organisation, "ijin");
  EXPECT_EQ(parsed->region, "global");
  EXPECT_EQ(parsed->country, "FR");
  EXPECT_EQ(parsed->year, 2021);
  EXPECT_EQ(parsed->topics, (std::vector<std::string>{"judicial-ethics", "gifts"}));
  EXPECT_EQ(parsed->values, (std::vector<std::string>{"integrity", "impartiality"}));
  EXPECT_EQ(parsed->summary, "A summary.");
}

TEST(ParseSidecar, WorkDefaultsToId) {
  Result<DocRecord> parsed = parse_sidecar(valid_sidecar().dump());
  ASSERT_TRUE(parsed.is_ok()) << parsed.status().to_string();
  EXPECT_EQ(parsed->work, "ijin-code-2021-en");
}

TEST(ParseSidecar, EmptyCountryMeansInternational) { EXPECT_EQ(problem_of(valid_sidecar()), "ok"); }

TEST(ParseSidecar, MalformedJsonIsInvalidArgument) {
  Result<DocRecord> parsed = parse_sidecar("{\"id\": ");
  ASSERT_FALSE(parsed.is_ok());
  EXPECT_EQ(parsed.status().code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(parsed.status().message().starts_with("metadata is not valid JSON: "))
      << parsed.status().message();
}

TEST(ParseSidecar, TopLevelMustBeAnObject) {
  EXPECT_EQ(problem_of(json::array({1, 2})), "metadata must be a JSON object");
}

TEST(ParseSidecar, UnknownFieldIsNamed) {
  EXPECT_EQ(problem_of(with_field("author", "someone")),
            "field 'author': is not a field of the metadata schema");
}

TEST(ParseSidecar, EachRequiredFieldIsNamedWhenMissing) {
  for (const char* field :
       {"id", "title", "language", "type", "organisation", "region", "country", "year", "topics"}) {
    EXPECT_EQ(problem_of(without_field(field)), std::string("field '") + field + "': is required");
  }
}

TEST(ParseSidecar, StringFieldOfAnotherTypeIsRefused) {
  EXPECT_EQ(problem_of(with_field("id", 42)), "field 'id': must be a string");
  EXPECT_EQ(problem_of(with_field("title", json::array())), "field 'title': must be a string");
}

TEST(ParseSidecar, IdMustMatchThePattern) {
  EXPECT_EQ(problem_of(with_field("id", "Code_2021")),
            "field 'id': 'Code_2021' must match [a-z0-9][a-z0-9-]{2,79}");
  EXPECT_EQ(problem_of(with_field("id", std::string(81, 'a'))),
            "field 'id': is longer than 80 bytes");
}

TEST(ParseSidecar, WorkMustMatchThePattern) {
  EXPECT_EQ(problem_of(with_field("work", "-work")),
            "field 'work': '-work' must match [a-z0-9][a-z0-9-]{2,79}");
}

TEST(ParseSidecar, TitleMustBeNonEmptyAndBounded) {
  EXPECT_EQ(problem_of(with_field("title", "")), "field 'title': must not be empty");
  EXPECT_EQ(problem_of(with_field("title", std::string(kMaxTitleBytes, 'x'))), "ok");
  EXPECT_EQ(problem_of(with_field("title", std::string(kMaxTitleBytes + 1, 'x'))),
            "field 'title': is longer than 1000 bytes");
}

TEST(ParseSidecar, ControlledFieldListsTheAllowedIds) {
  EXPECT_EQ(problem_of(with_field("language", "de")),
            "field 'language': 'de' is not one of: ar, en, es, fr, ru, zh");
  EXPECT_EQ(problem_of(with_field("region", "mars")),
            "field 'region': 'mars' is not one of: africa, americas, arab-states, asia-pacific, "
            "europe-central-asia, global");
  const std::string type_problem = problem_of(with_field("type", "memo"));
  EXPECT_TRUE(type_problem.starts_with("field 'type': 'memo' is not one of: code-of-conduct, "))
      << type_problem;
  const std::string organisation_problem = problem_of(with_field("organisation", "acme"));
  EXPECT_TRUE(organisation_problem.starts_with("field 'organisation': 'acme' is not one of: "))
      << organisation_problem;
}

TEST(ParseSidecar, ScriptIsOnlyForChinese) {
  const std::string problem = "field 'script': is only for Chinese and must be Hans or Hant";
  EXPECT_EQ(problem_of(with_field("script", "Hans")), problem);  // the sidecar is English
  json chinese = with_field("language", "zh");
  chinese["script"] = "Latn";
  EXPECT_EQ(problem_of(chinese), problem);
  chinese["script"] = "Hans";
  EXPECT_EQ(problem_of(chinese), "ok");
}

TEST(ParseSidecar, CountryMustBeAnUpperCaseIsoCode) {
  EXPECT_EQ(problem_of(with_field("country", "FR")), "ok");
  EXPECT_EQ(problem_of(with_field("country", "fr")),
            "field 'country': 'fr' is not an ISO 3166-1 alpha-2 code (did you mean 'FR'?)");
  EXPECT_EQ(problem_of(with_field("country", "XX")),
            "field 'country': 'XX' is not an ISO 3166-1 alpha-2 code");
  EXPECT_EQ(problem_of(with_field("country", "FRA")), "field 'country': is longer than 2 bytes");
}

TEST(ParseSidecar, EveryProblemIsNamedInOneMessageInFieldOrder) {
  json sidecar = valid_sidecar();
  sidecar["organisation"] = "UNODC";
  sidecar["region"] = "europe";
  sidecar["country"] = "at";
  sidecar["year"] = "2021";
  sidecar["author"] = "someone";
  EXPECT_EQ(problem_of(sidecar),
            "field 'author': is not a field of the metadata schema; "
            "field 'organisation': 'UNODC' is not one of: ijin, ccje-net, ajcn, afrjust, redjus, "
            "francojust, eurasjud, apjc, national-judiciary, national-judicial-council, "
            "judicial-training-institute; "
            "field 'region': 'europe' is not one of: africa, americas, arab-states, asia-pacific, "
            "europe-central-asia, global (did you mean 'europe-central-asia'?); "
            "field 'country': 'at' is not an ISO 3166-1 alpha-2 code (did you mean 'AT'?); "
            "field 'year': must be an integer from 1900 to 2100");
}

TEST(ParseSidecar, MissingFieldsAreNamedTogetherAfterTheOtherProblems) {
  json sidecar = valid_sidecar();
  sidecar.erase("title");
  sidecar.erase("year");
  sidecar.erase("topics");
  sidecar["type"] = "Report";
  EXPECT_EQ(problem_of(sidecar),
            "field 'type': 'Report' is not one of: code-of-conduct, guidance, report, training, "
            "legislation, tool (did you mean 'report'?); "
            "fields 'title', 'year', 'topics': are required");
}

TEST(ParseSidecar, AnUnknownIdSuggestsOnlyTheOneMeant) {
  EXPECT_EQ(suggested_id(Facet::kType, "Code of Conduct"), "code-of-conduct");  // the label
  EXPECT_EQ(suggested_id(Facet::kType, "code_of_conduct"), "code-of-conduct");
  EXPECT_EQ(suggested_id(Facet::kType, "guidence"), "guidance");             // two edits
  EXPECT_EQ(suggested_id(Facet::kRegion, "Europe"), "europe-central-asia");  // its opening
  EXPECT_EQ(suggested_id(Facet::kRegion, "Arab States"), "arab-states");
  EXPECT_EQ(suggested_id(Facet::kTopic, "gift"), "gifts");
  EXPECT_EQ(suggested_id(Facet::kOrganisation, "National Judicial Council"),
            "national-judicial-council");
  // Two ids begin with "national-": neither is suggested.
  EXPECT_EQ(suggested_id(Facet::kOrganisation, "national"), std::nullopt);
  EXPECT_EQ(suggested_id(Facet::kRegion, "mars"), std::nullopt);
  EXPECT_EQ(suggested_id(Facet::kLanguage, "de"), std::nullopt);  // one edit is the whole word
  EXPECT_EQ(suggested_id(Facet::kType, ""), std::nullopt);
  EXPECT_EQ(suggested_country_code("fr"), "FR");
  EXPECT_EQ(suggested_country_code("FR"), std::nullopt);  // already right
  EXPECT_EQ(suggested_country_code("xx"), std::nullopt);
}

TEST(ParseSidecar, ALabelInAnyUiLanguageSuggestsItsId) {
  EXPECT_EQ(suggested_id(Facet::kType, "Rapport"), "report");  // French
  EXPECT_EQ(suggested_id(Facet::kType, "informe"), "report");  // Spanish, another case
  EXPECT_EQ(suggested_id(Facet::kType, "Доклад"), "report");
  EXPECT_EQ(suggested_id(Facet::kType, "تقرير"), "report");
  EXPECT_EQ(suggested_id(Facet::kType, "报告"), "report");
  EXPECT_EQ(suggested_id(Facet::kTopic, "deontologie judiciaire"), "judicial-ethics");  // accents
  EXPECT_EQ(suggested_id(Facet::kTopic, "Conflits d’intérêts"), "conflicts-of-interest");
  EXPECT_EQ(suggested_id(Facet::kRegion, "Estados  árabes"), "arab-states");
  EXPECT_EQ(suggested_id(Facet::kValue, "Беспристрастность"), "impartiality");
  // A label of another facet is not suggested, nor a word that is only part of a label.
  EXPECT_EQ(suggested_id(Facet::kRegion, "Rapport"), std::nullopt);
  EXPECT_EQ(suggested_id(Facet::kTopic, "Regalos"), std::nullopt);
  EXPECT_EQ(problem_of(with_field("type", "Rapport")),
            "field 'type': 'Rapport' is not one of: code-of-conduct, guidance, report, training, "
            "legislation, tool (did you mean 'report'?)");
}

TEST(ParseSidecar, YearMustBeAnIntegerInRange) {
  const std::string problem = "field 'year': must be an integer from 1900 to 2100";
  EXPECT_EQ(problem_of(with_field("year", 1899)), problem);
  EXPECT_EQ(problem_of(with_field("year", 2101)), problem);
  EXPECT_EQ(problem_of(with_field("year", "2021")), problem);
  EXPECT_EQ(problem_of(with_field("year", 2021.5)), problem);
  EXPECT_EQ(problem_of(with_field("year", 1900)), "ok");
  EXPECT_EQ(problem_of(with_field("year", 2100)), "ok");
}

TEST(ParseSidecar, TopicsHoldOneToFourKnownDistinctIds) {
  EXPECT_EQ(problem_of(with_field("topics", json::array())),
            "field 'topics': must hold 1 to 4 ids");
  EXPECT_EQ(problem_of(with_field("topics", {"gifts", "gender", "social-media", "case-assignment",
                                             "judicial-ethics"})),
            "field 'topics': must hold 1 to 4 ids");
  EXPECT_EQ(problem_of(with_field("topics", "gifts")), "field 'topics': must be an array of ids");
  EXPECT_EQ(problem_of(with_field("topics", {1})), "field 'topics': must be an array of ids");
  EXPECT_EQ(problem_of(with_field("topics", {"gifts", "gifts"})),
            "field 'topics': 'gifts' is listed twice");
  EXPECT_TRUE(problem_of(with_field("topics", {"weather"}))
                  .starts_with("field 'topics': 'weather' is not one of: "));
}

TEST(ParseSidecar, ValuesAreOptionalAndHoldAtMostSix) {
  EXPECT_EQ(problem_of(with_field("values", json::array())), "ok");
  EXPECT_EQ(problem_of(with_field("values", {"integrity", "propriety", "equality", "independence",
                                             "impartiality", "competence-diligence", "integrity"})),
            "field 'values': must hold 0 to 6 ids");
}

TEST(ParseSidecar, SummaryIsBounded) {
  EXPECT_EQ(problem_of(with_field("summary", std::string(kMaxSummaryBytes, 's'))), "ok");
  EXPECT_EQ(problem_of(with_field("summary", std::string(kMaxSummaryBytes + 1, 's'))),
            "field 'summary': is longer than 8000 bytes");
}

TEST(ParseSidecar, OversizedMetadataIsRefusedBeforeParsing) {
  const std::string huge(kMaxSidecarBytes + 1, ' ');
  Result<DocRecord> parsed = parse_sidecar(huge);
  ASSERT_FALSE(parsed.is_ok());
  EXPECT_EQ(parsed.status().code(), StatusCode::kLimitExceeded);
  EXPECT_EQ(parsed.status().message(), "metadata is larger than 262144 bytes");
}

TEST(ParseSidecar, DeepNestingIsRefusedBeforeParsing) {
  // Nine levels: the object and eight arrays. Parsing would fail anyway (unknown field); the
  // depth check must answer first.
  const std::string deep = "{\"extra\": [[[[[[[[1]]]]]]]]}";
  Result<DocRecord> parsed = parse_sidecar(deep);
  ASSERT_FALSE(parsed.is_ok());
  EXPECT_EQ(parsed.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(parsed.status().message(), "metadata is nested deeper than 8 levels");
  EXPECT_TRUE(problem_of(json::parse("{\"extra\": [[[[[[[1]]]]]]]}"))
                  .starts_with("field 'extra': is not a field of the metadata schema; "));
}

TEST(ParseSidecar, ManyOpeningBracketsIsRefusedWithoutRecursion) {
  const std::string hostile(200'000, '[');
  Result<DocRecord> parsed = parse_sidecar(hostile);
  ASSERT_FALSE(parsed.is_ok());
  EXPECT_EQ(parsed.status().message(), "metadata is nested deeper than 8 levels");
}

TEST(ParseSidecar, BracketsInsideStringsDoNotCountAsNesting) {
  EXPECT_EQ(problem_of(with_field("title", "[[[[[[[[[[ {{{{{{{{{{ \\\" [[[[")), "ok");
}

TEST(DocumentData, RoundTripsEveryField) {
  Result<DocRecord> parsed = parse_sidecar(with_field("values", {"integrity"}).dump());
  ASSERT_TRUE(parsed.is_ok()) << parsed.status().to_string();
  DocRecord record = *parsed;
  record.summary = "Résumé";
  record.source = "reports/2021/code.html";
  record.format = "html";
  record.media_type = "text/html; charset=utf-8";
  record.original_name = "مدونة.html";
  record.sha256 = std::string(64, 'a');
  record.bytes = 5'000'000'000;  // past 32 bits
  record.text = "Line one.\n\nالقضاة 法官";
  const std::string data = to_document_data(record);
  BlockDecompressor decompressor;
  Result<DocRecord> back = from_document_data(data, decompressor);
  ASSERT_TRUE(back.is_ok()) << back.status().to_string();
  EXPECT_EQ(to_document_data(*back), data);
  EXPECT_EQ(back->language, analysis::Language::kEn);
  EXPECT_EQ(back->bytes, 5'000'000'000u);
  EXPECT_EQ(back->original_name, "مدونة.html");
  EXPECT_EQ(back->text, record.text);
  EXPECT_EQ(back->values, (std::vector<std::string>{"integrity"}));
}

TEST(DocumentData, InvalidUtf8InTextIsReplacedNotFatal) {
  DocRecord record;
  record.id = "abc";
  record.text = "bad \xFF byte";
  BlockDecompressor decompressor;
  Result<DocRecord> back = from_document_data(to_document_data(record), decompressor);
  ASSERT_TRUE(back.is_ok()) << back.status().to_string();
  EXPECT_EQ(back->text, "bad \xEF\xBF\xBD byte");
}

TEST(DocumentData, DataOfAnOlderSchemaIsCorrupt) {
  DocRecord record;
  record.id = "abc";
  json old = document_head(record);
  old["text"] = "the text inside the JSON, as schema version 5 stored it";
  BlockDecompressor decompressor;
  Result<DocRecord> back = from_document_data(old.dump(), decompressor);
  ASSERT_FALSE(back.is_ok());
  EXPECT_EQ(back.status().code(), StatusCode::kCorrupt);
}

TEST(DocumentData, DamagedDataIsCorrupt) {
  for (const char* damaged : {"", "not json", "{\"id\": \"abc\"}", "[1, 2]"}) {
    BlockDecompressor decompressor;
    Result<DocRecord> back = from_document_data(damaged, decompressor);
    ASSERT_FALSE(back.is_ok()) << damaged;
    EXPECT_EQ(back.status().code(), StatusCode::kCorrupt) << damaged;
    EXPECT_TRUE(back.status().message().starts_with("document data: ")) << damaged;
  }
}

TEST(IsValidId, AcceptsLowerCaseDigitsAndInnerHyphens) {
  EXPECT_TRUE(is_valid_id("abc"));
  EXPECT_TRUE(is_valid_id("a-b"));
  EXPECT_TRUE(is_valid_id("2021-report"));
  EXPECT_TRUE(is_valid_id(std::string(80, 'z')));
}

TEST(IsValidId, RefusesEverythingElse) {
  EXPECT_FALSE(is_valid_id(""));
  EXPECT_FALSE(is_valid_id("ab"));
  EXPECT_FALSE(is_valid_id(std::string(81, 'z')));
  EXPECT_FALSE(is_valid_id("-abc"));
  EXPECT_FALSE(is_valid_id("Abc"));
  EXPECT_FALSE(is_valid_id("a_b"));
  EXPECT_FALSE(is_valid_id("a.b"));
  EXPECT_FALSE(is_valid_id("a/b"));
  EXPECT_FALSE(is_valid_id("../etc"));
  EXPECT_FALSE(is_valid_id("abç"));
}

}  // namespace
}  // namespace jil::schema
