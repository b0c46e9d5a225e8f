#pragma once
// The analysis contract (shared/spec/analysis.md) as plain values. Offsets are UTF-8 byte offsets
// into the original, un-normalized text of the field, end exclusive.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace khabar {

enum class Field : uint8_t { kTitle = 0, kBody = 1 };

struct Span {
  Field field = Field::kBody;
  uint32_t start = 0;
  uint32_t end = 0;
  bool operator==(const Span&) const = default;
};

enum class EntityType : uint8_t { kPerson = 0, kOrganization = 1, kPlace = 2 };

struct Entity {
  EntityType type = EntityType::kPerson;
  std::string text;       // The original bytes of the span.
  std::string canonical;  // One name for every spelling of this entity in the article.
  Span span;
  bool operator==(const Entity&) const = default;
};

enum class FigureKind : uint8_t { kCount, kMoney, kPercent, kDuration, kMeasure, kNumber };
enum class Qualifier : uint8_t { kExact, kApprox, kAtLeast, kAtMost, kRangeLow, kRangeHigh };

struct Figure {
  std::string text;
  double value = 0;
  std::string unit;  // Empty means null.
  FigureKind kind = FigureKind::kNumber;
  std::string currency;  // ISO 4217 code; empty means null.
  Qualifier qualifier = Qualifier::kExact;
  Span span;
  bool operator==(const Figure&) const = default;
};

enum class Calendar : uint8_t { kGregorian, kHijri };

struct DateMention {
  std::string text;
  std::string value;  // YYYY-MM-DD, YYYY-MM, YYYY, YYYY-Www, YYYY-Qn, YYYY-Hn; empty means null.
  std::string type;   // year, month, gregorian, hijri, numeric, relative_day, weekday, ...
  Calendar calendar = Calendar::kGregorian;
  std::string hijri;  // YYYY[-MM[-DD]] when written in the Hijri calendar.
  Span span;
  bool operator==(const DateMention&) const = default;
};

struct Quote {
  std::string text;     // The quoted words without the marks.
  std::string speaker;  // Empty means null.
  Span span;
  bool operator==(const Quote&) const = default;
};

struct Analysis {
  std::vector<Entity> entities;
  std::vector<Figure> figures;
  std::vector<DateMention> dates;
  std::vector<Quote> quotes;
  bool operator==(const Analysis&) const = default;
};

std::string_view EntityTypeName(EntityType t);
std::string_view FigureKindName(FigureKind k);
std::string_view QualifierName(Qualifier q);
std::string_view CalendarName(Calendar c);
std::string_view FieldName(Field f);

}  // namespace khabar
