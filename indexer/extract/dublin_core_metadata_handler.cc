// Element → field table of dublin_core_metadata_handler.h.
#include "extract/dublin_core_metadata_handler.h"

#include "extract/office_text_handler.h"
#include "extract/text_cleanup.h"

namespace jil::extract {
namespace {

constexpr char kDublinCoreTermsNamespace[] = "http://purl.org/dc/terms/";
constexpr char kOfficeCoreNamespace[] =
    "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
constexpr char kOdfMetaNamespace[] = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0";

// The field name an element holds, or "" for elements that are not read.
std::string field_of(const std::string& uri, const std::string& name) {
  if (uri == kDublinCoreNamespace) {
    if (name == "title" || name == "language" || name == "description" || name == "subject" ||
        name == "creator" || name == "publisher" || name == "type" || name == "coverage") {
      return name;
    }
    if (name == "date") return "date";
  } else if (uri == kDublinCoreTermsNamespace) {
    if (name == "created" || name == "issued") return name;
  } else if (uri == kOfficeCoreNamespace) {
    if (name == "keywords") return "keywords";
    if (name == "category") return "type";
  } else if (uri == kOdfMetaNamespace) {
    if (name == "keyword") return "keywords";
    if (name == "creation-date") return "created";
    if (name == "initial-creator") return "creator";
  }
  return "";
}

}  // namespace

void DublinCoreMetadataHandler::startElement(const Poco::XML::XMLString& uri,
                                             const Poco::XML::XMLString& local_name,
                                             const Poco::XML::XMLString&,
                                             const Poco::XML::Attributes&) {
  element_ = field_of(uri, local_name);
  current_text_.clear();
  current_ = element_.empty() ? nullptr : &current_text_;
}

void DublinCoreMetadataHandler::endElement(const Poco::XML::XMLString&, const Poco::XML::XMLString&,
                                           const Poco::XML::XMLString&) {
  if (!current_) return;
  const std::string& text = current_text_;
  if (element_ == "title" && metadata_.title.empty()) {
    metadata_.title = text;
  } else if (element_ == "language" && metadata_.language.empty()) {
    metadata_.language = text;
  } else if (element_ == "description") {
    metadata_.description = text;  // a description is preferred to a subject line
  } else if (element_ == "subject") {
    // DOCX and ODT use dc:subject for a one-line subject, EPUB for keywords: both are kept.
    add_keywords(metadata_, text);
    if (metadata_.description.empty()) metadata_.description = text;
  } else if (element_ == "keywords") {
    add_keywords(metadata_, text);
  } else if (element_ == "creator" || element_ == "publisher") {
    add_author(metadata_, text);
  } else if (element_ == "type" && metadata_.type.empty()) {
    metadata_.type = text;
  } else if (element_ == "coverage" && metadata_.coverage.empty()) {
    metadata_.coverage = text;
  } else if (element_ == "created" && created_.empty()) {
    created_ = text;
  } else if (element_ == "issued" && issued_.empty()) {
    issued_ = text;
  } else if (element_ == "date" && dated_.empty()) {
    dated_ = text;
  }
  current_ = nullptr;
}

void DublinCoreMetadataHandler::characters(const Poco::XML::XMLChar characters[], int start,
                                           int length) {
  // Bounded by the zip reader's entry limit: the property files are read whole anyway.
  if (current_) current_->append(characters + start, static_cast<size_t>(length));
}

EmbeddedMetadata DublinCoreMetadataHandler::metadata() const {
  EmbeddedMetadata out = metadata_;
  for (std::string* field :
       {&out.title, &out.language, &out.description, &out.type, &out.coverage}) {
    *field = cleaned_text(*field);
  }
  for (const std::string* date : {&created_, &issued_, &dated_}) set_date(out, *date);
  return out;
}

}  // namespace jil::extract
