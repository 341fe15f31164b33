// OAI-PMH Identify names the repository and its administrator as searchd was told:
// `--oai-repository-name` and `--oai-admin-email` reach Identify (XML-escaped, valid against the
// schema), the shared searchd without them says the defaults, and a value the protocol cannot
// carry stops searchd at start with exit code 2 and the reason (api/oai_identity.h).
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "child_process.h"
#include "http_client.h"
#include "oai_schema_check.h"
#include "own_searchd.h"
#include "test_environment.h"

namespace jil::integration {
namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(OaiIdentity, TheOptionsAreWhatIdentifySays) {
  const OwnSearchd searchd(environment().index_dir(),
                           {"--oai-repository-name", "Bibliothèque <JIL> & Partners",
                            "--oai-admin-email", "oai-admin@courts.example.org"});
  ASSERT_NE(searchd.port(), 0) << "searchd did not start";
  for (const std::string method : {"GET", "POST"}) {
    const HttpReply reply =
        method == "GET" ? http_get(searchd.port(), "/oai?verb=Identify")
                        : http_request(searchd.port(), "POST", "/oai",
                                       {{"Content-Type", "application/x-www-form-urlencoded"}},
                                       "verb=Identify");
    ASSERT_EQ(reply.status, 200u) << method;
    EXPECT_TRUE(contains(
        reply.body, "<repositoryName>Bibliothèque &lt;JIL&gt; &amp; Partners</repositoryName>"))
        << method << ": " << reply.body;
    EXPECT_TRUE(contains(reply.body, "<adminEmail>oai-admin@courts.example.org</adminEmail>"))
        << method << ": " << reply.body;
    EXPECT_FALSE(contains(reply.body, "jil.invalid")) << method;
    if (have_xmllint()) {
      EXPECT_EQ(oai_schema_errors(reply.body), "") << method;
    }
  }
}

TEST(OaiIdentity, WithoutTheOptionsIdentifySaysTheDefaults) {
  const HttpReply reply = http_get(environment().port(), "/oai?verb=Identify");
  ASSERT_EQ(reply.status, 200u);
  EXPECT_TRUE(contains(reply.body, "<repositoryName>Judicial Integrity Library</repositoryName>"))
      << reply.body;
  EXPECT_TRUE(contains(reply.body, "<adminEmail>library@jil.invalid</adminEmail>")) << reply.body;
}

// Each refusal's reasons are api/oai_identity_test.cc's; here, that one of each option stops
// searchd itself.
TEST(OaiIdentityOption, AValueThatCannotBeCarriedStopsSearchdWithTheReason) {
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{"--oai-admin-email", "library"}, "--oai-admin-email library: not an address"},
      {{"--oai-repository-name", "Two\nlines"}, "--oai-repository-name: a control character"}};
  for (const auto& [arguments, reason] : cases) {
    const ProgramResult result = run_program(kSearchdPath, arguments);
    EXPECT_EQ(result.exit_code, 2) << arguments[1] << ": " << result.err;
    EXPECT_TRUE(contains(result.err, "jil-searchd: " + reason)) << result.err;
  }
}

}  // namespace
}  // namespace jil::integration
