#pragma once
// Named entities of an article: people, organizations and places (shared/spec/analysis.md).
//
// A linear tagger (ner_model.h) labels the words of each sentence with BIO tags; the spans are
// then trimmed (titles such as al-ra'is and clitics such as wa- stay outside) and grouped, so
// that every spelling of one entity in the article shares one `canonical` name: the fullest form
// (Dmitry Peskov spelt two ways and a later bare "Peskov" all get the first full spelling).
// Rules and figures: docs/design/entities.md.

#include <memory>
#include <mutex>
#include <string_view>
#include <vector>

#include "core/analysis.h"
#include "core/status.h"

namespace khabar::text {

class FoldedTokens;
struct Token;

namespace ner {
class Lexicon;
class Model;
struct LexiconFiles;
struct Scratch;
}  // namespace ner

class EntityRecognizer {
 public:
  // Loads the model and lexicons embedded in the binary. Fails only on corrupt embedded data.
  static Result<std::shared_ptr<const EntityRecognizer>> Create();

  // The same from explicit bytes (tests, tools): a serialized ner::Model and the lexicon files.
  static Result<std::shared_ptr<const EntityRecognizer>> FromData(std::string_view model,
                                                                  const ner::LexiconFiles& lexicon);

  ~EntityRecognizer();

  // Entities of the title and body in text order (title first), with byte offsets into the
  // original field text. Thread-safe; never fails: unreadable text yields fewer entities.
  std::vector<Entity> Recognize(std::string_view title, std::string_view body) const;
  // The same over fields the caller has already tokenized.
  std::vector<Entity> Recognize(const FoldedTokens& title, const FoldedTokens& body) const;

 private:
  EntityRecognizer(std::unique_ptr<const ner::Model> model,
                   std::unique_ptr<const ner::Lexicon> lexicon);
  std::vector<Entity> Recognize(std::string_view title, const std::vector<Token>& title_tokens,
                                std::string_view body,
                                const std::vector<Token>& body_tokens) const;

  std::unique_ptr<const ner::Model> model_;
  std::unique_ptr<const ner::Lexicon> lexicon_;
  // Buffers and a word cache, reused across calls: one per concurrent caller.
  mutable std::mutex pool_mutex_;
  mutable std::vector<std::unique_ptr<ner::Scratch>> pool_;
};

}  // namespace khabar::text
