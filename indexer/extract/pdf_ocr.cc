// Implementation of pdf_ocr.h: poppler renders, Tesseract's C++ API (TessBaseAPI) reads.
#include "extract/pdf_ocr.h"

#include <omp.h>
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>
#include <tesseract/baseapi.h>

#include <climits>
#include <memory>

#include "base/utf8.h"
#include "extract/text_cleanup.h"

namespace jil::extract {
namespace {

void ignore_poppler_message(const std::string&, void*) {}

std::string utf8_of(const poppler::ustring& text) {
  const poppler::byte_array bytes = text.to_utf8();
  return utf8::repaired(std::string_view(bytes.data(), bytes.size()));
}

// Tesseract's text of one rendered page, cleaned; "" if it read nothing.
std::string recognised_text(tesseract::TessBaseAPI& tesseract, const poppler::image& image) {
  tesseract.SetImage(reinterpret_cast<const unsigned char*>(image.const_data()), image.width(),
                     image.height(), 1, image.bytes_per_row());
  tesseract.SetSourceResolution(static_cast<int>(kOcrDotsPerInch));
  std::unique_ptr<char[]> text(tesseract.GetUTF8Text());
  tesseract.Clear();
  return text ? cleaned_text(utf8::repaired(text.get())) : std::string();
}

}  // namespace

std::string tesseract_languages(std::string_view language) {
  if (language == "en") return "eng";
  if (language == "fr") return "fra";
  if (language == "es") return "spa";
  if (language == "ru") return "rus";
  if (language == "ar") return "ara";
  if (language == "zh-Hant") return "chi_tra";
  if (language == "zh" || language == "zh-Hans") return "chi_sim";
  return "eng+fra+spa+rus";
}

Result<ExtractedText> ocr_pdf(std::string_view bytes, std::string_view language) {
  poppler::set_debug_error_function(ignore_poppler_message, nullptr);
  if (bytes.size() > INT_MAX) return limit_exceeded("PDF is larger than poppler can read");
  std::unique_ptr<poppler::document> document(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!document) return Status(StatusCode::kCorrupt, "not a readable PDF");
  if (document->is_locked()) return Status(StatusCode::kUnsupported, "PDF is encrypted");
  if (!poppler::page_renderer::can_render()) {
    return internal_error("poppler was built without a renderer: no OCR");
  }
  // One thread (Tesseract parallelises with OpenMP): the cores belong to the indexer and
  // searchd, not to one scan, and RLIMIT_CPU counts every thread.
  omp_set_num_threads(1);
  const std::string languages = tesseract_languages(language);
  tesseract::TessBaseAPI tesseract;
  if (tesseract.Init(nullptr, languages.c_str(), tesseract::OEM_LSTM_ONLY) != 0) {
    return internal_error("Tesseract cannot load the languages " + languages);
  }
  tesseract.SetPageSegMode(tesseract::PSM_AUTO);
  poppler::page_renderer renderer;
  renderer.set_image_format(poppler::image::format_gray8);
  renderer.set_render_hints(poppler::page_renderer::antialiasing |
                            poppler::page_renderer::text_antialiasing);

  ExtractedText extracted;
  extracted.title = cleaned_text(utf8_of(document->info_key("Title")));
  int recognised = 0;
  int skipped = 0;
  bool has_text = false;
  const int pages = document->pages();
  if (pages <= 0) return Status(StatusCode::kCorrupt, "not a readable PDF (no pages)");
  for (int index = 0; index < pages; ++index) {
    if (index > 0) extracted.text += '\f';
    extracted.page_offsets.push_back(static_cast<uint32_t>(extracted.text.size()));
    std::unique_ptr<poppler::page> page(document->create_page(index));
    if (!page) continue;
    std::string page_text = cleaned_text(utf8_of(page->text()));
    if (page_text.empty()) {
      if (recognised >= kMaxOcrPages) {
        ++skipped;
        continue;
      }
      ++recognised;
      const poppler::image image =
          renderer.render_page(page.get(), kOcrDotsPerInch, kOcrDotsPerInch);
      if (image.is_valid()) page_text = recognised_text(tesseract, image);
    }
    has_text = has_text || !page_text.empty();
    extracted.text += page_text;
  }
  tesseract.End();
  if (!has_text)
    return Status(StatusCode::kUnsupported, "PDF has no text layer and OCR found no text");
  extracted.quality = "ocr";
  extracted.quality_notes = std::to_string(recognised) + (recognised == 1 ? " page" : " pages") +
                            " recognised (" + languages + ")";
  if (skipped > 0) {
    extracted.quality_notes += "; " + std::to_string(skipped) + " more not recognised (limit " +
                               std::to_string(kMaxOcrPages) + ")";
  }
  return extracted;
}

}  // namespace jil::extract
