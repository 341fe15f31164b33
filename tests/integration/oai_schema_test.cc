// Every OAI-PMH answer of jil-searchd (each verb, every page of a harvest, every error, answers
// to POST) checked against the protocol's XML schemas with xmllint (oai_schema_check.h).
#include <gtest/gtest.h>

#include <regex>
#include <string>
#include <vector>

#include "http_client.h"
#include "oai_schema_check.h"
#include "test_environment.h"

namespace jil::integration {
namespace {

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
    if (!have_xmllint()) GTEST_SKIP() << "libxml2-utils is not installed";
  }
};

TEST_F(OaiSchema, TheSchemaRejectsAnInvalidAnswer) {
  // Not vacuous: a wrong datestamp, an unknown error code and a non-DC element are refused.
  const std::string valid = oai_body(
      "verb=GetRecord&identifier=oai:jil:coi-guidance-en"
      "&metadataPrefix=oai_dc");
  ASSERT_EQ(oai_schema_errors(valid), "");
  std::string bad_date =
      std::regex_replace(valid, std::regex("<datestamp>[^<]*"), "<datestamp>2021-1-1");
  EXPECT_NE(oai_schema_errors(bad_date), "");
  std::string bad_dc =
      std::regex_replace(valid, std::regex("<dc:title>"), "<dc:name>x</dc:name>$&");
  EXPECT_NE(oai_schema_errors(bad_dc), "");
  const std::string bad_error = oai_body("verb=Nothing");
  ASSERT_EQ(oai_schema_errors(bad_error), "");
  EXPECT_NE(oai_schema_errors(std::regex_replace(bad_error, std::regex("badVerb"), "noSuchCode")),
            "");
}

TEST_F(OaiSchema, EverySingleAnswerIsValid) {
  for (const std::string query : {
           "verb=Identify",
           "verb=ListMetadataFormats",
           "verb=ListMetadataFormats&identifier=oai:jil:coi-guidance-en",
           "verb=ListSets",
           "verb=GetRecord&identifier=oai:jil:coi-guidance-ar&metadataPrefix=oai_dc",
           "verb=GetRecord&identifier=oai:jil:coi-guidance-zh&metadataPrefix=oai_dc",
           // Dublin Core names of every kind: publisher, types, subjects, country and region.
           "verb=GetRecord&identifier=oai:jil:formation-genre-egalite-integrite-fr"
           "&metadataPrefix=oai_dc",
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
    EXPECT_EQ(oai_schema_errors(oai_body(query)), "") << query;
  }
}

TEST_F(OaiSchema, AnswersToPostAreValid) {
  const HeaderList form = {{"Content-Type", "application/x-www-form-urlencoded"}};
  const auto post = [&](const std::string& body, const std::string& target = "/oai") {
    const HttpReply reply = http_request(environment().port(), "POST", target, form, body);
    EXPECT_EQ(reply.status, 200u) << body;
    return reply.body;
  };
  EXPECT_EQ(oai_schema_errors(post("verb=Identify")), "");
  EXPECT_EQ(oai_schema_errors(post("verb=ListRecords&metadataPrefix=oai_dc&set=language:ar")), "");
  // The faults only a POST can have are badArgument answers, valid too.
  EXPECT_EQ(oai_schema_errors(post("verb=Identify", "/oai?verb=Identify")), "");
  const HttpReply unreadable = http_request(environment().port(), "POST", "/oai",
                                            {{"Content-Type", "text/plain"}}, "verb=Identify");
  EXPECT_EQ(oai_schema_errors(unreadable.body), "");
}

TEST_F(OaiSchema, EveryPageOfAHarvestIsValid) {
  for (const std::string verb : {"ListRecords", "ListIdentifiers"}) {
    std::string query = "verb=" + verb + "&metadataPrefix=oai_dc";
    int pages = 0;
    for (; pages < 100; ++pages) {
      const std::string xml = oai_body(query);
      EXPECT_EQ(oai_schema_errors(xml), "") << verb << " page " << pages + 1;
      const std::string token = resumption_token(xml);
      if (token.empty()) break;
      query = "verb=" + verb + "&resumptionToken=" + percent_encoded(token);
    }
    EXPECT_GT(pages, 0) << verb << ": the corpus should need more than one page";
  }
}

}  // namespace
}  // namespace jil::integration
