#include "server/analyze_command.h"

#include <deque>
#include <future>
#include <string>
#include <thread>
#include <vector>

#include "core/task_pool.h"
#include "protocol/article_decoder.h"
#include "protocol/encode.h"
#include "protocol/json_writer.h"
#include "text/analyzer.h"

namespace khabar::server {
namespace {

std::string AnalyzeLine(std::string_view line, const text::Analyzer& analyzer) {
  thread_local protocol::ArticleDecoder decoder;
  protocol::DecodeOptions opts;
  opts.require_id = false;
  opts.require_title = false;
  opts.require_published_at = false;
  opts.reject_unknown = false;
  opts.any_id = true;
  auto article = decoder.Decode(line, opts);
  if (!article.ok()) {
    protocol::JsonWriter w;
    w.BeginObject();
    w.Key("id");
    if (decoder.last_id().empty()) {
      w.Null();
    } else {
      w.String(decoder.last_id());
    }
    w.Key("error");
    protocol::WriteErrorObject(w, article.status());
    w.EndObject();
    return w.Take();
  }
  const Analysis analysis =
      analyzer.Analyze({article->title, article->body, article->published_at});
  return protocol::EncodeAnalysis(article->id, !article->id.empty(), analysis);
}

bool IsBlank(std::string_view s) {
  for (char c : s) {
    if (c != ' ' && c != '\t' && c != '\r') return false;
  }
  return true;
}

}  // namespace

int RunAnalyzeCommand(std::istream& in, std::ostream& out, const AnalyzeCommandOptions& options) {
  auto analyzer = text::Analyzer::Create();
  if (!analyzer.ok()) {
    std::fprintf(stderr, "khabar analyze: %s\n", analyzer.status().ToString().c_str());
    return 1;
  }
  const int threads =
      options.threads > 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  std::shared_ptr<const text::Analyzer> shared = *analyzer;
  TaskPool pool(threads);
  std::deque<std::future<std::string>> pending;
  const size_t max_pending = static_cast<size_t>(threads) * 4;

  auto flush_one = [&] {
    const std::string chunk = pending.front().get();
    pending.pop_front();
    out.write(chunk.data(), static_cast<std::streamsize>(chunk.size()));
  };
  std::string line;
  bool eof = false;
  while (!eof) {
    auto lines = std::make_shared<std::vector<std::string>>();
    while (static_cast<int>(lines->size()) < options.chunk_lines) {
      if (!std::getline(in, line)) {
        eof = true;
        break;
      }
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (IsBlank(line)) continue;
      lines->push_back(std::move(line));
    }
    if (lines->empty()) break;
    auto task = std::make_shared<std::packaged_task<std::string()>>([lines, shared] {
      std::string chunk;
      for (const auto& l : *lines) {
        chunk += AnalyzeLine(l, *shared);
        chunk.push_back('\n');
      }
      return chunk;
    });
    pending.push_back(task->get_future());
    pool.Post([task] { (*task)(); });
    while (pending.size() > max_pending) flush_one();
  }
  while (!pending.empty()) flush_one();
  out.flush();
  return out.good() ? 0 : 1;
}

}  // namespace khabar::server
