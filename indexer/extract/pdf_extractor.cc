// poppler-cpp calls behind pdf_extractor.h.
#include "extract/pdf_extractor.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <climits>
#include <memory>

#include "base/utf8.h"
#include "extract/text_cleanup.h"

namespace jil::extract {
namespace {

// poppler reports every oddity of a damaged file on stderr; the reason a file fails is ours to
// report, once.
void ignore_poppler_message(const std::string&, void*) {}

std::string utf8_of(const poppler::ustring& text) {
  const poppler::byte_array bytes = text.to_utf8();
  // poppler's UTF-16 → UTF-8 conversion passes lone surrogates through; repair them.
  return utf8::repaired(std::string_view(bytes.data(), bytes.size()));
}

// The document information dictionary (Title, Subject, Keywords, Author, CreationDate); the
// date is read as written ("D:20210504…") so that its year does not depend on a time zone.
void read_document_info(const poppler::document& document, EmbeddedMetadata& embedded) {
  embedded.title = cleaned_text(utf8_of(document.info_key("Title")));
  embedded.description = cleaned_text(utf8_of(document.info_key("Subject")));
  add_keywords(embedded, utf8_of(document.info_key("Keywords")));
  add_author(embedded, utf8_of(document.info_key("Author")));
  set_date(embedded, utf8_of(document.info_key("CreationDate")));
}

}  // namespace

Result<ExtractedText> extract_pdf(std::string_view bytes) {
  poppler::set_debug_error_function(ignore_poppler_message, nullptr);
  if (bytes.size() > INT_MAX) return limit_exceeded("PDF is larger than poppler can read");
  std::unique_ptr<poppler::document> document(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!document) {
    // poppler returns nothing both for damaged files and for files that need a password.
    if (bytes.starts_with("%PDF") && bytes.find("/Encrypt") != std::string_view::npos) {
      return Status(StatusCode::kUnsupported, "PDF is encrypted");
    }
    return Status(StatusCode::kCorrupt, "not a readable PDF");
  }
  if (document->is_locked()) return Status(StatusCode::kUnsupported, "PDF is encrypted");

  ExtractedText extracted;
  extracted.title = cleaned_text(utf8_of(document->info_key("Title")));
  read_document_info(*document, extracted.embedded);  // metadata/: embedded fields
  bool has_text = false;
  const int pages = document->pages();
  for (int index = 0; index < pages; ++index) {
    if (index > 0) extracted.text += '\f';
    extracted.page_offsets.push_back(static_cast<uint32_t>(extracted.text.size()));
    std::unique_ptr<poppler::page> page(document->create_page(index));
    if (!page) continue;
    const std::string page_text = cleaned_text(utf8_of(page->text()));
    has_text = has_text || !page_text.empty();
    extracted.text += page_text;
  }
  if (pages <= 0) return Status(StatusCode::kCorrupt, "not a readable PDF (no pages)");
  if (!has_text) {
    return Status(StatusCode::kUnsupported, "PDF has no text layer (scanned?)");
  }
  return extracted;
}

}  // namespace jil::extract
