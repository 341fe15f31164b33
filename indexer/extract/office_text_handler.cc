// Element tables of office_text_handler.h.
#include "extract/office_text_handler.h"

#include <Poco/SAX/Attributes.h>

#include <algorithm>
#include <charconv>

namespace jil::extract {
namespace {

constexpr char kWordNamespace[] = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr char kOdfTextNamespace[] = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
// Spaces one <text:s text:c="N"/> may stand for: a hostile count must not inflate the text.
constexpr int kMaxOdtSpaceRun = 100;

}  // namespace

void DublinCoreTitleHandler::startElement(const Poco::XML::XMLString& uri,
                                          const Poco::XML::XMLString& local_name,
                                          const Poco::XML::XMLString&,
                                          const Poco::XML::Attributes&) {
  if (!done_ && uri == kDublinCoreNamespace && local_name == "title") in_title_ = true;
}

void DublinCoreTitleHandler::endElement(const Poco::XML::XMLString& uri,
                                        const Poco::XML::XMLString& local_name,
                                        const Poco::XML::XMLString&) {
  if (in_title_ && uri == kDublinCoreNamespace && local_name == "title") {
    in_title_ = false;
    done_ = true;
  }
}

void DublinCoreTitleHandler::characters(const Poco::XML::XMLChar characters[], int start,
                                        int length) {
  if (in_title_) title_.append(characters + start, static_cast<size_t>(length));
}

void DocxBodyHandler::startElement(const Poco::XML::XMLString& uri,
                                   const Poco::XML::XMLString& local_name,
                                   const Poco::XML::XMLString&, const Poco::XML::Attributes&) {
  if (uri != kWordNamespace) return;
  if (local_name == "t") {
    ++text_depth_;
  } else if (local_name == "tab") {
    text_ += '\t';
  } else if (local_name == "br" || local_name == "cr") {
    text_ += '\n';
  }
}

void DocxBodyHandler::endElement(const Poco::XML::XMLString& uri,
                                 const Poco::XML::XMLString& local_name,
                                 const Poco::XML::XMLString&) {
  if (uri != kWordNamespace) return;
  if (local_name == "t" && text_depth_ > 0) {
    --text_depth_;
  } else if (local_name == "p") {
    text_ += "\n\n";
  }
}

void DocxBodyHandler::characters(const Poco::XML::XMLChar characters[], int start, int length) {
  if (text_depth_ > 0) text_.append(characters + start, static_cast<size_t>(length));
}

void OdtBodyHandler::startElement(const Poco::XML::XMLString& uri,
                                  const Poco::XML::XMLString& local_name,
                                  const Poco::XML::XMLString&,
                                  const Poco::XML::Attributes& attributes) {
  if (uri != kOdfTextNamespace) return;
  if (local_name == "p" || local_name == "h") {
    if (paragraph_depth_++ == 0) text_ += "\n\n";
  } else if (paragraph_depth_ > 0 && local_name == "s") {
    int count = 1;
    const std::string value = attributes.getValue(kOdfTextNamespace, "c");
    std::from_chars(value.data(), value.data() + value.size(), count);
    text_.append(static_cast<size_t>(std::clamp(count, 1, kMaxOdtSpaceRun)), ' ');
  } else if (paragraph_depth_ > 0 && local_name == "tab") {
    text_ += '\t';
  } else if (paragraph_depth_ > 0 && local_name == "line-break") {
    text_ += '\n';
  }
}

void OdtBodyHandler::endElement(const Poco::XML::XMLString& uri,
                                const Poco::XML::XMLString& local_name,
                                const Poco::XML::XMLString&) {
  if (uri != kOdfTextNamespace) return;
  if ((local_name == "p" || local_name == "h") && paragraph_depth_ > 0) {
    if (--paragraph_depth_ == 0) text_ += "\n\n";
  }
}

void OdtBodyHandler::characters(const Poco::XML::XMLChar characters[], int start, int length) {
  if (paragraph_depth_ > 0) text_.append(characters + start, static_cast<size_t>(length));
}

}  // namespace jil::extract
