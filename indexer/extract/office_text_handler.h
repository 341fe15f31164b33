// SAX handlers that collect text from office XML: a title element (Dublin Core dc:title, in
// docProps/core.xml, meta.xml and EPUB package files), and the body of a DOCX or ODT document.
#pragma once

#include <Poco/SAX/DefaultHandler.h>

#include <string>

namespace jil::extract {

inline constexpr char kDublinCoreNamespace[] = "http://purl.org/dc/elements/1.1/";

// Text of the first <dc:title>.
class DublinCoreTitleHandler : public Poco::XML::DefaultHandler {
 public:
  void startElement(const Poco::XML::XMLString& uri, const Poco::XML::XMLString& local_name,
                    const Poco::XML::XMLString& qname,
                    const Poco::XML::Attributes& attributes) override;
  void endElement(const Poco::XML::XMLString& uri, const Poco::XML::XMLString& local_name,
                  const Poco::XML::XMLString& qname) override;
  void characters(const Poco::XML::XMLChar characters[], int start, int length) override;
  const std::string& title() const { return title_; }

 private:
  bool in_title_ = false;
  bool done_ = false;
  std::string title_;
};

// Body text of word/document.xml: <w:t> runs, <w:p> paragraphs as blank lines, <w:tab> and
// <w:br>/<w:cr>. Deleted text (<w:delText>) and field codes (<w:instrText>) are not in <w:t>.
class DocxBodyHandler : public Poco::XML::DefaultHandler {
 public:
  void startElement(const Poco::XML::XMLString& uri, const Poco::XML::XMLString& local_name,
                    const Poco::XML::XMLString& qname,
                    const Poco::XML::Attributes& attributes) override;
  void endElement(const Poco::XML::XMLString& uri, const Poco::XML::XMLString& local_name,
                  const Poco::XML::XMLString& qname) override;
  void characters(const Poco::XML::XMLChar characters[], int start, int length) override;
  const std::string& text() const { return text_; }

 private:
  int text_depth_ = 0;  // inside <w:t>
  std::string text_;
};

// Body text of an ODT content.xml: <text:p> and <text:h> paragraphs as blank lines, <text:span>
// runs, <text:s text:c="N"/> spaces, <text:tab/> and <text:line-break/>.
class OdtBodyHandler : public Poco::XML::DefaultHandler {
 public:
  void startElement(const Poco::XML::XMLString& uri, const Poco::XML::XMLString& local_name,
                    const Poco::XML::XMLString& qname,
                    const Poco::XML::Attributes& attributes) override;
  void endElement(const Poco::XML::XMLString& uri, const Poco::XML::XMLString& local_name,
                  const Poco::XML::XMLString& qname) override;
  void characters(const Poco::XML::XMLChar characters[], int start, int length) override;
  const std::string& text() const { return text_; }

 private:
  int paragraph_depth_ = 0;  // inside <text:p> or <text:h>
  std::string text_;
};

}  // namespace jil::extract
