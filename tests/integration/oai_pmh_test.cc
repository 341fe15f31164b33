// OAI-PMH 2.0 at /oai over real HTTP (issue 6 item 4): every verb, selective harvesting by set
// and date, resumption tokens across pages (the corpus is larger than one page), and every error
// code of the protocol. Answers are parsed with Poco's DOM parser (namespaces on) and checked for
// the elements the protocol requires.
#include <Poco/AutoPtr.h>
#include <Poco/DOM/DOMParser.h>
#include <Poco/DOM/Document.h>
#include <Poco/DOM/Element.h>
#include <Poco/DOM/NodeList.h>
#include <Poco/Exception.h>
#include <Poco/SAX/XMLReader.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "http_client.h"
#include "test_environment.h"

namespace jil::integration {
namespace {

using Poco::AutoPtr;
using Poco::XML::Document;
using Poco::XML::Element;
using Poco::XML::NodeList;

constexpr char kOaiNs[] = "http://www.openarchives.org/OAI/2.0/";
constexpr char kDcNs[] = "http://purl.org/dc/elements/1.1/";
constexpr char kOaiDcNs[] = "http://www.openarchives.org/OAI/2.0/oai_dc/";

struct OaiReply {
  AutoPtr<Document> document;
  Element* root = nullptr;
};

// GETs /oai?<query>, checks the envelope every answer has (HTTP 200, text/xml, OAI-PMH root,
// responseDate in UTC seconds, request element holding the base URL) and returns it parsed.
OaiReply oai(const std::string& query) {
  OaiReply out;
  const HttpReply reply = http_get(environment().port(), "/oai?" + query);
  EXPECT_EQ(reply.status, 200u) << query << ": " << reply.body;
  EXPECT_EQ(reply.header("Content-Type"), "text/xml; charset=utf-8");
  Poco::XML::DOMParser parser;
  parser.setFeature(Poco::XML::XMLReader::FEATURE_NAMESPACES, true);
  try {
    out.document = parser.parseString(reply.body);
  } catch (const Poco::Exception& error) {
    ADD_FAILURE() << query << ": not well-formed XML: " << error.displayText();
    return out;
  }
  out.root = out.document->documentElement();
  EXPECT_EQ(out.root->localName(), "OAI-PMH");
  EXPECT_EQ(out.root->namespaceURI(), kOaiNs);
  Element* date = out.root->getChildElementNS(kOaiNs, "responseDate");
  EXPECT_TRUE(date &&
              std::regex_match(date->innerText(), std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")))
      << query;
  Element* request = out.root->getChildElementNS(kOaiNs, "request");
  EXPECT_TRUE(request && request->innerText() ==
                             "http://127.0.0.1:" + std::to_string(environment().port()) + "/oai")
      << query;
  return out;
}

std::vector<Element*> children(Element* parent, const char* ns, const char* name) {
  std::vector<Element*> found;
  if (!parent) return found;
  AutoPtr<NodeList> list = parent->getElementsByTagNameNS(ns, name);
  for (unsigned long i = 0; i < list->length(); ++i) {
    found.push_back(static_cast<Element*>(list->item(i)));
  }
  return found;
}

// The texts of every `name` element under `parent`, in document order.
std::vector<std::string> texts_of(Element* parent, const char* ns, const char* name) {
  std::vector<std::string> texts;
  for (Element* element : children(parent, ns, name)) texts.push_back(element->innerText());
  return texts;
}

std::string text_of(Element* parent, const char* ns, const char* name) {
  const std::vector<Element*> found = children(parent, ns, name);
  return found.empty() ? std::string("<missing>") : found.front()->innerText();
}

// The error code of an error answer ("" when there is none). Error answers echo no arguments
// after badVerb and badArgument.
std::string error_code(const std::string& query) {
  const OaiReply reply = oai(query);
  if (!reply.root) return "";
  Element* error = reply.root->getChildElementNS(kOaiNs, "error");
  if (!error) return "";
  const std::string code = error->getAttribute("code");
  if (code == "badVerb" || code == "badArgument") {
    Element* request = reply.root->getChildElementNS(kOaiNs, "request");
    EXPECT_TRUE(request && !request->hasAttributes()) << query;
  }
  EXPECT_FALSE(error->innerText().empty()) << query;
  return code;
}

// Every identifier of a ListIdentifiers harvest with `arguments`, following resumption tokens.
std::vector<std::string> harvest_identifiers(const std::string& arguments, int& pages) {
  std::vector<std::string> identifiers;
  std::string query = "verb=ListIdentifiers&" + arguments;
  pages = 0;
  while (pages < 100) {
    const OaiReply reply = oai(query);
    if (!reply.root) break;
    ++pages;
    Element* list = reply.root->getChildElementNS(kOaiNs, "ListIdentifiers");
    EXPECT_TRUE(list) << query;
    if (!list) break;
    for (Element* header : children(list, kOaiNs, "header")) {
      identifiers.push_back(text_of(header, kOaiNs, "identifier"));
    }
    Element* token = list->getChildElementNS(kOaiNs, "resumptionToken");
    if (!token || token->innerText().empty()) break;
    EXPECT_EQ(token->getAttribute("cursor"),
              std::to_string(identifiers.size() - children(list, kOaiNs, "header").size()));
    query = "verb=ListIdentifiers&resumptionToken=" + percent_encoded(token->innerText());
  }
  return identifiers;
}

std::set<std::string> catalog_identifiers(const std::string& language) {
  std::set<std::string> ids;
  for (const auto& entry : environment().catalog().documents()) {
    if (language.empty() || entry.language == language) ids.insert("oai:jil:" + entry.id);
  }
  return ids;
}

TEST(OaiPmh, IdentifyHasEveryRequiredElement) {
  const OaiReply reply = oai("verb=Identify");
  ASSERT_TRUE(reply.root);
  Element* identify = reply.root->getChildElementNS(kOaiNs, "Identify");
  ASSERT_TRUE(identify);
  EXPECT_EQ(reply.root->getChildElementNS(kOaiNs, "request")->getAttribute("verb"), "Identify");
  EXPECT_EQ(text_of(identify, kOaiNs, "protocolVersion"), "2.0");
  EXPECT_EQ(text_of(identify, kOaiNs, "granularity"), "YYYY-MM-DDThh:mm:ssZ");
  EXPECT_EQ(text_of(identify, kOaiNs, "deletedRecord"), "transient");
  EXPECT_TRUE(text_of(identify, kOaiNs, "baseURL").ends_with("/oai"));
  for (const char* name : {"repositoryName", "adminEmail", "earliestDatestamp"}) {
    EXPECT_NE(text_of(identify, kOaiNs, name), "<missing>") << name;
  }
}

TEST(OaiPmh, MetadataFormatsAndSets) {
  const OaiReply formats = oai("verb=ListMetadataFormats");
  ASSERT_TRUE(formats.root);
  EXPECT_EQ(text_of(formats.root, kOaiNs, "metadataPrefix"), "oai_dc");
  EXPECT_EQ(text_of(formats.root, kOaiNs, "metadataNamespace"), kOaiDcNs);
  EXPECT_EQ(error_code("verb=ListMetadataFormats&identifier=oai:jil:coi-guidance-en"), "");
  EXPECT_EQ(error_code("verb=ListMetadataFormats&identifier=oai:jil:no-such-document"),
            "idDoesNotExist");

  const OaiReply sets = oai("verb=ListSets");
  ASSERT_TRUE(sets.root);
  std::set<std::string> specs;
  for (Element* spec : children(sets.root, kOaiNs, "setSpec")) specs.insert(spec->innerText());
  for (const char* spec : {"type", "type:guidance", "language", "language:fr", "language:zh"}) {
    EXPECT_TRUE(specs.contains(spec)) << spec;
  }
  EXPECT_EQ(children(sets.root, kOaiNs, "setSpec").size(),
            children(sets.root, kOaiNs, "setName").size());
  // Each set is named in the six interface languages too: one setDescription per set, holding
  // an oai_dc record with one dc:title per language.
  const auto descriptions = children(sets.root, kOaiNs, "setDescription");
  EXPECT_EQ(descriptions.size(), specs.size());
  const HttpReply raw = http_get(environment().port(), "/oai?verb=ListSets");
  const size_t guidance = raw.body.find("<setSpec>type:guidance</setSpec>");
  ASSERT_NE(guidance, std::string::npos);
  const std::string set = raw.body.substr(guidance, raw.body.find("</set>", guidance) - guidance);
  for (const char* title :
       {"<dc:title xml:lang=\"fr\">Guide</dc:title>",
        "<dc:title xml:lang=\"ar\">إرشادات</dc:title>", "<dc:title xml:lang=\"zh\">指南</dc:title>",
        "<dc:title xml:lang=\"en\">Guidance</dc:title>"}) {
    EXPECT_NE(set.find(title), std::string::npos) << title << "\n" << set;
  }
  const size_t languages = raw.body.find("<setSpec>language</setSpec>");
  ASSERT_NE(languages, std::string::npos);
  EXPECT_NE(raw.body.find("<dc:title xml:lang=\"ru\">Язык</dc:title>", languages),
            std::string::npos);
}

TEST(OaiPmh, ListIdentifiersHarvestsEveryDocumentAcrossPages) {
  int pages = 0;
  const std::vector<std::string> identifiers = harvest_identifiers("metadataPrefix=oai_dc", pages);
  EXPECT_GE(pages, 2) << "the corpus is larger than one page";
  const std::set<std::string> unique(identifiers.begin(), identifiers.end());
  EXPECT_EQ(unique.size(), identifiers.size()) << "no identifier twice";
  EXPECT_EQ(unique, catalog_identifiers(""));

  // Selective: a language set, and the parent set "type" (every document has a type).
  EXPECT_EQ(harvest_identifiers("metadataPrefix=oai_dc&set=language:fr", pages).size(),
            catalog_identifiers("fr").size());
  EXPECT_EQ(harvest_identifiers("metadataPrefix=oai_dc&set=type", pages).size(), unique.size());
}

TEST(OaiPmh, ListRecordsCarriesDublinCoreAndFiltersByDate) {
  const OaiReply reply = oai("verb=ListRecords&metadataPrefix=oai_dc&set=language:ru");
  ASSERT_TRUE(reply.root);
  const std::vector<Element*> records = children(reply.root, kOaiNs, "record");
  ASSERT_EQ(records.size(), catalog_identifiers("ru").size());
  for (Element* record : records) {
    EXPECT_EQ(text_of(record, kDcNs, "language"), "ru");
    EXPECT_NE(text_of(record, kDcNs, "title"), "<missing>");
    EXPECT_TRUE(text_of(record, kDcNs, "identifier").starts_with("http://127.0.0.1:"));
    EXPECT_EQ(children(record, kOaiDcNs, "dc").size(), 1u);
    std::set<std::string> specs;
    for (Element* spec : children(record, kOaiNs, "setSpec")) specs.insert(spec->innerText());
    EXPECT_TRUE(specs.contains("language:ru"));
  }

  // from/until select by datestamp, the time of indexing (the whole corpus at kIndexEpoch);
  // oai_datestamp_test.cc shows documents indexed at different times told apart.
  const size_t all = catalog_identifiers("").size();
  int pages = 0;
  EXPECT_EQ(
      harvest_identifiers("metadataPrefix=oai_dc&from=2023-11-14&until=2023-11-14", pages).size(),
      all);
  EXPECT_EQ(harvest_identifiers("metadataPrefix=oai_dc&from=2023-11-14T22:13:20Z"
                                "&until=2023-11-14T22:13:20Z",
                                pages)
                .size(),
            all);
  EXPECT_EQ(error_code("verb=ListIdentifiers&metadataPrefix=oai_dc&from=2023-11-14T22:13:21Z"),
            "noRecordsMatch");
  EXPECT_EQ(error_code("verb=ListIdentifiers&metadataPrefix=oai_dc&until=2023-11-13"),
            "noRecordsMatch");
}

TEST(OaiPmh, GetRecordReturnsOneDocument) {
  const auto& entry = environment().catalog().document("coi-guidance-en");
  const OaiReply reply =
      oai("verb=GetRecord&identifier=oai:jil:coi-guidance-en&metadataPrefix=oai_dc");
  ASSERT_TRUE(reply.root);
  Element* get = reply.root->getChildElementNS(kOaiNs, "GetRecord");
  ASSERT_TRUE(get);
  EXPECT_EQ(text_of(get, kOaiNs, "identifier"), "oai:jil:coi-guidance-en");
  EXPECT_EQ(text_of(get, kOaiNs, "datestamp"), kIndexEpochDatestamp);
  EXPECT_EQ(text_of(get, kDcNs, "title"), entry.title);
  EXPECT_EQ(texts_of(get, kDcNs, "type"), (std::vector<std::string>{"Text", "Guidance"}))
      << "the DCMI type, then the document type's name (" << entry.type << ")";
}

// Dublin Core carries the names readers see on the document page, in English for every record
// (here a French one), not the vocabulary's ids: a portal shows them as they come.
TEST(OaiPmh, DublinCoreNamesPublisherTypeSubjectsAndCoverage) {
  const OaiReply reply =
      oai("verb=GetRecord&identifier=oai:jil:formation-genre-egalite-integrite-fr"
          "&metadataPrefix=oai_dc");
  ASSERT_TRUE(reply.root);
  Element* dc = reply.root->getChildElementNS(kOaiNs, "GetRecord");
  ASSERT_TRUE(dc);
  EXPECT_EQ(text_of(dc, kDcNs, "language"), "fr") << "ISO 639-1, the standard code";
  EXPECT_EQ(texts_of(dc, kDcNs, "publisher"),
            std::vector<std::string>{"National judicial training institute"});
  EXPECT_EQ(texts_of(dc, kDcNs, "type"), (std::vector<std::string>{"Text", "Training material"}));
  EXPECT_EQ(texts_of(dc, kDcNs, "subject"),
            (std::vector<std::string>{"Gender and integrity", "Judicial ethics", "Equality",
                                      "Impartiality", "Integrity"}));
  EXPECT_EQ(texts_of(dc, kDcNs, "coverage"), (std::vector<std::string>{"Canada", "Americas"}));
}

TEST(OaiPmh, EveryErrorCodeOfTheProtocol) {
  EXPECT_EQ(error_code(""), "badVerb");
  EXPECT_EQ(error_code("verb=Harvest"), "badVerb");
  EXPECT_EQ(error_code("verb=Identify&verb=ListSets"), "badVerb");
  EXPECT_EQ(error_code("verb=Identify&extra=1"), "badArgument");
  // Arguments that cannot be decoded have "an illegal syntax" (OAI-PMH 3.6): badArgument.
  EXPECT_EQ(error_code("verb=Identify&x=%ZZ"), "badArgument");
  EXPECT_EQ(error_code("verb=Identify&x=%FF"), "badArgument");
  EXPECT_EQ(error_code("verb=ListRecords"), "badArgument");
  EXPECT_EQ(error_code("verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=oai_dc"),
            "badArgument");
  EXPECT_EQ(error_code("verb=GetRecord&identifier=oai:jil:coi-guidance-en"), "badArgument");
  EXPECT_EQ(error_code("verb=ListRecords&metadataPrefix=oai_dc&from=2019"), "badArgument");
  // Well shaped, but no such day or time.
  for (const char* date : {"from=2020-13-01", "from=2021-02-29", "from=0000-00-00",
                           "until=2020-12-31T25:99:99Z", "until=2020-04-31", "from=2020-00-10"}) {
    EXPECT_EQ(error_code(std::string("verb=ListRecords&metadataPrefix=oai_dc&") + date),
              "badArgument")
        << date;
  }
  EXPECT_NE(error_code("verb=ListRecords&metadataPrefix=oai_dc&from=2020-02-29"), "badArgument");
  EXPECT_EQ(error_code("verb=ListRecords&metadataPrefix=oai_dc&from=2019-01-01&until=2020-01-"
                       "01T00:00:00Z"),
            "badArgument");
  EXPECT_EQ(error_code("verb=ListRecords&metadataPrefix=oai_dc&from=2020-01-01&until=2019-01-01"),
            "badArgument");
  EXPECT_EQ(error_code("verb=ListRecords&metadataPrefix=marc21"), "cannotDisseminateFormat");
  EXPECT_EQ(error_code("verb=GetRecord&identifier=oai:jil:coi-guidance-en&metadataPrefix=marc21"),
            "cannotDisseminateFormat");
  EXPECT_EQ(error_code("verb=GetRecord&identifier=oai:jil:no-such-document&metadataPrefix=oai_dc"),
            "idDoesNotExist");
  EXPECT_EQ(error_code("verb=GetRecord&identifier=coi-guidance-en&metadataPrefix=oai_dc"),
            "idDoesNotExist");
  EXPECT_EQ(error_code("verb=ListIdentifiers&metadataPrefix=oai_dc&from=2100-01-01"),
            "noRecordsMatch");
  EXPECT_EQ(error_code("verb=ListIdentifiers&metadataPrefix=oai_dc&set=type:memo"),
            "noRecordsMatch");
  EXPECT_EQ(error_code("verb=ListIdentifiers&resumptionToken=zzz"), "badResumptionToken");
  EXPECT_EQ(error_code("verb=ListSets&resumptionToken=abc"), "badResumptionToken");

  // A real token, then the same token tampered with, and with another argument beside it.
  const OaiReply first = oai("verb=ListIdentifiers&metadataPrefix=oai_dc");
  ASSERT_TRUE(first.root);
  const std::string token = text_of(first.root, kOaiNs, "resumptionToken");
  ASSERT_FALSE(token.empty());
  ASSERT_NE(token, "<missing>");
  EXPECT_EQ(error_code("verb=ListIdentifiers&resumptionToken=" + token), "");
  std::string tampered = token;
  tampered[4] = tampered[4] == '0' ? '1' : '0';
  EXPECT_EQ(error_code("verb=ListIdentifiers&resumptionToken=" + tampered), "badResumptionToken");
  EXPECT_EQ(error_code("verb=ListIdentifiers&metadataPrefix=oai_dc&resumptionToken=" + token),
            "badArgument");
}

}  // namespace
}  // namespace jil::integration
