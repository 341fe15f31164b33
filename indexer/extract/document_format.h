// The file formats JIL ingests, recognised by file name extension.
#pragma once

#include <filesystem>
#include <optional>
#include <string_view>

namespace jil::extract {

enum class DocumentFormat { kHtml, kMarkdown, kText, kPdf, kDocx, kOdt, kEpub };

// .html/.htm, .md/.markdown, .txt, .pdf, .docx, .odt, .epub; nullopt for anything else.
std::optional<DocumentFormat> format_of(const std::filesystem::path& path);
// "html", "md", "txt", "pdf", "docx", "odt", "epub"
std::string_view format_name(DocumentFormat format);
std::string_view media_type(DocumentFormat format);  // Content-Type of the original file

}  // namespace jil::extract
