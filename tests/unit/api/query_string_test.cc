// Tests api/query_string.cc: a request target → decoded path and parameters, and each way a
// target can be malformed.
#include "api/query_string.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace jil::api {
namespace {

// The error message parse_target gives for `target`, or "ok".
std::string problem_of(std::string_view target) {
  Result<ParsedTarget> parsed = parse_target(target);
  return parsed.is_ok() ? "ok" : parsed.status().message();
}

TEST(ParseTarget, SplitsPathAndParameters) {
  Result<ParsedTarget> parsed = parse_target("/search?q=judges&lang=fr");
  ASSERT_TRUE(parsed.is_ok()) << parsed.status().to_string();
  EXPECT_EQ(parsed->path, "/search");
  EXPECT_EQ(parsed->first("q"), "judges");
  EXPECT_EQ(parsed->first("lang"), "fr");
  EXPECT_EQ(parsed->first("absent"), "");
}

TEST(ParseTarget, TargetWithoutQueryHasNoParameters) {
  Result<ParsedTarget> parsed = parse_target("/healthz");
  ASSERT_TRUE(parsed.is_ok()) << parsed.status().to_string();
  EXPECT_EQ(parsed->path, "/healthz");
  EXPECT_TRUE(parsed->parameters.empty());
}

TEST(ParseTarget, DecodesPercentEscapesAndPlusInParameters) {
  Result<ParsedTarget> parsed =
      parse_target("/search?q=l%27%C3%A9ducation+des+juges&x%5Fy=a%2Bb%26c%3Dd");
  ASSERT_TRUE(parsed.is_ok()) << parsed.status().to_string();
  EXPECT_EQ(parsed->first("q"), "l'éducation des juges");
  EXPECT_EQ(parsed->first("x_y"), "a+b&c=d");
}

TEST(ParseTarget, PlusInThePathStaysAPlus) {
  Result<ParsedTarget> parsed = parse_target("/static/a+b%2Dc.css");
  ASSERT_TRUE(parsed.is_ok()) << parsed.status().to_string();
  EXPECT_EQ(parsed->path, "/static/a+b-c.css");
}

TEST(ParseTarget, RepeatedParametersKeepTheirOrder) {
  Result<ParsedTarget> parsed = parse_target("/search?type=report&q=x&type=guidance&type=tool");
  ASSERT_TRUE(parsed.is_ok()) << parsed.status().to_string();
  EXPECT_EQ(parsed->all("type"), (std::vector<std::string>{"report", "guidance", "tool"}));
  EXPECT_EQ(parsed->first("type"), "report");
}

TEST(ParseTarget, EmptyPairsAreSkippedAndBareNamesHaveEmptyValues) {
  Result<ParsedTarget> parsed = parse_target("/search?&&q&=v&");
  ASSERT_TRUE(parsed.is_ok()) << parsed.status().to_string();
  EXPECT_EQ(parsed->parameters.size(), 2u);
  EXPECT_EQ(parsed->all("q"), std::vector<std::string>{""});
  EXPECT_EQ(parsed->first(""), "v");
}

TEST(ParseTarget, FragmentIsIgnored) {
  Result<ParsedTarget> parsed = parse_target("/search?q=gifts#results");
  ASSERT_TRUE(parsed.is_ok()) << parsed.status().to_string();
  EXPECT_EQ(parsed->first("q"), "gifts");
}

TEST(ParseTarget, MalformedEscapesAreRefused) {
  for (const char* target : {"/search?q=%G1", "/search?q=%", "/search?q=a%4", "/search?q%=x",
                             "/se%zzrch", "/search?q=%%41"}) {
    EXPECT_EQ(problem_of(target), "malformed percent-escape in the URL") << target;
  }
}

TEST(ParseTarget, InvalidUtf8OnceDecodedIsRefused) {
  EXPECT_EQ(problem_of("/search?q=%FF"), "the URL is not valid UTF-8 once decoded");
  EXPECT_EQ(problem_of("/search?q=%C3"), "the URL is not valid UTF-8 once decoded");
  EXPECT_EQ(problem_of("/search?q=%C0%AF"), "the URL is not valid UTF-8 once decoded");
  EXPECT_EQ(problem_of("/%FF"), "the URL is not valid UTF-8 once decoded");
}

TEST(ParseTarget, NulIsRefused) {
  EXPECT_EQ(problem_of("/search?q=a%00b"), "the URL contains NUL");
  EXPECT_EQ(problem_of("/doc/a%00"), "the URL contains NUL");
}

TEST(ParseTarget, AtMostOneHundredParameters) {
  std::string target = "/search?";
  for (size_t index = 0; index < kMaxQueryParameters; ++index) target += "p=1&";
  EXPECT_EQ(problem_of(target), "ok");
  target += "p=1";
  Result<ParsedTarget> parsed = parse_target(target);
  ASSERT_FALSE(parsed.is_ok());
  EXPECT_EQ(parsed.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(parsed.status().message(), "more than 100 query parameters");
}

// A form body (OAI-PMH's POST) is decoded as a query is, '#' included (a form has no fragment),
// and its errors name the form.
TEST(ParseQuery, AFormIsDecodedAsAQueryIs) {
  Result<std::multimap<std::string, std::string>> form =
      parse_query("verb=Identify&set=a+b%2Bc&&x=%23#y", "the form");
  ASSERT_TRUE(form.is_ok()) << form.status().to_string();
  EXPECT_EQ(*form, (std::multimap<std::string, std::string>{
                       {"set", "a b+c"}, {"verb", "Identify"}, {"x", "##y"}}));
  EXPECT_EQ(parse_query("q=%G1", "the form").status().message(),
            "malformed percent-escape in the form");
  EXPECT_EQ(parse_query("q=%FF", "the form").status().message(),
            "the form is not valid UTF-8 once decoded");
}

}  // namespace
}  // namespace jil::api
