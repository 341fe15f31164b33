// Poco SAX setup behind safe_xml_parser.h.
#include "extract/safe_xml_parser.h"

#include <Poco/Exception.h>
#include <Poco/SAX/SAXParser.h>

#include <string>

namespace jil::extract {

Status parse_xml(std::string_view xml, Poco::XML::DefaultHandler& handler, std::string_view what) {
  // Office and EPUB XML never declares a DTD; refusing it outright leaves expat only the five
  // predefined entities and character references.
  if (xml.find("<!DOCTYPE") != std::string_view::npos) {
    return Status(StatusCode::kCorrupt,
                  std::string(what) + ": XML document type declarations are refused");
  }
  try {
    Poco::XML::SAXParser parser;
    parser.setFeature(Poco::XML::XMLReader::FEATURE_NAMESPACES, true);
    parser.setFeature(Poco::XML::XMLReader::FEATURE_EXTERNAL_GENERAL_ENTITIES, false);
    parser.setFeature(Poco::XML::XMLReader::FEATURE_EXTERNAL_PARAMETER_ENTITIES, false);
    parser.setContentHandler(&handler);
    parser.parseMemoryNP(xml.data(), xml.size());
  } catch (const Poco::Exception& error) {
    return Status(StatusCode::kCorrupt, std::string(what) + ": " + error.displayText());
  } catch (const std::exception& error) {
    return Status(StatusCode::kCorrupt, std::string(what) + ": " + error.what());
  }
  return Status::ok();
}

}  // namespace jil::extract
