// Tests api/public_url.cc: what --public-url accepts, how it is normalised, and the reason each
// refusal names.
#include "api/public_url.h"

#include <gtest/gtest.h>

#include <string>

namespace jil::api {
namespace {

std::string accepted(std::string_view text) {
  Result<std::string> parsed = parse_public_url(text);
  EXPECT_TRUE(parsed.is_ok()) << text << ": " << parsed.status().message();
  return parsed.is_ok() ? *parsed : "";
}

// The message of the refusal, or a test failure when `text` is accepted.
std::string refusal(std::string_view text) {
  Result<std::string> parsed = parse_public_url(text);
  EXPECT_FALSE(parsed.is_ok()) << text << " was accepted as " << (parsed.is_ok() ? *parsed : "");
  if (parsed.is_ok()) return "";
  EXPECT_EQ(parsed.status().code(), StatusCode::kInvalidArgument);
  return parsed.status().message();
}

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

TEST(PublicUrl, SchemeHostAndPortAreKeptAsGiven) {
  EXPECT_EQ(accepted("https://jil.example.org"), "https://jil.example.org");
  EXPECT_EQ(accepted("http://jil.example.org"), "http://jil.example.org");
  EXPECT_EQ(accepted("https://jil.example.org:8443"), "https://jil.example.org:8443");
  EXPECT_EQ(accepted("http://localhost:8080"), "http://localhost:8080");
  EXPECT_EQ(accepted("https://192.0.2.7"), "https://192.0.2.7");
  EXPECT_EQ(accepted("https://[2001:db8::1]:8443"), "https://[2001:db8::1]:8443");
  EXPECT_EQ(accepted("https://xn--mgbh0fb.example"), "https://xn--mgbh0fb.example");
}

TEST(PublicUrl, IsNormalised) {
  EXPECT_EQ(accepted("HTTPS://JIL.Example.ORG/"), "https://jil.example.org") << "case, slash";
  EXPECT_EQ(accepted("https://jil.example.org:443"), "https://jil.example.org") << "default port";
  EXPECT_EQ(accepted("http://jil.example.org:80/"), "http://jil.example.org");
  EXPECT_EQ(accepted("http://jil.example.org:443"), "http://jil.example.org:443");
  EXPECT_EQ(accepted("https://jil.example.org:08443"), "https://jil.example.org:8443");
  EXPECT_EQ(accepted("https://[2001:DB8:0:0:0:0:0:1]"), "https://[2001:db8::1]");
}

TEST(PublicUrl, OnlyHttpAndHttpsAreSchemes) {
  EXPECT_TRUE(contains(refusal("ftp://jil.example.org"), "the scheme must be http or https"));
  EXPECT_TRUE(contains(refusal("javascript://jil.example.org"), "the scheme must be"));
  EXPECT_TRUE(contains(refusal("jil.example.org"), "not an absolute URL"));
  EXPECT_TRUE(contains(refusal("//jil.example.org"), "not an absolute URL"));
  EXPECT_TRUE(contains(refusal("://jil.example.org"), "the scheme must be"));
  EXPECT_TRUE(contains(refusal(""), "not an absolute URL"));
}

TEST(PublicUrl, NoPathQueryFragmentOrUserInformation) {
  EXPECT_TRUE(contains(refusal("https://jil.example.org/jil"), "a path is not allowed"));
  EXPECT_TRUE(contains(refusal("https://jil.example.org/jil/"), "a path is not allowed"));
  EXPECT_TRUE(contains(refusal("https://jil.example.org//"), "a path is not allowed"));
  EXPECT_TRUE(contains(refusal("https://jil.example.org?x=1"), "a query is not allowed"));
  EXPECT_TRUE(contains(refusal("https://jil.example.org/?x=1"), "a query is not allowed"));
  EXPECT_TRUE(contains(refusal("https://jil.example.org#top"), "a fragment is not allowed"));
  EXPECT_TRUE(contains(refusal("https://user:pw@jil.example.org"), "user information"));
  EXPECT_TRUE(contains(refusal("https://evil.example@jil.example.org"), "user information"));
}

TEST(PublicUrl, MalformedHostsAreRefused) {
  EXPECT_TRUE(contains(refusal("https://"), "no host"));
  EXPECT_TRUE(contains(refusal("https://:8443"), "no host"));
  EXPECT_TRUE(contains(refusal("https://jil_example.org"), "only ASCII letters"));
  EXPECT_TRUE(contains(refusal("https://jil.example.org\"><x"), "only ASCII letters"));
  EXPECT_TRUE(contains(refusal("https://jil example.org"), "only ASCII letters"));
  EXPECT_TRUE(contains(refusal("https://jil%2eexample.org"), "only ASCII letters"));
  EXPECT_TRUE(contains(refusal("https://bibliothèque.example"), "xn--"));
  EXPECT_TRUE(contains(refusal("https://jil..example.org"), "empty label"));
  EXPECT_TRUE(contains(refusal("https://jil.example.org."), "empty label"));
  EXPECT_TRUE(contains(refusal("https://-jil.example.org"), "begins or ends with '-'"));
  EXPECT_TRUE(contains(refusal("https://" + std::string(64, 'a') + ".org"), "63 bytes"));
  EXPECT_TRUE(contains(refusal("https://256.1.1.1"), "not a valid IPv4 address"));
  EXPECT_TRUE(contains(refusal("https://1.2.3"), "not a valid IPv4 address"));
}

TEST(PublicUrl, Ipv6HostsNeedBracketsAndAValidAddress) {
  EXPECT_TRUE(contains(refusal("https://2001:db8::1"), "must be written in brackets"));
  EXPECT_TRUE(contains(refusal("https://[2001:db8::1"), "lacks its ']'"));
  EXPECT_TRUE(contains(refusal("https://[2001:db8::g]"), "not a valid IPv6 address"));
  EXPECT_TRUE(contains(refusal("https://[192.0.2.1]"), "not a valid IPv6 address"));
  EXPECT_TRUE(contains(refusal("https://[fe80::1%25eth0]"), "not a valid IPv6 address"));
  EXPECT_TRUE(contains(refusal("https://[::1]x"), "only a port"));
}

TEST(PublicUrl, PortIsOneTo65535) {
  for (const char* text : {"https://jil.example.org:", "https://jil.example.org:0",
                           "https://jil.example.org:65536", "https://jil.example.org:123456",
                           "https://jil.example.org:-1", "https://jil.example.org:8a"}) {
    EXPECT_TRUE(contains(refusal(text), "the port must be a number from 1 to 65535")) << text;
  }
  EXPECT_EQ(accepted("https://jil.example.org:65535"), "https://jil.example.org:65535");
  EXPECT_EQ(accepted("https://jil.example.org:1"), "https://jil.example.org:1");
}

TEST(PublicUrl, RefusalsNameTheOptionAndTheText) {
  EXPECT_EQ(
      refusal("https://jil.example.org/jil").rfind("--public-url https://jil.example.org/jil: ", 0),
      0u);
  const std::string long_url = "https://" + std::string(300, 'a') + ".org";
  EXPECT_TRUE(contains(refusal(long_url), "longer than " + std::to_string(kMaxPublicUrlBytes)));
}

}  // namespace
}  // namespace jil::api
