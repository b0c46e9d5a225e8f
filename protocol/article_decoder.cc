#include "protocol/article_decoder.h"

#include <simdjson.h>

#include "core/time.h"

namespace khabar::protocol {
namespace {

using simdjson::ondemand::json_type;

Status JsonError(simdjson::error_code e, std::string_view field = {}) {
  std::string message = "invalid JSON: ";
  message += simdjson::error_message(e);
  return InvalidArgument(std::move(message), std::string(field), "invalid_json");
}

bool IsIdChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '_' || c == ':' || c == '-' || c == '~';
}

enum class Key {
  kId,
  kTitle,
  kBody,
  kPublishedAt,
  kSource,
  kUrl,
  kAuthors,
  kSection,
  kTags,
  kLanguage,
  kUnknown
};

Key KeyOf(std::string_view k) {
  if (k == "id") return Key::kId;
  if (k == "title") return Key::kTitle;
  if (k == "body") return Key::kBody;
  if (k == "published_at") return Key::kPublishedAt;
  if (k == "source") return Key::kSource;
  if (k == "url") return Key::kUrl;
  if (k == "authors") return Key::kAuthors;
  if (k == "section") return Key::kSection;
  if (k == "tags") return Key::kTags;
  if (k == "language") return Key::kLanguage;
  return Key::kUnknown;
}

Status ReadString(simdjson::ondemand::value v, std::string_view field, std::string* out) {
  json_type t;
  if (auto e = v.type().get(t)) return JsonError(e, field);
  if (t != json_type::string) {
    return InvalidArgument("field '" + std::string(field) + "' must be a string",
                           std::string(field), "invalid_type");
  }
  std::string_view s;
  if (auto e = v.get_string().get(s)) return JsonError(e, field);
  out->assign(s);
  return Status::Ok();
}

Status ReadStringArray(simdjson::ondemand::value v, std::string_view field,
                       std::vector<std::string>* out) {
  json_type t;
  if (auto e = v.type().get(t)) return JsonError(e, field);
  if (t != json_type::array) {
    return InvalidArgument("field '" + std::string(field) + "' must be an array of strings",
                           std::string(field), "invalid_type");
  }
  simdjson::ondemand::array arr;
  if (auto e = v.get_array().get(arr)) return JsonError(e, field);
  size_t i = 0;
  for (auto element : arr) {
    simdjson::ondemand::value item;
    if (auto e = element.get(item)) return JsonError(e, field);
    std::string s;
    const std::string name = std::string(field) + "[" + std::to_string(i++) + "]";
    KHABAR_RETURN_IF_ERROR(ReadString(item, name, &s));
    out->push_back(std::move(s));
  }
  return Status::Ok();
}

}  // namespace

Status ValidateArticleId(std::string_view id) {
  if (id.empty() || id.size() > 256) {
    return InvalidArgument("field 'id' must be 1-256 bytes long", "id", "invalid_id");
  }
  for (char c : id) {
    if (!IsIdChar(c)) {
      return InvalidArgument("field 'id' may contain only ASCII letters, digits and ._:-~", "id",
                             "invalid_id");
    }
  }
  return Status::Ok();
}

struct ArticleDecoder::Impl {
  simdjson::ondemand::parser parser;
  simdjson::padded_string buffer;
};

ArticleDecoder::ArticleDecoder() : impl_(std::make_unique<Impl>()) {}
ArticleDecoder::~ArticleDecoder() = default;

