// Tests server/searchd_options.cc for --public-url: the normalised address reaches the options,
// a malformed one stops the parse with the reason, and without it the options hold none.
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

}  // namespace
}  // namespace jil::server
