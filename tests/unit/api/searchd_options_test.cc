// Tests server/searchd_options.cc for --public-url, --oai-repository-name and --oai-admin-email:
// a valid value reaches the options, a malformed one stops the parse with the reason, and
// without them the options hold their defaults.
#include "server/searchd_options.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace jil::server {
namespace {

Result<SearchdOptions> parse(std::vector<std::string> arguments) {
  arguments.insert(arguments.begin(), "jil-searchd");
  std::vector<char*> argv;
  for (std::string& argument : arguments) argv.push_back(argument.data());
  return parse_searchd_options(static_cast<int>(argv.size()), argv.data());
}

TEST(SearchdOptions, PublicUrlIsNormalised) {
  Result<SearchdOptions> options = parse({"--public-url", "HTTPS://JIL.example.org:443/"});
  ASSERT_TRUE(options.is_ok()) << options.status().message();
  EXPECT_EQ(options->public_url, "https://jil.example.org");
}

TEST(SearchdOptions, WithoutPublicUrlTheHostHeaderIsUsed) {
  Result<SearchdOptions> options = parse({"--port", "0"});
  ASSERT_TRUE(options.is_ok()) << options.status().message();
  EXPECT_EQ(options->public_url, "");
}

TEST(SearchdOptions, MalformedPublicUrlIsRefusedWithItsReason) {
  Result<SearchdOptions> options = parse({"--public-url", "https://jil.example.org/library"});
  ASSERT_FALSE(options.is_ok());
  EXPECT_EQ(options.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(options.status().message().find("--public-url https://jil.example.org/library: a path"),
            std::string::npos)
      << options.status().message();
}

TEST(SearchdOptions, PublicUrlNeedsAValue) {
  Result<SearchdOptions> options = parse({"--public-url"});
  ASSERT_FALSE(options.is_ok());
  EXPECT_NE(options.status().message().find("[--public-url URL]"), std::string::npos)
      << "the usage line lists the option";
}

TEST(SearchdOptions, OaiIdentityReachesTheOptions) {
  Result<SearchdOptions> options = parse(
      {"--oai-repository-name", "Court Library", "--oai-admin-email", "oai@courts.example.org"});
  ASSERT_TRUE(options.is_ok()) << options.status().message();
  EXPECT_EQ(options->oai_identity.repository_name, "Court Library");
  EXPECT_EQ(options->oai_identity.admin_email, "oai@courts.example.org");
}

TEST(SearchdOptions, WithoutOaiOptionsIdentifyHasTheDefaults) {
  Result<SearchdOptions> options = parse({});
  ASSERT_TRUE(options.is_ok()) << options.status().message();
  EXPECT_EQ(options->oai_identity.repository_name, "Judicial Integrity Library");
  EXPECT_EQ(options->oai_identity.admin_email, "library@jil.invalid");
}

TEST(SearchdOptions, MalformedOaiIdentityIsRefusedWithItsReason) {
  Result<SearchdOptions> email = parse({"--oai-admin-email", "admin@localhost"});
  ASSERT_FALSE(email.is_ok());
  EXPECT_EQ(email.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(email.status().message().find("--oai-admin-email admin@localhost: "), 0u)
      << email.status().message();
  Result<SearchdOptions> name = parse({"--oai-repository-name", ""});
  ASSERT_FALSE(name.is_ok());
  EXPECT_EQ(name.status().message(), "--oai-repository-name: empty");
  for (const char* option : {"--oai-admin-email", "--oai-repository-name"}) {
    Result<SearchdOptions> missing = parse({option});
    ASSERT_FALSE(missing.is_ok()) << option;
    EXPECT_NE(missing.status().message().find(std::string("[") + option), std::string::npos)
        << "the usage line lists " << option;
  }
}

}  // namespace
}  // namespace jil::server
