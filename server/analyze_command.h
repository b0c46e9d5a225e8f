#pragma once
// `khabar analyze`: NDJSON articles on stdin, one analysis object a line on stdout, in input order.

#include <cstdio>
#include <istream>
#include <ostream>

namespace khabar::server {

struct AnalyzeCommandOptions {
  // Worker threads; 0 means one per core. Default: 0.
  int threads = 0;
  // Lines handed to a worker at a time. Default: 64.
  int chunk_lines = 64;
};

// Returns the process exit code. Bad lines yield an error object on their line; the run goes on.
int RunAnalyzeCommand(std::istream& in, std::ostream& out, const AnalyzeCommandOptions& options);

}  // namespace khabar::server
