// Implementation of atom_feed.h.
#include "render/atom_feed.h"

#include <algorithm>
#include <cstdio>

#include "render/xml_escape.h"

namespace jil::render {
namespace {

// The feed's date when it has no entries: the start of the Unix epoch, stable for ETags.
constexpr std::string_view kEmptyFeedUpdated = "1970-01-01T00:00:00Z";

}  // namespace

std::string document_updated(const schema::DocRecord& record) {
  const int year = std::clamp(record.year, 1, 9999);
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-01-01T00:00:00Z", year);
  return buffer;
}

std::string atom_feed_xml(std::string_view base_url, std::string_view self_target,
                          std::string_view title, const std::vector<schema::DocRecord>& records) {
  const std::string base(base_url);
  std::string updated(kEmptyFeedUpdated);
  for (const auto& record : records) updated = std::max(updated, document_updated(record));
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
      "  <title>" +
      xml_escaped(title) + "</title>\n  <id>" + xml_escaped(base + std::string(self_target)) +
      "</id>\n  <link rel=\"self\" type=\"application/atom+xml\" href=\"" +
      xml_escaped(base + std::string(self_target)) + "\"/>\n  <link rel=\"alternate\" href=\"" +
      xml_escaped(base + "/") + "\"/>\n  <updated>" + updated +
      "</updated>\n  <author><name>Judicial Integrity Library</name></author>\n";
  for (const auto& record : records) {
    const std::string language(analysis::language_code(record.language));
    const std::string page = base + "/doc/" + record.id;
    xml += "  <entry xml:lang=\"" + xml_escaped(language) + "\">\n    <id>" + xml_escaped(page) +
           "</id>\n    <title>" + xml_escaped(record.title) + "</title>\n    <link href=\"" +
           xml_escaped(page) + "\" hreflang=\"" + xml_escaped(language) +
           "\"/>\n    <link rel=\"enclosure\" type=\"" + xml_escaped(record.media_type) +
           "\" href=\"" + xml_escaped(page + "/original") + "\"/>\n    <updated>" +
           document_updated(record) + "</updated>\n";
    if (!record.type.empty()) {
      xml += "    <category term=\"" + xml_escaped(record.type) + "\"/>\n";
    }
    if (!record.summary.empty()) {
      xml += "    <summary>" + xml_escaped(record.summary) + "</summary>\n";
    }
    xml += "  </entry>\n";
  }
  xml += "</feed>\n";
  return xml;
}

}  // namespace jil::render
