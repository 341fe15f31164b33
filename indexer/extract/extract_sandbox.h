// Runs an extractor in a forked child process under explicit limits (STYLE.md habit 8,
// RELIABILITY.md T-P5), so that a crash, hang or memory hog in a format library fails one file
// with a precise reason and never the batch or the index. The child inherits nothing it may
// write to: it closes every descriptor but its result pipe and leaves with _exit.
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>

#include "base/status.h"
#include "extract/document_format.h"
#include "extract/extracted_text.h"

namespace jil::extract {

// CPU seconds one file's extraction may use (RLIMIT_CPU): poppler on a 64 MiB PDF needs a few;
// T-P4 gives a hostile PDF 30 s.
inline constexpr uint32_t kExtractCpuSeconds = 30;
// Wall-clock seconds, enforced by the parent: CPU plus time for page faults and a busy machine.
inline constexpr uint32_t kExtractWallSeconds = 60;
// Memory the child may add to what the indexer had mapped when it forked (MiB): room for a
// 64 MiB original, poppler's page model and 16 MiB of text several times over.
inline constexpr uint64_t kExtractMemoryMiB = 1024;
// Bytes of result the child may send (MiB): twice the 16 MiB of text the indexer keeps, plus
// room for title and page offsets; more means the child is misbehaving.
inline constexpr uint64_t kExtractOutputMiB = 40;

// OCR of a scanned PDF (pdf_ocr.h) runs in a second child with more time: Tesseract takes a
// few seconds of CPU per page at 300 dpi, for up to kMaxOcrPages (20) pages.
inline constexpr uint32_t kOcrCpuSeconds = 300;
inline constexpr uint32_t kOcrWallSeconds = 600;

struct SandboxLimits {
  uint32_t cpu_seconds = kExtractCpuSeconds;
  uint32_t wall_seconds = kExtractWallSeconds;
  uint64_t memory_mib = kExtractMemoryMiB;
  uint64_t output_mib = kExtractOutputMiB;
};

inline constexpr SandboxLimits kOcrLimits{kOcrCpuSeconds, kOcrWallSeconds, kExtractMemoryMiB,
                                          kExtractOutputMiB};

// Exit statuses a sandboxed child uses for ends that are not signals (here and in
// extract_worker.h's long-lived child).
inline constexpr int kChildOutOfMemoryExit = 86;
inline constexpr int kChildExceptionExit = 87;
inline constexpr int kChildWriteFailedExit = 88;

// Why the parent killed a child, if it did.
enum class SandboxKill { kNone, kWallClock, kMemory, kOutput, kCpu };

// The error for a child that delivered no result: the limit the parent enforced (`kill`), or
// how the child ended by itself (`wait_status` from waitpid; `cpu_seconds` it had used on its
// current file tells a SIGKILL at the hard CPU limit from another).
Status sandbox_failure(int wait_status, double cpu_seconds, SandboxKill kill,
                       const SandboxLimits& limits);

// What every sandboxed child does first, in the child: crash signals back to their default
// action (a sanitizer's report would hide the signal), no core files, an address-space limit of
// what it has mapped now plus `memory_mib` (not under AddressSanitizer, whose shadow memory
// needs terabytes: there the parent's watch of the resident set is the limit), and
// kChildOutOfMemoryExit when an allocation fails.
void limit_this_child(uint64_t memory_mib);

// True when a PDF's extraction calls for OCR: no text layer at all, or pages without text.
bool needs_ocr(const Result<ExtractedText>& extracted);

// The work a child runs. Tests pass work that crashes, loops or allocates (the seam of habit 9).
using ExtractionWork = std::function<Result<ExtractedText>()>;

// Runs `work` in a child and returns its result, its own error unchanged, or kLimitExceeded /
// kCorrupt / kInternal with one of: "extractor crashed (signal 11, SIGSEGV)", "extractor
// exceeded the CPU limit of 30 s", "... the memory limit of 1024 MiB", "... the wall-clock limit
// of 60 s", "... the output limit of 40 MiB", "extractor failed (exit status 1)". Blocks until
// the child has been reaped; leaves no zombie. Not thread-safe with other forks of the process.
Result<ExtractedText> run_sandboxed(const ExtractionWork& work, const SandboxLimits& limits = {});

// extract(format, bytes) in a child under `limits`. A PDF with no text layer, or with pages
// that have none, then goes to OCR (ocr_pdf) in a second child under `ocr_limits`, in
// `language` ("en", "zh-Hant", ...; "" when unknown); if OCR fails, the first result stands
// when it had text, else OCR's failure is returned.
Result<ExtractedText> extract_sandboxed(DocumentFormat format, std::string_view bytes,
                                        std::string_view language = "",
                                        const SandboxLimits& limits = {},
                                        const SandboxLimits& ocr_limits = kOcrLimits);

}  // namespace jil::extract
