// khabar-analyze: the analyze command alone, for the evaluation loop (links no server code).

#include <iostream>

#include "server/analyze_command.h"

int main() {
  std::ios::sync_with_stdio(false);
  return khabar::server::RunAnalyzeCommand(std::cin, std::cout, {});
}
