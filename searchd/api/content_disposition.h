// The Content-Disposition of downloads (originals, citation files): RFC 6266 with an ASCII
// fallback name and the UTF-8 name (RFC 8187), both free of anything that could end the header
// or name a path, so `مدونة السلوك.txt` and `司法行为守则.pdf` download under their own names.
#pragma once

#include <string>
#include <string_view>

namespace jil::api {

// `attachment; filename="<ascii>"; filename*=UTF-8''<percent-encoded name>`. The ASCII name keeps
// letters, digits, '.', '-' and '_' and turns every other run of bytes into one '_'; when that
// leaves no letter or digit before the extension (an Arabic or Chinese name), it is
// `fallback_stem` plus the name's extension. An empty `name` is `fallback_stem` alone.
std::string attachment_disposition(std::string_view name, std::string_view fallback_stem);

}  // namespace jil::api
