// Deterministic prose for tests of the text dictionary: sentences drawn from a few hundred words
// (in Latin, Arabic and Han script), so that zstd's trainer finds the repetition real documents
// have, while no two samples are alike.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace jil {

// `size` bytes of prose from generator state `seed`, valid UTF-8 (a character the size would cut
// becomes spaces).
inline std::string sample_prose(size_t size, uint64_t seed) {
  static constexpr const char* kStems[] = {
      "judge",    "court",  "integrity", "conflict", "interest", "tribunal", "appeal",
      "evidence", "ethics", "recusal",   "bias",     "decision", "القاضي",   "المحكمة",
      "النزاهة",  "法官",   "法院",      "利益",     "冲突",     "juge",     "tribunal"};
  std::string text;
  uint64_t state = seed * 6364136223846793005u + 1442695040888963407u;
  while (text.size() < size) {
    state = state * 6364136223846793005u + 1442695040888963407u;
    const auto pick = static_cast<size_t>(state >> 33);
    text += kStems[pick % std::size(kStems)];
    if (pick % 7 == 0) text += "s";
    text += pick % 11 == 0 ? ". " : " ";
    if (pick % 13 == 0) text += std::to_string(pick % 1000) + " ";
  }
  text.resize(size);
  size_t lead = text.size();
  while (lead > 0 && (static_cast<unsigned char>(text[lead - 1]) & 0xC0) == 0x80) --lead;
  if (lead > 0 && static_cast<unsigned char>(text[lead - 1]) >= 0xC0) {
    const auto first = static_cast<unsigned char>(text[lead - 1]);
    const size_t length = first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : 2;
    if (text.size() - (lead - 1) < length)
      text.replace(lead - 1, std::string::npos, text.size() - (lead - 1), ' ');
  }
  return text;
}

// Samples of `each` bytes adding up to at least `total`.
inline std::vector<std::string> prose_samples(size_t total, size_t each) {
  std::vector<std::string> samples;
  for (uint64_t seed = 1; samples.size() * each < total; ++seed) {
    samples.push_back(sample_prose(each, seed));
  }
  return samples;
}

}  // namespace jil
