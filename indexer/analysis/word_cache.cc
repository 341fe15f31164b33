// Implementation of word_cache.h.
#include "analysis/word_cache.h"

#include <functional>

#include "base/status.h"

namespace jil::analysis {
namespace {

size_t hash_of(std::u16string_view word) { return std::hash<std::u16string_view>{}(word); }

// The part of the hash a slot keeps: the high half (the low bits choose the slot).
uint32_t slot_hash(size_t hash) { return static_cast<uint32_t>(uint64_t{hash} >> 32); }

}  // namespace

const AnalyzedWord* WordCache::find(Language language, std::u16string_view word) const {
  const Table& table = tables_[static_cast<size_t>(language)];
  if (table.slots.empty()) return nullptr;
  const size_t hash = hash_of(word);
  // Ends at an empty slot: at most half of them are taken.
  for (size_t slot = hash & (kSlots - 1);; slot = (slot + 1) & (kSlots - 1)) {
    const Slot& probe = table.slots[slot];
    if (probe.entry == 0) return nullptr;
    if (probe.hash != slot_hash(hash)) continue;
    const Entry& entry = table.entries[probe.entry - 1];
    if (entry.word == word) return &entry.analyzed;
  }
}

const AnalyzedWord& WordCache::remember(Language language, std::u16string_view word,
                                        AnalyzedWord analyzed) {
  JIL_CHECK(!full(language));
  Table& table = tables_[static_cast<size_t>(language)];
  if (table.slots.empty()) {
    table.slots.resize(kSlots);
    table.entries.reserve(kMaxWordsPerLanguage);
  }
  const size_t hash = hash_of(word);
  for (size_t slot = hash & (kSlots - 1);; slot = (slot + 1) & (kSlots - 1)) {
    Slot& probe = table.slots[slot];
    if (probe.entry == 0) {
      table.entries.push_back({std::u16string(word), std::move(analyzed)});
      probe = {slot_hash(hash), static_cast<uint32_t>(table.entries.size())};
      return table.entries.back().analyzed;
    }
    if (probe.hash != slot_hash(hash)) continue;
    const Entry& entry = table.entries[probe.entry - 1];
    if (entry.word == word) return entry.analyzed;
  }
}

}  // namespace jil::analysis
