// Tests api/oai_request.cc: a GET's arguments come from its URL, a POST's from its form body with
// the same decoding, and each fault only a POST can have is refused with its reason.
#include "api/oai_request.h"

#include <gtest/gtest.h>

#include <string>

namespace jil::api {
namespace {

constexpr char kForm[] = "application/x-www-form-urlencoded";

HttpRequest post(std::string body, std::string content_type = kForm, std::string target = "/oai") {
  HttpRequest request{"POST", std::move(target), "", "", ""};
  request.content_type = std::move(content_type);
  request.body = std::move(body);
  return request;
}

// The arguments as "name=value;..." sorted by name, or "error: <message>".
std::string arguments_of(const HttpRequest& request) {
  Result<ParsedTarget> parsed = oai_arguments(request);
  if (!parsed.is_ok()) return "error: " + parsed.status().message();
  std::string out;
  for (const auto& [name, value] : parsed->parameters) out += name + "=" + value + ";";
  return out;
}

TEST(OaiRequest, GetAndPostDecodeTheSameArgumentsAlike) {
  const std::string arguments =
      "verb=GetRecord&identifier=oai%3Ajil%3Acoi-guidance-en&metadataPrefix=oai_dc&set=a+b";
  const std::string expected =
      "identifier=oai:jil:coi-guidance-en;metadataPrefix=oai_dc;set=a b;verb=GetRecord;";
  EXPECT_EQ(arguments_of(HttpRequest{"GET", "/oai?" + arguments, "", "", ""}), expected);
  EXPECT_EQ(arguments_of(post(arguments)), expected);
  EXPECT_EQ(arguments_of(post("")), "");
}

TEST(OaiRequest, TheFormTypeIsReadInAnyCaseWithParameters) {
  for (const char* type :
       {"application/x-www-form-urlencoded; charset=UTF-8", "Application/X-WWW-Form-URLEncoded",
        " application/x-www-form-urlencoded ;x=y"}) {
    EXPECT_EQ(arguments_of(post("verb=Identify", type)), "verb=Identify;") << type;
  }
}

TEST(OaiRequest, AnotherContentTypeIsRefusedNamingTheFormType) {
  const std::string needed =
      "error: a POST's arguments must be sent as Content-Type: application/x-www-form-urlencoded";
  EXPECT_EQ(arguments_of(post("verb=Identify", "")), needed + " (it has none)");
  EXPECT_EQ(arguments_of(post("verb=Identify", "text/plain; charset=utf-8")),
            needed + " (not text/plain)");
  EXPECT_EQ(arguments_of(post("verb=Identify", "multipart/form-data; boundary=x")),
            needed + " (not multipart/form-data)");
  // A header's bytes are not echoed unless they are short printable ASCII.
  EXPECT_EQ(arguments_of(post("verb=Identify", "t\xe9xt/plain")), needed);
  EXPECT_EQ(arguments_of(post("verb=Identify", std::string(200, 'x'))), needed);
}

TEST(OaiRequest, APostWithAQueryInItsUrlIsRefused) {
  for (const char* target : {"/oai?verb=Identify", "/oai?x=1"}) {
    EXPECT_EQ(arguments_of(post("verb=Identify", kForm, target)),
              "error: a POST carries its arguments in its body only (OAI-PMH 3.1.1.2): the URL "
              "has a query")
        << target;
  }
  EXPECT_EQ(arguments_of(post("verb=Identify", kForm, "/oai?")), "verb=Identify;");
}

TEST(OaiRequest, AFormOverTheLimitIsRefused) {
  const auto padded = [](size_t bytes) {
    const std::string body = "verb=Identify";
    return body + std::string(bytes - body.size(), '&');
  };
  EXPECT_EQ(arguments_of(post(padded(kMaxOaiFormBytes))), "verb=Identify;");
  EXPECT_EQ(arguments_of(post(padded(kMaxOaiFormBytes + 1))),
            "error: the form is longer than 8192 bytes");
}

TEST(OaiRequest, AnUndecodableFormNamesTheForm) {
  EXPECT_EQ(arguments_of(post("verb=Identify&x=%ZZ")),
            "error: malformed percent-escape in the form");
  EXPECT_EQ(arguments_of(post("verb=%FF")), "error: the form is not valid UTF-8 once decoded");
  EXPECT_EQ(arguments_of(post("verb=a%00b")), "error: the form contains NUL");
  EXPECT_EQ(arguments_of(HttpRequest{"GET", "/oai?verb=%ZZ", "", "", ""}),
            "error: malformed percent-escape in the URL");
}

TEST(OaiRequest, AGetsBodyIsIgnored) {
  HttpRequest request{"GET", "/oai?verb=Identify", "", "", ""};
  request.content_type = kForm;
  request.body = "verb=ListSets";
  EXPECT_EQ(arguments_of(request), "verb=Identify;");
}

}  // namespace
}  // namespace jil::api
