// Implementation of opensearch.h.
#include "render/opensearch.h"

#include "render/xml_escape.h"

namespace jil::render {

std::string opensearch_xml(std::string_view base_url) {
  const std::string base = xml_escaped(base_url);
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<OpenSearchDescription xmlns=\"http://a9.com/-/spec/opensearch/1.1/\">\n"
         "  <ShortName>JIL</ShortName>\n"
         "  <Description>Judicial Integrity Library: documents in Arabic, Chinese, English, "
         "French, Russian and Spanish</Description>\n"
         "  <InputEncoding>UTF-8</InputEncoding>\n"
         "  <OutputEncoding>UTF-8</OutputEncoding>\n"
         "  <Language>ar</Language><Language>en</Language><Language>es</Language>\n"
         "  <Language>fr</Language><Language>ru</Language><Language>zh</Language>\n"
         "  <Url type=\"text/html\" method=\"get\" template=\"" +
         base + "/search?q={searchTerms}&amp;page={startPage?}\"/>\n" +
         "  <Url type=\"application/atom+xml\" method=\"get\" template=\"" + base +
         "/feed.atom?q={searchTerms}&amp;page={startPage?}\"/>\n" +
         "  <Url type=\"application/json\" method=\"get\" template=\"" + base +
         "/api/v1/search?q={searchTerms}&amp;page={startPage?}\"/>\n" +
         "  <Url type=\"application/opensearchdescription+xml\" rel=\"self\" template=\"" + base +
         "/opensearch.xml\"/>\n" + "</OpenSearchDescription>\n";
}

}  // namespace jil::render
