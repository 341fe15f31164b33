// Implementation of content_check.h. One libmagic handle per thread, loaded once with the
// system's compiled database (Debian's libmagic-mgc); it reads only the buffer it is given.
#include "extract/content_check.h"

#include <magic.h>

#include <algorithm>
#include <memory>
#include <optional>

#include "base/utf8.h"

namespace jil::extract {
namespace {

// How many leading bytes libmagic looks at: its own default read size (1 MiB) would make it
// scan a large text twice as the extractor does; the signatures it needs are at the start.
constexpr size_t kSniffBytes = 256 * 1024;

struct MagicCloser {
  void operator()(magic_t cookie) const { magic_close(cookie); }
};
using MagicCookie = std::unique_ptr<std::remove_pointer_t<magic_t>, MagicCloser>;

MagicCookie open_magic() {
  MagicCookie cookie(magic_open(MAGIC_MIME_TYPE | MAGIC_NO_CHECK_COMPRESS | MAGIC_ERROR));
  if (cookie && magic_load(cookie.get(), nullptr) != 0) cookie.reset();
  return cookie;
}

// What a media type is, in words, and the format JIL reads it as (if it reads it).
struct Kind {
  std::string words;
  std::optional<DocumentFormat> format;
};

constexpr std::string_view kDocx =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
constexpr std::string_view kOdt = "application/vnd.oasis.opendocument.text";
constexpr std::string_view kEpub = "application/epub+zip";

std::optional<Kind> kind_of(std::string_view type) {
  if (type == "application/pdf") return Kind{"a PDF document", DocumentFormat::kPdf};
  if (type == kDocx) return Kind{"a Word document", DocumentFormat::kDocx};
  if (type == kOdt) return Kind{"an OpenDocument text", DocumentFormat::kOdt};
  if (type == kEpub) return Kind{"an EPUB book", DocumentFormat::kEpub};
  if (type == "text/html") return Kind{"an HTML page", DocumentFormat::kHtml};
  if (type == "text/plain") return Kind{"plain text", DocumentFormat::kText};
  if (type.starts_with("text/")) return Kind{"text (" + std::string(type) + ")", std::nullopt};
  if (type == "application/zip") return Kind{"a ZIP archive", std::nullopt};
  if (type == "application/msword") return Kind{"a Word 97-2003 (.doc) document", std::nullopt};
  if (type == "application/rtf" || type == "text/rtf") {
    return Kind{"an RTF document", std::nullopt};
  }
  for (const std::string_view family : {"image/", "audio/", "video/", "font/"}) {
    if (type.starts_with(family)) return Kind{"not a document (" + std::string(type) + ")", {}};
  }
  for (const std::string_view binary :
       {"application/vnd.ms-", "application/vnd.oasis.opendocument.",
        "application/vnd.openxmlformats-", "application/x-7z", "application/gzip",
        "application/x-bzip2", "application/x-xz", "application/x-rar", "application/x-tar",
        "application/x-executable", "application/x-sharedlib", "application/x-pie-executable",
        "application/x-dosexec", "application/x-mach-binary", "application/java-archive"}) {
    if (type.starts_with(binary))
      return Kind{"another kind of file (" + std::string(type) + ")", {}};
  }
  return std::nullopt;  // octet-stream, JSON, XML and the rest: not definite enough to refuse
}

bool is_text_format(DocumentFormat format) {
  return format == DocumentFormat::kText || format == DocumentFormat::kMarkdown ||
         format == DocumentFormat::kHtml;
}

bool is_zip_format(DocumentFormat format) {
  return format == DocumentFormat::kDocx || format == DocumentFormat::kOdt ||
         format == DocumentFormat::kEpub;
}

}  // namespace

std::string content_media_type(std::string_view bytes) {
  thread_local MagicCookie cookie = open_magic();
  if (!cookie) return "";
  const char* type = magic_buffer(cookie.get(), bytes.data(), std::min(bytes.size(), kSniffBytes));
  return type != nullptr ? std::string(type) : std::string();
}

Status check_content(DocumentFormat named, std::string_view bytes) {
  if (is_text_format(named) && !bytes.starts_with("%PDF-") && utf8::is_valid(bytes)) {
    return Status::ok();
  }
  return check_content_kind(named, content_media_type(bytes));
}

Status check_content_kind(DocumentFormat named, std::string_view media_type) {
  const std::optional<Kind> kind = kind_of(media_type);
  if (!kind || kind->format == named) return Status::ok();
  // Any text is left to a text format's decoder; a ZIP archive to the ZIP formats' readers,
  // which say which part is missing.
  if (is_text_format(named) && (media_type.starts_with("text/"))) return Status::ok();
  if (is_zip_format(named) && media_type == "application/zip") return Status::ok();
  std::string problem = "the content is " + kind->words + ", not the " +
                        std::string(format_name(named)) + " its name says";
  if (kind->format) {
    problem += ": rename it ." + std::string(format_name(*kind->format));
  } else {
    problem += "; JIL reads html, md, txt, pdf, docx, odt and epub files";
  }
  return Status(StatusCode::kUnsupported, std::move(problem));
}

}  // namespace jil::extract
