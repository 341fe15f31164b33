// word/document.xml and docProps/core.xml through the handlers of office_text_handler.h.
#include "extract/docx_extractor.h"

#include "extract/dublin_core_metadata_handler.h"
#include "extract/office_text_handler.h"
#include "extract/safe_xml_parser.h"
#include "extract/text_cleanup.h"
#include "extract/zip_reader.h"

namespace jil::extract {

Result<ExtractedText> extract_docx(std::string_view bytes) {
  Result<ZipReader> zip = ZipReader::open(bytes);
  if (!zip.is_ok()) return zip.status();
  if (!zip->contains("word/document.xml")) {
    return Status(StatusCode::kCorrupt, "not a DOCX document (no word/document.xml)");
  }
  Result<std::string> document = zip->read("word/document.xml");
  if (!document.is_ok()) return document.status();
  DocxBodyHandler body;
  if (Status parsed = parse_xml(*document, body, "word/document.xml"); !parsed.is_ok()) {
    return parsed;
  }
  ExtractedText extracted;
  extracted.text = cleaned_text(body.text());
  if (zip->contains("docProps/core.xml")) {
    Result<std::string> core = zip->read("docProps/core.xml");
    if (!core.is_ok()) return core.status();
    DublinCoreTitleHandler title;
    if (Status parsed = parse_xml(*core, title, "docProps/core.xml"); !parsed.is_ok()) {
      return parsed;
    }
    extracted.title = cleaned_text(title.title());
    DublinCoreMetadataHandler properties;  // metadata/: embedded fields
    if (parse_xml(*core, properties, "docProps/core.xml").is_ok()) {
      extracted.embedded = properties.metadata();
    }
  }
  return extracted;
}

}  // namespace jil::extract
