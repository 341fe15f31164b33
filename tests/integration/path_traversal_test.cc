// T-W5 in ../shared/RELIABILITY.md: 40 path-traversal forms on the routes that read files (an
// original from the store, static assets) and on the document route; each is refused (400/404)
// and no answer carries a byte of a file outside what the route may serve.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "http_client.h"
#include "test_environment.h"

namespace jil::integration {
namespace {

// Ways to say "go up and read something else", raw and encoded once, twice and overlong.
const std::vector<std::string>& traversal_forms() {
  static const std::vector<std::string> forms = {
      "..",
      "../",
      "../../../../etc/passwd",
      "..%2f..%2f..%2fetc%2fpasswd",
      "..%2F..%2F..%2Fetc%2Fpasswd",
      "%2e%2e",
      "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
      "%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
      "%252e%252e%252f%252e%252e%252fetc%252fpasswd",
      "%25252e%25252e%25252f",
      "..%c0%af..%c0%afetc%c0%afpasswd",
      "..%e0%80%af..%e0%80%afetc",
      "..%c1%9c..%c1%9cetc",
      "..\\..\\..\\etc\\passwd",
      "..%5c..%5c..%5cetc%5cpasswd",
      "..%255c..%255cetc",
      "%00",
      "..%00/etc/passwd",
      "model-code-en%00.txt",
      "model-code-en/../../../etc/passwd",
      "/etc/passwd",
      "%2fetc%2fpasswd",
      "//etc/passwd",
      "file:///etc/passwd",
      "%e2%80%a4%e2%80%a4%2fetc%2fpasswd",  // U+2024 ONE DOT LEADER twice
      "%ef%bc%8e%ef%bc%8e%ef%bc%8fetc",     // fullwidth full stops and solidus
      "%e3%80%82%e3%80%82%2fetc",           // ideographic full stops
      "....//....//etc/passwd",
      "..;/..;/etc/passwd",
      ".%2e/.%2e/etc/passwd",
      "%2e./%2e./etc/passwd",
      "...",
      ".",
      "%2e",
      "~root",
      "..%0d%0aSet-Cookie:%20x=1",
      "..%09/etc",
      "%20../etc/passwd",
      "../templates/layout.mustache",
      "..%2f..%2fweb%2fi18n%2fen.json",
  };
  return forms;
}

bool leaks_another_file(const std::string& body) {
  return body.find("root:x:0:0") != std::string::npos ||            // /etc/passwd
         body.find("{{") != std::string::npos ||                    // a template
         body.find("\"search_placeholder\"") != std::string::npos;  // an i18n catalog
}

class PathTraversal : public ::testing::TestWithParam<std::string> {};

TEST_P(PathTraversal, EveryFormIsRefusedAndLeaksNothing) {
  ASSERT_EQ(traversal_forms().size(), 40u);
  for (const std::string& form : traversal_forms()) {
    const std::string target = GetParam() + form + (GetParam() == "/doc/" ? "/original" : "");
    const HttpReply reply = http_get(environment().port(), target);
    ASSERT_EQ(reply.error, "") << target;
    EXPECT_TRUE(reply.status == 400 || reply.status == 404 || reply.status == 414)
        << target << " → " << reply.status;
    EXPECT_FALSE(leaks_another_file(reply.body)) << target;
    EXPECT_EQ(reply.header("Set-Cookie"), "") << target;
  }
}

INSTANTIATE_TEST_SUITE_P(FileRoutes, PathTraversal, ::testing::Values("/doc/", "/static/"),
                         [](const ::testing::TestParamInfo<std::string>& route) {
                           return route.param == "/doc/" ? std::string("Original")
                                                         : std::string("Static");
                         });

}  // namespace
}  // namespace jil::integration
