// The id of a document that no sidecar or manifest row gives one (README "Metadata schema"):
// its file name without the extension, in Latin letters (ICU Any-Latin; Latin-ASCII), lower case,
// every other run of characters made one "-", trimmed to 80; "doc-" is put before names shorter
// than 3, and a name with no letter or digit left becomes "doc-" and 8 hex digits of its hash.
// Always satisfies schema::is_valid_id. Not thread-safe (an ICU transliterator).
#pragma once

#include <unicode/translit.h>
#include <memory>
#include <string>
#include <string_view>

#include "base/status.h"

namespace jil::metadata {

class FileNameIds {
 public:
  static Result<std::unique_ptr<FileNameIds>> create();

  // "Code of Conduct (2019).PDF" → "code-of-conduct-2019"; "Кодекс судей.docx" → "kodeks-sudej".
  std::string id_for(std::string_view file_name);

 private:
  explicit FileNameIds(std::unique_ptr<icu::Transliterator> to_ascii)
      : to_ascii_(std::move(to_ascii)) {}
  std::unique_ptr<icu::Transliterator> to_ascii_;
};

}  // namespace jil::metadata
