// Container → package → spine → chapters for epub_extractor.h.
#include "extract/epub_extractor.h"

#include <Poco/SAX/Attributes.h>

#include <cctype>
#include <map>
#include <string>
#include <vector>

#include "base/utf8.h"
#include "extract/dublin_core_metadata_handler.h"
#include "extract/html_extractor.h"
#include "extract/office_text_handler.h"
#include "extract/safe_xml_parser.h"
#include "extract/text_cleanup.h"
#include "extract/zip_reader.h"

namespace jil::extract {
namespace {

constexpr char kContainerNamespace[] = "urn:oasis:names:tc:opendocument:xmlns:container";
constexpr char kPackageNamespace[] = "http://www.idpf.org/2007/opf";

// The full-path of the first <rootfile> in META-INF/container.xml.
class ContainerHandler : public Poco::XML::DefaultHandler {
 public:
  void startElement(const Poco::XML::XMLString& uri, const Poco::XML::XMLString& local_name,
                    const Poco::XML::XMLString&, const Poco::XML::Attributes& attributes) override {
    if (package_path_.empty() && uri == kContainerNamespace && local_name == "rootfile") {
      package_path_ = attributes.getValue("", "full-path");
    }
  }
  const std::string& package_path() const { return package_path_; }

 private:
  std::string package_path_;
};

// Manifest (id → href), spine (ids in reading order), dc:title and dc:language of the OPF file.
class PackageHandler : public Poco::XML::DefaultHandler {
 public:
  void startElement(const Poco::XML::XMLString& uri, const Poco::XML::XMLString& local_name,
                    const Poco::XML::XMLString&, const Poco::XML::Attributes& attributes) override {
    if (uri == kPackageNamespace && local_name == "item") {
      manifest_[attributes.getValue("", "id")] = attributes.getValue("", "href");
    } else if (uri == kPackageNamespace && local_name == "itemref") {
      spine_.push_back(attributes.getValue("", "idref"));
    } else if (uri == kDublinCoreNamespace && (local_name == "title" || local_name == "language")) {
      current_ = local_name == "title" ? &title_ : &language_;
      if (!current_->empty()) current_ = nullptr;  // the first one counts
    }
  }
  void endElement(const Poco::XML::XMLString&, const Poco::XML::XMLString&,
                  const Poco::XML::XMLString&) override {
    current_ = nullptr;
  }
  void characters(const Poco::XML::XMLChar characters[], int start, int length) override {
    if (current_) current_->append(characters + start, static_cast<size_t>(length));
  }

  std::map<std::string, std::string> manifest_;
  std::vector<std::string> spine_;
  std::string title_;
  std::string language_;

 private:
  std::string* current_ = nullptr;
};

// The zip entry name of `href` (relative to the package file's folder): fragment dropped, "%20"
// style escapes decoded, "./" and "../" resolved.
std::string resolve_href(const std::string& package_path, std::string href) {
  href = href.substr(0, href.find('#'));
  std::string decoded;
  for (size_t index = 0; index < href.size(); ++index) {
    if (href[index] == '%' && index + 2 < href.size() &&
        std::isxdigit(static_cast<unsigned char>(href[index + 1])) &&
        std::isxdigit(static_cast<unsigned char>(href[index + 2]))) {
      decoded += static_cast<char>(std::stoi(href.substr(index + 1, 2), nullptr, 16));
      index += 2;
    } else {
      decoded += href[index];
    }
  }
  const size_t slash = package_path.rfind('/');
  std::string path = slash == std::string::npos ? "" : package_path.substr(0, slash + 1);
  path += decoded;
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    const std::string part = path.substr(start, end - start);
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    start = end + 1;
  }
  std::string joined;
  for (const std::string& part : parts) joined += (joined.empty() ? "" : "/") + part;
  return joined;
}

Status not_an_epub(const std::string& why) {
  return Status(StatusCode::kCorrupt, "not an EPUB book (" + why + ")");
}

}  // namespace

Result<ExtractedText> extract_epub(std::string_view bytes) {
  Result<ZipReader> zip = ZipReader::open(bytes);
  if (!zip.is_ok()) return zip.status();
  if (!zip->contains("META-INF/container.xml")) return not_an_epub("no META-INF/container.xml");
  Result<std::string> container_xml = zip->read("META-INF/container.xml");
  if (!container_xml.is_ok()) return container_xml.status();
  ContainerHandler container;
  if (Status parsed = parse_xml(*container_xml, container, "META-INF/container.xml");
      !parsed.is_ok()) {
    return parsed;
  }
  const std::string& package_path = container.package_path();
  if (package_path.empty() || !zip->contains(package_path)) return not_an_epub("no package file");
  Result<std::string> package_xml = zip->read(package_path);
  if (!package_xml.is_ok()) return package_xml.status();
  PackageHandler package;
  if (Status parsed = parse_xml(*package_xml, package, package_path); !parsed.is_ok()) {
    return parsed;
  }

  ExtractedText extracted;
  extracted.title = cleaned_text(package.title_);
  extracted.language = cleaned_text(package.language_);
  DublinCoreMetadataHandler properties;  // metadata/: embedded fields (the package's dc:*)
  if (parse_xml(*package_xml, properties, package_path).is_ok()) {
    extracted.embedded = properties.metadata();
  }
  std::string text;
  for (const std::string& idref : package.spine_) {
    const auto item = package.manifest_.find(idref);
    if (item == package.manifest_.end()) return not_an_epub("spine item " + idref + " unknown");
    const std::string entry = resolve_href(package_path, item->second);
    Result<std::string> chapter = zip->read(entry);
    if (!chapter.is_ok()) return chapter.status();
    std::string_view chapter_bytes = *chapter;
    if (chapter_bytes.starts_with("\xEF\xBB\xBF")) chapter_bytes.remove_prefix(3);
    if (!utf8::is_valid(chapter_bytes)) return not_an_epub(entry + " is not valid UTF-8");
    Result<ExtractedText> chapter_text = extract_html(chapter_bytes);
    if (!chapter_text.is_ok()) return chapter_text.status();
    if (extracted.title.empty()) extracted.title = chapter_text->title;
    if (!text.empty() && !chapter_text->text.empty()) text += "\n\n";
    text += chapter_text->text;
  }
  extracted.text = cleaned_text(text);
  return extracted;
}

}  // namespace jil::extract
