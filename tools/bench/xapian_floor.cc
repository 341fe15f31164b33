// Xapian's own floor for jil-indexer (issue 8 item 2): the CPU Xapian's writer spends adding
// documents that are already built, with no extraction, analysis or store. It copies every
// document of an index JIL built (terms, positions, wdf, values, data) and adds the copies to
// THREADS new shards at once, batch by batch as jil-indexer does (DB_NO_SYNC transactions of
// BATCH documents), counting only the CPU of add_document/add_spelling/commit on each writing
// thread; then it merges the shards by compaction, as the parallel build does.
//
//   build/release/tools/bench/jil-xapian-floor SOURCE_INDEX WORK_DIR [THREADS=2] [BATCH=500]
//       [SPELLING=1]
//
// Prints the writers' CPU per document, the compaction's CPU, and the docs/s two cores would
// reach if the writers were all there was (documents / (writer CPU / threads)).
#include <time.h>
#include <xapian.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

namespace {

double thread_cpu_seconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9;
}

// A fresh in-memory copy of a stored document: what the document builder hands the writer.
Xapian::Document copy_of(const Xapian::Document& stored, std::vector<std::string>& spelling) {
  Xapian::Document copy;
  for (auto term = stored.termlist_begin(); term != stored.termlist_end(); ++term) {
    const std::string name = *term;
    if (term.positionlist_count() == 0) {
      copy.add_term(name, term.get_wdf());
    } else {
      for (auto position = term.positionlist_begin(); position != term.positionlist_end();
           ++position) {
        copy.add_posting(name, *position, 0);
      }
      copy.add_term(name, term.get_wdf());  // positions added none: the wdf comes once
    }
    // The dictionary words as jil-indexer counts them (unprefixed, no digits); a close enough
    // stand-in for schema::is_spelling_word without ICU.
    if (name.size() >= 3 && name[0] >= 'a' && name.find_first_of("0123456789") == name.npos) {
      spelling.push_back(name);
    }
  }
  for (auto value = stored.values_begin(); value != stored.values_end(); ++value) {
    copy.add_value(value.get_valueno(), *value);
  }
  copy.set_data(stored.get_data());
  return copy;
}

struct ShardFigures {
  double add_seconds = 0;     // add_document + add_spelling
  double commit_seconds = 0;  // commit_transaction
  size_t documents = 0;
};

ShardFigures write_shard(const std::string& source, const std::string& target, Xapian::docid first,
                         Xapian::docid last, size_t batch, bool spelling) {
  ShardFigures figures;
  Xapian::Database input(source);
  Xapian::WritableDatabase output(target, Xapian::DB_CREATE | Xapian::DB_NO_SYNC);
  output.begin_transaction(true);
  for (Xapian::docid docid = first; docid <= last; ++docid) {
    std::vector<std::string> words;
    const Xapian::Document document = copy_of(input.get_document(docid), words);
    double start = thread_cpu_seconds();
    if (spelling) {
      for (const std::string& word : words) output.add_spelling(word);
    }
    output.replace_document(docid, document);
    figures.add_seconds += thread_cpu_seconds() - start;
    if (++figures.documents % batch == 0 || docid == last) {
      start = thread_cpu_seconds();
      output.commit_transaction();
      if (docid != last) output.begin_transaction(true);
      figures.commit_seconds += thread_cpu_seconds() - start;
    }
  }
  return figures;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s SOURCE_INDEX WORK_DIR [THREADS] [BATCH] [SPELLING]\n", argv[0]);
    return 2;
  }
  const std::string source = argv[1];
  const std::filesystem::path work = argv[2];
  const size_t threads = argc > 3 ? std::strtoul(argv[3], nullptr, 10) : 2;
  const size_t batch = argc > 4 ? std::strtoul(argv[4], nullptr, 10) : 500;
  const bool spelling = argc > 5 ? std::atoi(argv[5]) != 0 : true;
  std::filesystem::remove_all(work);
  std::filesystem::create_directories(work);
  const Xapian::docid last = Xapian::Database(source).get_lastdocid();
  std::vector<ShardFigures> figures(threads);
  std::vector<std::thread> writers;
  std::vector<std::string> shards;
  for (size_t shard = 0; shard < threads; ++shard) {
    shards.push_back((work / ("shard-" + std::to_string(shard))).string());
    const auto first = static_cast<Xapian::docid>(1 + last * shard / threads);
    const auto end = static_cast<Xapian::docid>(last * (shard + 1) / threads);
    writers.emplace_back([&, shard, first, end] {
      try {
        figures[shard] = write_shard(source, shards[shard], first, end, batch, spelling);
      } catch (const Xapian::Error& error) {
        std::fprintf(stderr, "shard %zu: %s\n", shard, error.get_description().c_str());
        std::exit(1);
      } catch (const std::exception& error) {
        std::fprintf(stderr, "shard %zu: %s\n", shard, error.what());
        std::exit(1);
      }
    });
  }
  for (std::thread& writer : writers) writer.join();
  const double compact_start = thread_cpu_seconds();
  Xapian::Database all;
  for (const std::string& shard : shards) all.add_database(Xapian::Database(shard));
  all.compact((work / "merged").string(), Xapian::DBCOMPACT_NO_RENUMBER);
  const double compact_seconds = thread_cpu_seconds() - compact_start;

  double add = 0, commit = 0;
  size_t documents = 0;
  for (const ShardFigures& shard : figures) {
    add += shard.add_seconds;
    commit += shard.commit_seconds;
    documents += shard.documents;
  }
  const double per_document = (add + commit) / static_cast<double>(documents);
  std::printf(
      "documents %zu, %zu writers, batch %zu, spelling %s\n"
      "writer CPU: add %.2f s + commit %.2f s = %.2f ms/doc\n"
      "compaction CPU: %.2f s (%.2f ms/doc)\n"
      "floor on %zu cores (writers only, no analysis): %.0f docs/s; with the merge: %.0f docs/s\n",
      documents, threads, batch, spelling ? "on" : "off", add, commit, per_document * 1000,
      compact_seconds, compact_seconds * 1000 / static_cast<double>(documents), threads,
      static_cast<double>(threads) / per_document,
      static_cast<double>(documents) /
          ((add + commit) / static_cast<double>(threads) + compact_seconds));
  return 0;
}
