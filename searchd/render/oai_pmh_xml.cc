// Implementation of oai_pmh_xml.h.
#include "render/oai_pmh_xml.h"

#include "render/atom_feed.h"
#include "render/xml_escape.h"

namespace jil::render {

std::string xml_element(std::string_view name, std::string_view text) {
  const std::string tag(name);
  return "<" + tag + ">" + xml_escaped(text) + "</" + tag + ">";
}

std::string oai_envelope(std::string_view response_date, std::string_view base_url,
                         const std::vector<std::pair<std::string, std::string>>& echoed,
                         std::string_view body) {
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
      "xsi:schemaLocation=\"http://www.openarchives.org/OAI/2.0/ "
      "http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd\">\n" +
      xml_element("responseDate", response_date) + "\n<request";
  for (const auto& [name, value] : echoed) {
    xml += " " + name + "=\"" + xml_escaped(value) + "\"";
  }
  xml += ">" + xml_escaped(base_url) + "</request>\n";
  xml += body;
  xml += "\n</OAI-PMH>\n";
  return xml;
}

std::string oai_datestamp(const schema::DocRecord& record) { return document_updated(record); }

std::string oai_error(std::string_view code, std::string_view message) {
  return "<error code=\"" + xml_escaped(code) + "\">" + xml_escaped(message) + "</error>";
}

std::string oai_header(std::string_view identifier, std::string_view datestamp,
                       const std::vector<std::string>& set_specs, bool deleted) {
  std::string xml = (deleted ? "<header status=\"deleted\">" : "<header>") +
                    xml_element("identifier", identifier) + xml_element("datestamp", datestamp);
  for (const auto& spec : set_specs) xml += xml_element("setSpec", spec);
  return xml + "</header>";
}

namespace {

// The opening of an oai_dc record, with its namespaces and schema location.
constexpr std::string_view kOaiDcOpen =
    "<oai_dc:dc xmlns:oai_dc=\"http://www.openarchives.org/OAI/2.0/oai_dc/\" "
    "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
    "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
    "xsi:schemaLocation=\"http://www.openarchives.org/OAI/2.0/oai_dc/ "
    "http://www.openarchives.org/OAI/2.0/oai_dc.xsd\">";

}  // namespace

std::string oai_set_description(const std::vector<std::pair<std::string, std::string>>& names) {
  std::string xml = "<setDescription>" + std::string(kOaiDcOpen);
  for (const auto& [language, name] : names) {
    xml +=
        "<dc:title xml:lang=\"" + xml_escaped(language) + "\">" + xml_escaped(name) + "</dc:title>";
  }
  return xml + "</oai_dc:dc></setDescription>";
}

std::string oai_dc_metadata(const schema::DocRecord& record, std::string_view site_url,
                            const FacetLabels& labels) {
  using schema::Facet;
  const std::string page = std::string(site_url) + "/doc/" + record.id;
  std::string xml = "<metadata>" + std::string(kOaiDcOpen);
  xml += xml_element("dc:title", record.title);
  xml += xml_element("dc:language", analysis::language_code(record.language));
  // The DCMI Type Vocabulary's term, which aggregators map, then the library's document type.
  xml += xml_element("dc:type", "Text");
  xml += xml_element("dc:type", labels.value(Facet::kType, record.type));
  if (!record.organisation.empty()) {
    xml += xml_element("dc:publisher", labels.value(Facet::kOrganisation, record.organisation));
  }
  if (record.year > 0) xml += xml_element("dc:date", std::to_string(record.year));
  for (const auto& topic : record.topics) {
    xml += xml_element("dc:subject", labels.value(Facet::kTopic, topic));
  }
  for (const auto& value : record.values) {
    xml += xml_element("dc:subject", labels.value(Facet::kValue, value));
  }
  if (!record.summary.empty()) xml += xml_element("dc:description", record.summary);
  if (!record.country.empty()) {
    xml += xml_element("dc:coverage", labels.value(Facet::kCountry, record.country));
  }
  if (!record.region.empty()) {
    xml += xml_element("dc:coverage", labels.value(Facet::kRegion, record.region));
  }
  if (!record.media_type.empty()) xml += xml_element("dc:format", record.media_type);
  xml += xml_element("dc:identifier", page);
  if (!record.work.empty()) xml += xml_element("dc:relation", "work:" + record.work);
  return xml + "</oai_dc:dc></metadata>";
}

}  // namespace jil::render