Result<Article> ArticleDecoder::Decode(std::string_view json, const DecodeOptions& options) {
  last_id_.clear();
  // Also on first use: a default padded_string has no storage, not even for the padding.
  if (impl_->buffer.data() == nullptr || impl_->buffer.size() < json.size()) {
    impl_->buffer = simdjson::padded_string(json.size() * 2 + 64);
  }
  std::memcpy(impl_->buffer.data(), json.data(), json.size());
  std::memset(impl_->buffer.data() + json.size(), 0, simdjson::SIMDJSON_PADDING);
  simdjson::padded_string_view view(impl_->buffer.data(), json.size(),
                                    impl_->buffer.size() + simdjson::SIMDJSON_PADDING);
  simdjson::ondemand::document doc;
  if (auto e = impl_->parser.iterate(view).get(doc)) return JsonError(e);
  simdjson::ondemand::object obj;
  if (auto e = doc.get_object().get(obj)) {
    const size_t first = json.find_first_not_of(" \t\r\n");
    const bool is_json_value =
        first != std::string_view::npos &&
        std::string_view("[\"-0123456789tfn").find(json[first]) != std::string_view::npos;
    if (e == simdjson::INCORRECT_TYPE && is_json_value) {
      return InvalidArgument("the article must be a JSON object", {}, "invalid_json");
    }
    return JsonError(e);
  }
  Article a;
  bool seen[static_cast<int>(Key::kUnknown)] = {};
  for (auto field : obj) {
    std::string_view key;
    if (auto e = field.unescaped_key().get(key)) return JsonError(e);
    const Key k = KeyOf(key);
    if (k == Key::kUnknown) {
      if (options.reject_unknown) {
        return InvalidArgument("unknown field '" + std::string(key) + "'", std::string(key),
                               "unknown_field");
      }
      continue;
    }
    const std::string name(key);
    if (seen[static_cast<int>(k)]) {
      return InvalidArgument("field '" + name + "' appears twice", name, "duplicate_field");
    }
    seen[static_cast<int>(k)] = true;
    simdjson::ondemand::value v;
    if (auto e = field.value().get(v)) return JsonError(e, name);
    bool is_null = false;
    if (auto e = v.is_null().get(is_null)) return JsonError(e, name);
    if (is_null) {
      seen[static_cast<int>(k)] = false;
      continue;
    }
    switch (k) {
      case Key::kId:
        KHABAR_RETURN_IF_ERROR(ReadString(v, name, &a.id));
        last_id_ = a.id;
        break;
      case Key::kTitle:
        KHABAR_RETURN_IF_ERROR(ReadString(v, name, &a.title));
        break;
      case Key::kBody:
        KHABAR_RETURN_IF_ERROR(ReadString(v, name, &a.body));
        break;
      case Key::kPublishedAt:
        KHABAR_RETURN_IF_ERROR(ReadString(v, name, &a.published_at));
        break;
      case Key::kSource:
        KHABAR_RETURN_IF_ERROR(ReadString(v, name, &a.source));
        break;
      case Key::kUrl:
        KHABAR_RETURN_IF_ERROR(ReadString(v, name, &a.url));
        break;
      case Key::kSection:
        KHABAR_RETURN_IF_ERROR(ReadString(v, name, &a.section));
        break;
      case Key::kLanguage:
        KHABAR_RETURN_IF_ERROR(ReadString(v, name, &a.language));
        break;
      case Key::kAuthors:
        KHABAR_RETURN_IF_ERROR(ReadStringArray(v, name, &a.authors));
        break;
      case Key::kTags:
        KHABAR_RETURN_IF_ERROR(ReadStringArray(v, name, &a.tags));
        break;
      case Key::kUnknown:
        break;
    }
  }
  const char* trailing = nullptr;
  if (doc.current_location().get(trailing) == simdjson::SUCCESS) {
    return InvalidArgument("invalid JSON: trailing content after the article", {}, "invalid_json");
  }
  auto missing = [](const char* f) {
    return InvalidArgument(std::string("field '") + f + "' is required", f, "missing_field");
  };
  if (!seen[static_cast<int>(Key::kId)] && options.require_id) return missing("id");
  if (seen[static_cast<int>(Key::kId)] && !options.any_id)
    KHABAR_RETURN_IF_ERROR(ValidateArticleId(a.id));
  if (!seen[static_cast<int>(Key::kTitle)] && options.require_title) return missing("title");
  if (!seen[static_cast<int>(Key::kBody)]) return missing("body");
  if (!seen[static_cast<int>(Key::kPublishedAt)] && options.require_published_at) {
    return missing("published_at");
  }
  if (!a.published_at.empty() && !ParseTimestamp(a.published_at)) {
    return InvalidArgument("field 'published_at' must be RFC 3339 or YYYY-MM-DD, got '" +
                               a.published_at.substr(0, 64) + "'",
                           "published_at", "invalid_date");
  }
  if (a.language.empty()) a.language = "ar";
  return a;
}

}  // namespace khabar::protocol
