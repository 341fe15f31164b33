// The canonical string of an analyzer's output, shared by the golden tables and the tests that
// compare two analyses: per token `position[W]:form1,form2 =exact Zstem1,Zstem2`, joined by " | ".
#pragma once

#include <string>
#include <vector>

#include "analysis/token.h"

namespace jil::analysis {

// One token: "0:education =éducation Zeduc"; "2W:冲突 =衝突" for a Han dictionary word (W);
// the stems part is absent when the token has none (Han, numbers).
inline std::string canonical_token(const Token& token) {
  std::string out = std::to_string(token.position);
  if (token.kind == TokenKind::kHanWord) out += 'W';
  out += ':';
  for (size_t index = 0; index < token.forms.size(); ++index) {
    if (index > 0) out += ',';
    out += token.forms[index];
  }
  out += " =" + token.exact;
  for (size_t index = 0; index < token.stems.size(); ++index) {
    out += index == 0 ? " Z" : ",Z";
    out += token.stems[index];
  }
  return out;
}

inline std::string canonical_tokens(const std::vector<Token>& tokens) {
  std::string out;
  for (const Token& token : tokens) {
    if (!out.empty()) out += " | ";
    out += canonical_token(token);
  }
  return out;
}

}  // namespace jil::analysis
