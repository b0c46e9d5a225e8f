// khabar: serve | analyze | version.

#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>

#include "server/analyze_command.h"
#include "server/serve.h"

namespace {

constexpr const char* kUsage =
    "Usage: khabar <command> [options]\n\n"
    "Commands:\n"
    "  serve     run the HTTP server (khabar serve --help for its options)\n"
    "  analyze   read NDJSON articles on stdin, write one analysis per line on stdout\n"
    "            (--threads N, default one per core)\n"
    "  version   print the version\n";

int Analyze(int argc, char** argv) {
  khabar::server::AnalyzeCommandOptions options;
  for (int i = 2; i < argc; ++i) {
    if (std::strcmp(argv[i], "--threads") == 0 && i + 1 < argc) {
      options.threads = std::atoi(argv[++i]);
    } else if (std::strncmp(argv[i], "--threads=", 10) == 0) {
      options.threads = std::atoi(argv[i] + 10);
    } else if (std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0) {
      std::cout << "Usage: khabar analyze [--threads N] < articles.ndjson > analyses.ndjson\n";
      return 0;
    } else {
      std::fprintf(stderr, "khabar analyze: unknown option '%s'\n", argv[i]);
      return 2;
    }
  }
  std::ios::sync_with_stdio(false);
  return khabar::server::RunAnalyzeCommand(std::cin, std::cout, options);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0 ||
      std::strcmp(argv[1], "help") == 0) {
    std::cout << kUsage;
    return argc < 2 ? 2 : 0;
  }
  const std::string command = argv[1];
  if (command == "serve") return khabar::server::RunServe(argc - 1, argv + 1);
  if (command == "analyze") return Analyze(argc, argv);
  if (command == "version" || command == "--version") {
    std::cout << "khabar " << KHABAR_VERSION << "\n";
    return 0;
  }
  std::fprintf(stderr, "khabar: unknown command '%s'\n\n%s", command.c_str(), kUsage);
  return 2;
}
