#include "core/analysis.h"

namespace khabar {

std::string_view EntityTypeName(EntityType t) {
  switch (t) {
    case EntityType::kPerson:
      return "person";
    case EntityType::kOrganization:
      return "organization";
    case EntityType::kPlace:
      return "place";
  }
  return "person";
}

std::string_view FigureKindName(FigureKind k) {
  switch (k) {
    case FigureKind::kCount:
      return "count";
    case FigureKind::kMoney:
      return "money";
    case FigureKind::kPercent:
      return "percent";
    case FigureKind::kDuration:
      return "duration";
    case FigureKind::kMeasure:
      return "measure";
    case FigureKind::kNumber:
      return "number";
  }
  return "number";
}

std::string_view QualifierName(Qualifier q) {
  switch (q) {
    case Qualifier::kExact:
      return "exact";
    case Qualifier::kApprox:
      return "approx";
    case Qualifier::kAtLeast:
      return "at_least";
    case Qualifier::kAtMost:
      return "at_most";
    case Qualifier::kRangeLow:
      return "range_low";
    case Qualifier::kRangeHigh:
      return "range_high";
  }
  return "exact";
}

std::string_view CalendarName(Calendar c) { return c == Calendar::kHijri ? "hijri" : "gregorian"; }

std::string_view FieldName(Field f) { return f == Field::kTitle ? "title" : "body"; }

}  // namespace khabar
