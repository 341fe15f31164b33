// Implementation of atom_feed.h.
#include "render/atom_feed.h"

#include <algorithm>
#include <cstdio>

#include "render/xml_escape.h"

namespace jil::render {
namespace {

// <link rel="REL" type="application/atom+xml" href="BASE+TARGET"/>, nothing for no target.
std::string feed_link(std::string_view rel, const std::string& base, const std::string& target) {
  if (target.empty()) return {};
  return "  <link rel=\"" + std::string(rel) + "\" type=\"application/atom+xml\" href=\"" +
         xml_escaped(base + target) + "\"/>\n";
}

}  // namespace

std::string document_updated(const schema::DocRecord& record) {
  if (!record.indexed_at.empty()) return record.indexed_at;
  const int year = std::clamp(record.year, 1, 9999);
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-01-01T00:00:00Z", year);
  return buffer;
}

std::string atom_feed_xml(const AtomFeed& feed, const std::vector<schema::DocRecord>& records) {
  const std::string& base = feed.base_url;
  std::string updated = records.empty() ? feed.updated_without_entries : std::string();
  for (const auto& record : records) updated = std::max(updated, document_updated(record));
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
      "  <title>" +
      xml_escaped(feed.title) + "</title>\n  <id>" + xml_escaped(base + feed.self_target) +
      "</id>\n" + feed_link("self", base, feed.self_target) +
      feed_link("first", base, feed.pages.first) +
      feed_link("previous", base, feed.pages.previous) + feed_link("next", base, feed.pages.next) +
      "  <link rel=\"alternate\" type=\"text/html\" href=\"" +
      xml_escaped(base + (feed.html_target.empty() ? "/" : feed.html_target)) +
      "\"/>\n  <updated>" + xml_escaped(updated) +
      "</updated>\n  <author><name>Judicial Integrity Library</name></author>\n";
  for (const auto& record : records) {
    const std::string language(analysis::language_code(record.language));
    const std::string page = base + "/doc/" + record.id;
    xml += "  <entry xml:lang=\"" + xml_escaped(language) + "\">\n    <id>" + xml_escaped(page) +
           "</id>\n    <title>" + xml_escaped(record.title) + "</title>\n    <link href=\"" +
           xml_escaped(page) + "\" hreflang=\"" + xml_escaped(language) +
           "\"/>\n    <link rel=\"enclosure\" type=\"" + xml_escaped(record.media_type) +
           "\" href=\"" + xml_escaped(page + "/original") + "\"/>\n    <updated>" +
           xml_escaped(document_updated(record)) + "</updated>\n";
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
