// content.xml and meta.xml through the handlers of office_text_handler.h.
#include "extract/odt_extractor.h"

#include "extract/dublin_core_metadata_handler.h"
#include "extract/office_text_handler.h"
#include "extract/safe_xml_parser.h"
#include "extract/text_cleanup.h"
#include "extract/zip_reader.h"

namespace jil::extract {

Result<ExtractedText> extract_odt(std::string_view bytes) {
  Result<ZipReader> zip = ZipReader::open(bytes);
  if (!zip.is_ok()) return zip.status();
  if (!zip->contains("content.xml")) {
    return Status(StatusCode::kCorrupt, "not an ODT document (no content.xml)");
  }
  Result<std::string> content = zip->read("content.xml");
  if (!content.is_ok()) return content.status();
  OdtBodyHandler body;
  if (Status parsed = parse_xml(*content, body, "content.xml"); !parsed.is_ok()) return parsed;
  ExtractedText extracted;
  extracted.text = cleaned_text(body.text());
  if (zip->contains("meta.xml")) {
    Result<std::string> meta = zip->read("meta.xml");
    if (!meta.is_ok()) return meta.status();
    DublinCoreTitleHandler title;
    if (Status parsed = parse_xml(*meta, title, "meta.xml"); !parsed.is_ok()) return parsed;
    extracted.title = cleaned_text(title.title());
    DublinCoreMetadataHandler properties;  // metadata/: embedded fields
    if (parse_xml(*meta, properties, "meta.xml").is_ok()) {
      extracted.embedded = properties.metadata();
    }
  }
  return extracted;
}

}  // namespace jil::extract
