// The Content-Disposition of files (originals, citation files): RFC 6266 with an ASCII fallback
// name and the UTF-8 name (RFC 8187), both free of anything that could end the header or name a
// path, so `مدونة السلوك.txt` and `司法行为守则.pdf` keep their own names; and which originals a
// browser may show in its tab rather than save.
#pragma once

#include <string>
#include <string_view>

namespace jil::api {

enum class DispositionType {
  kAttachment,  // saved as a file
  kInline,      // shown by the browser, keeping the name for when it is saved from there
};

// `<type>; filename="<ascii>"; filename*=UTF-8''<percent-encoded name>`. The ASCII name keeps
// letters, digits, '.', '-' and '_' and turns every other run of bytes into one '_'; when that
// leaves no letter or digit before the extension (an Arabic or Chinese name), it is
// `fallback_stem` plus the name's extension. An empty `name` is `fallback_stem` alone.
std::string content_disposition(DispositionType type, std::string_view name,
                                std::string_view fallback_stem);

// content_disposition(DispositionType::kAttachment, ...).
std::string attachment_disposition(std::string_view name, std::string_view fallback_stem);

// How an original of `media_type` is served: inline for PDF (application/pdf) only, so that a
// result's `/doc/{id}/original#page=N` opens the browser's PDF viewer at that page; everything
// else is an attachment, above all HTML and SVG, which shown inline would run as this site.
DispositionType original_disposition_type(std::string_view media_type);

}  // namespace jil::api
