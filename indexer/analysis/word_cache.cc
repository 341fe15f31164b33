// Implementation of word_cache.h.
#include "analysis/word_cache.h"

#include <cstring>
#include <functional>

#include "base/status.h"

namespace jil::analysis {
namespace {

size_t hash_of(std::u16string_view word) { return std::hash<std::u16string_view>{}(word); }

// The part of the hash a slot keeps: the high half (the low bits choose the slot).
uint32_t slot_hash(size_t hash) { return static_cast<uint32_t>(uint64_t{hash} >> 32); }

void append_short(std::string_view text, std::string& out) {
  JIL_CHECK(text.size() <= 255);
  out += static_cast<char>(static_cast<unsigned char>(text.size()));
  out += text;
}

}  // namespace

std::string_view PackedWord::exact() const {
  if (!makes_token_) return {};
  return std::string_view(packed_ + 2, static_cast<unsigned char>(packed_[1]));
}

void pack_analysis(const AnalyzedWord& analyzed, std::string& out) {
  if (!analyzed.makes_token) return;
  JIL_CHECK(analyzed.forms.size() <= 255 && analyzed.stems_of_form.size() == analyzed.forms.size());
  out += static_cast<char>(static_cast<unsigned char>(analyzed.forms.size()));
  append_short(analyzed.exact, out);
  for (size_t form = 0; form < analyzed.forms.size(); ++form) {
    append_short(analyzed.forms[form], out);
    const std::vector<std::string>& stems = analyzed.stems_of_form[form];
    JIL_CHECK(stems.size() <= 255);
    out += static_cast<char>(static_cast<unsigned char>(stems.size()));
    for (const std::string& stem : stems) append_short(stem, out);
  }
}

PackedWord WordCache::view(const Table& table, const Entry& entry) {
  return PackedWord(entry.takes_position, entry.makes_token, static_cast<UScriptCode>(entry.script),
                    table.bytes.data() + entry.offset + entry.word_units * sizeof(char16_t));
}

std::optional<PackedWord> WordCache::find(Language language, std::u16string_view word) const {
  const Table& table = tables_[static_cast<size_t>(language)];
  if (table.slots.empty()) return std::nullopt;
  const size_t hash = hash_of(word);
  // Ends at an empty slot: at most half of them are taken.
  for (size_t slot = hash & (kSlots - 1);; slot = (slot + 1) & (kSlots - 1)) {
    const Slot& probe = table.slots[slot];
    if (probe.entry == 0) return std::nullopt;
    if (probe.hash != slot_hash(hash)) continue;
    const Entry& entry = table.entries[probe.entry - 1];
    if (entry.word_units == word.size() &&
        std::memcmp(table.bytes.data() + entry.offset, word.data(),
                    word.size() * sizeof(char16_t)) == 0) {
      return view(table, entry);
    }
  }
}

PackedWord WordCache::remember(Language language, std::u16string_view word,
                               const AnalyzedWord& analyzed) {
  JIL_CHECK(!full(language));
  Table& table = tables_[static_cast<size_t>(language)];
  if (table.slots.empty()) {
    table.slots.resize(kSlots);
    table.entries.reserve(kMaxWordsPerLanguage);
  }
  const size_t hash = hash_of(word);
  for (size_t slot = hash & (kSlots - 1);; slot = (slot + 1) & (kSlots - 1)) {
    Slot& probe = table.slots[slot];
    if (probe.entry != 0) {
      const Entry& known = table.entries[probe.entry - 1];
      if (probe.hash == slot_hash(hash) && known.word_units == word.size() &&
          std::memcmp(table.bytes.data() + known.offset, word.data(),
                      word.size() * sizeof(char16_t)) == 0) {
        return view(table, known);  // remembered already
      }
      continue;
    }
    Entry entry;
    entry.offset = static_cast<uint32_t>(table.bytes.size());
    entry.word_units = static_cast<uint32_t>(word.size());
    entry.script = static_cast<int16_t>(analyzed.script);
    entry.takes_position = analyzed.takes_position;
    entry.makes_token = analyzed.makes_token;
    JIL_CHECK(table.bytes.size() + word.size() * sizeof(char16_t) < UINT32_MAX / 2);
    table.bytes.append(reinterpret_cast<const char*>(word.data()), word.size() * sizeof(char16_t));
    pack_analysis(analyzed, table.bytes);
    table.entries.push_back(entry);
    probe = {slot_hash(hash), static_cast<uint32_t>(table.entries.size())};
    return view(table, table.entries.back());
  }
}

size_t WordCache::words() const {
  size_t total = 0;
  for (const Table& table : tables_) total += table.entries.size();
  return total;
}

size_t WordCache::bytes() const {
  size_t total = 0;
  for (const Table& table : tables_) {
    total += table.bytes.capacity() + table.entries.capacity() * sizeof(Entry) +
             table.slots.capacity() * sizeof(Slot);
  }
  return total;
}

}  // namespace jil::analysis
