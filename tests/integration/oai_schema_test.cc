// Every OAI-PMH answer of jil-searchd (each verb, every page of a harvest, every error) checked
// against the protocol's XML schemas with xmllint (libxml2-utils): tests/fixtures/oai/ holds
// OAI-PMH.xsd, oai_dc.xsd and simpledc20021212.xsd written from the specification (see its
// README: Debian ships none and nothing is downloaded during tests).
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <string>
#include <vector>

#include "http_client.h"
#include "test_environment.h"

namespace jil::integration {
namespace {

const std::filesystem::path kSchema = kSourceDir / "tests/fixtures/oai/OAI-PMH.xsd";
constexpr char kXmllint[] = "/usr/bin/xmllint";

// "" when `xml` is valid against OAI-PMH.xsd, else xmllint's complaint.
std::string schema_errors(const std::string& xml) {
  static const std::filesystem::path folder = environment().make_temp_dir("oai-schema");
  static int counter = 0;
  const std::filesystem::path file = folder / ("answer-" + std::to_string(++counter) + ".xml");
  std::ofstream(file, std::ios::binary) << xml;
  const ProgramResult result =
      run_program(kXmllint, {"--noout", "--nonet", "--schema", kSchema.string(), file.string()});
  if (result.exit_code == 0) return "";
  return "xmllint exit " + std::to_string(result.exit_code) + ": " + result.err;
}

std::string oai_body(const std::string& query) {
  const HttpReply reply = http_get(environment().port(), "/oai?" + query);
  EXPECT_EQ(reply.status, 200u) << query;
  return reply.body;
}

std::string resumption_token(const std::string& xml) {
  std::smatch match;
  static const std::regex token(R"(<resumptionToken[^>]*>([^<]+)</resumptionToken>)");
  return std::regex_search(xml, match, token) ? match[1].str() : "";
}

class OaiSchema : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(kXmllint)) GTEST_SKIP() << "libxml2-utils is not installed";
  }
};

TEST_F(OaiSchema, TheSchemaRejectsAnInvalidAnswer) {
  // Not vacuous: a wrong datestamp, an unknown error code and a non-DC element are refused.
  const std::string valid = oai_body(
      "verb=GetRecord&identifier=oai:jil:coi-guidance-en"
      "&metadataPrefix=oai_dc");
  ASSERT_EQ(schema_errors(valid), "");
  std::string bad_date =
      std::regex_replace(valid, std::regex("<datestamp>[^<]*"), "<datestamp>2021-1-1");
  EXPECT_NE(schema_errors(bad_date), "");
  std::string bad_dc =
      std::regex_replace(valid, std::regex("<dc:title>"), "<dc:name>x</dc:name>$&");
  EXPECT_NE(schema_errors(bad_dc), "");
  const std::string bad_error = oai_body("verb=Nothing");
  ASSERT_EQ(schema_errors(bad_error), "");
  EXPECT_NE(schema_errors(std::regex_replace(bad_error, std::regex("badVerb"), "noSuchCode")), "");
}

TEST_F(OaiSchema, EverySingleAnswerIsValid) {
  for (const std::string query : {
           "verb=Identify",
           "verb=ListMetadataFormats",
           "verb=ListMetadataFormats&identifier=oai:jil:coi-guidance-en",
           "verb=ListSets",
           "verb=GetRecord&identifier=oai:jil:coi-guidance-ar&metadataPrefix=oai_dc",
           "verb=GetRecord&identifier=oai:jil:coi-guidance-zh&metadataPrefix=oai_dc",
           "verb=ListRecords&metadataPrefix=oai_dc&set=language:fr",
           "verb=ListIdentifiers&metadataPrefix=oai_dc&set=type&from=2000-01-01",
           "verb=ListRecords&metadataPrefix=oai_dc&from=2000-01-01T00:00:00Z"
           "&until=2100-01-01T00:00:00Z",
           // Errors
           "verb=Nothing",
           "",
           "verb=Identify&extra=1",
           "verb=ListRecords",
           "verb=ListRecords&metadataPrefix=marc21",
           "verb=ListRecords&metadataPrefix=oai_dc&from=2000-01-01&until=2000-01-01T00:00:00Z",
           "verb=ListRecords&resumptionToken=not-a-token",
           "verb=GetRecord&identifier=oai:jil:no-such-document&metadataPrefix=oai_dc",
           "verb=ListRecords&metadataPrefix=oai_dc&until=1900-01-01",
           "verb=ListSets&resumptionToken=abc",
       }) {
    EXPECT_EQ(schema_errors(oai_body(query)), "") << query;
  }
}

TEST_F(OaiSchema, EveryPageOfAHarvestIsValid) {
  for (const std::string verb : {"ListRecords", "ListIdentifiers"}) {
    std::string query = "verb=" + verb + "&metadataPrefix=oai_dc";
    int pages = 0;
    for (; pages < 100; ++pages) {
      const std::string xml = oai_body(query);
      EXPECT_EQ(schema_errors(xml), "") << verb << " page " << pages + 1;
      const std::string token = resumption_token(xml);
      if (token.empty()) break;
      query = "verb=" + verb + "&resumptionToken=" + percent_encoded(token);
    }
    EXPECT_GT(pages, 0) << verb << ": the corpus should need more than one page";
  }
}

}  // namespace
}  // namespace jil::integration
