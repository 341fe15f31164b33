// Tests api/oai_identity.cc: which --oai-admin-email and --oai-repository-name values Identify
// may carry, and the reason each refusal names.
#include "api/oai_identity.h"

#include <gtest/gtest.h>

#include <string>

namespace jil::api {
namespace {

// The message of the refusal of `parsed`, or a test failure when it was accepted.
std::string refusal(const Result<std::string>& parsed, std::string_view text) {
  EXPECT_FALSE(parsed.is_ok()) << text << " was accepted";
  if (parsed.is_ok()) return "";
  EXPECT_EQ(parsed.status().code(), StatusCode::kInvalidArgument);
  return parsed.status().message();
}

std::string email_refusal(std::string_view text) {
  return refusal(parse_oai_admin_email(text), text);
}

std::string name_refusal(std::string_view text) {
  return refusal(parse_oai_repository_name(text), text);
}

TEST(OaiAdminEmail, AddressesAreKeptAsGiven) {
  for (std::string_view text :
       {"library@jil.invalid", "OAI.Admin+harvest@Courts.Example.org", "a@b.co",
        "o'brien@xn--bcher-kva.example", "x_y-z@sub.domain.example.org"}) {
    Result<std::string> parsed = parse_oai_admin_email(text);
    ASSERT_TRUE(parsed.is_ok()) << text << ": " << parsed.status().message();
    EXPECT_EQ(*parsed, text);
  }
}

TEST(OaiAdminEmail, TheDefaultIsAcceptedToo) {
  EXPECT_TRUE(parse_oai_admin_email(kDefaultOaiAdminEmail).is_ok());
}

TEST(OaiAdminEmail, RefusalsNameTheTextAndTheReason) {
  EXPECT_EQ(email_refusal("library"), "--oai-admin-email library: not an address (local@domain)");
  EXPECT_EQ(email_refusal("@jil.example.org"),
            "--oai-admin-email @jil.example.org: nothing before the '@'");
  EXPECT_EQ(email_refusal("admin@localhost"),
            "--oai-admin-email admin@localhost: the domain needs a dot (example.org), as OAI-PMH "
            "asks");
  EXPECT_EQ(email_refusal("admin@10.0.0.1"),
            "--oai-admin-email admin@10.0.0.1: the domain must be a name, not an IPv4 address");
  for (std::string_view text : {"two words@example.org", "\"quoted\"@example.org",
                                "a@b@example.org", "<admin@example.org>", "ädmin@example.org"}) {
    EXPECT_NE(email_refusal(text).find("the part before '@' may hold only"), std::string::npos)
        << text;
  }
  for (std::string_view text : {".admin@example.org", "admin.@example.org", "a..b@example.org"}) {
    EXPECT_NE(email_refusal(text).find("begins or ends with '.' or has two in a row"),
              std::string::npos)
        << text;
  }
  EXPECT_NE(email_refusal("admin@example..org").find("domain: the host has an empty label"),
            std::string::npos);
  EXPECT_NE(email_refusal("admin@exa mple.org").find("domain: the host may hold only"),
            std::string::npos);
  EXPECT_NE(email_refusal("admin@").find("domain: no host"), std::string::npos);
  EXPECT_NE(email_refusal(std::string(65, 'a') + "@example.org").find("longer than 64 bytes"),
            std::string::npos);
  EXPECT_NE(email_refusal("a@" + std::string(250, 'b') + ".org").find("longer than 254 bytes"),
            std::string::npos);
}

TEST(OaiRepositoryName, NamesInAnyScriptAreKeptAsGiven) {
  for (std::string_view text : {"Judicial Integrity Library", "Bibliothèque <JIL> & Partners",
                                "مكتبة النزاهة القضائية", "司法廉正图书馆", "X"}) {
    Result<std::string> parsed = parse_oai_repository_name(text);
    ASSERT_TRUE(parsed.is_ok()) << text << ": " << parsed.status().message();
    EXPECT_EQ(*parsed, text);
  }
  EXPECT_TRUE(parse_oai_repository_name(std::string(kMaxOaiRepositoryNameBytes, 'n')).is_ok());
}

TEST(OaiRepositoryName, RefusalsNameTheReason) {
  EXPECT_EQ(name_refusal(""), "--oai-repository-name: empty");
  EXPECT_EQ(name_refusal(" \t "), "--oai-repository-name: empty");
  EXPECT_EQ(name_refusal(" Library"), "--oai-repository-name: a space or tab at an end");
  EXPECT_EQ(name_refusal("Library\t"), "--oai-repository-name: a space or tab at an end");
  EXPECT_EQ(name_refusal("Two\nlines"),
            "--oai-repository-name: a control character (a line break, a tab, ...)");
  EXPECT_EQ(name_refusal("Bell\x07"),
            "--oai-repository-name: a control character (a line break, a tab, ...)");
  EXPECT_EQ(name_refusal("Caf\xc3"), "--oai-repository-name: not valid UTF-8");
  EXPECT_EQ(name_refusal(std::string(kMaxOaiRepositoryNameBytes + 1, 'n')),
            "--oai-repository-name: longer than 200 bytes");
}

}  // namespace
}  // namespace jil::api
