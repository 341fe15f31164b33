// SAX handler that collects embedded metadata from the property files of office documents and
// books: DOCX docProps/core.xml (dc:*, dcterms:created, cp:keywords, cp:category), ODT meta.xml
// (dc:*, meta:keyword, meta:creation-date, meta:initial-creator) and an EPUB package's dc:*.
#pragma once

#include <Poco/SAX/DefaultHandler.h>

#include <string>

#include "extract/embedded_metadata.h"

namespace jil::extract {

class DublinCoreMetadataHandler : public Poco::XML::DefaultHandler {
 public:
  void startElement(const Poco::XML::XMLString& uri, const Poco::XML::XMLString& local_name,
                    const Poco::XML::XMLString& qname,
                    const Poco::XML::Attributes& attributes) override;
  void endElement(const Poco::XML::XMLString& uri, const Poco::XML::XMLString& local_name,
                  const Poco::XML::XMLString& qname) override;
  void characters(const Poco::XML::XMLChar characters[], int start, int length) override;

  // What was found; dates in order of preference (created, issued, then dc:date, which ODT uses
  // for the last change).
  EmbeddedMetadata metadata() const;

 private:
  std::string* current_ = nullptr;  // the field the open element's text goes to
  std::string current_text_;
  std::string element_;  // "title", "keywords", ...: what current_text_ is
  EmbeddedMetadata metadata_;
  std::string created_;
  std::string issued_;
  std::string dated_;
};

}  // namespace jil::extract
