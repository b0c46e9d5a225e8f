#include "text/ner_data.h"

extern "C" {
extern const char khabar_ner_gazetteer_begin[], khabar_ner_gazetteer_end[];
extern const char khabar_ner_triggers_begin[], khabar_ner_triggers_end[];
extern const char khabar_ner_known_begin[], khabar_ner_known_end[];
extern const char khabar_ner_model_begin[], khabar_ner_model_end[];
}

namespace khabar::text::ner {
namespace {

std::string_view View(const char* begin, const char* end) {
  return std::string_view(begin, static_cast<size_t>(end - begin));
}

}  // namespace

LexiconFiles EmbeddedLexicon() {
  return LexiconFiles{View(khabar_ner_gazetteer_begin, khabar_ner_gazetteer_end),
                      View(khabar_ner_triggers_begin, khabar_ner_triggers_end),
                      View(khabar_ner_known_begin, khabar_ner_known_end)};
}
std::string_view EmbeddedModel() { return View(khabar_ner_model_begin, khabar_ner_model_end); }

}  // namespace khabar::text::ner
