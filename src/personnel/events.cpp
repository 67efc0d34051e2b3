#include "hrkit/personnel/events.hpp"

#include <iterator>
#include <type_traits>

namespace hrkit {

Date EffectiveDate(const LifecycleEvent& event) {
  return std::visit(
      [](const auto& e) -> Date {
        using E = std::decay_t<decltype(e)>;
        if constexpr (std::is_same_v<E, TerminationEvent>) {
          if (!IsRealDate(e.last_day)) return e.last_day;
          // The last representable day has no day after it.
          if (e.last_day == Date(9999, 12, 31)) return Date(boost::gregorian::not_a_date_time);
          return e.last_day + boost::gregorian::days(1);
        } else {
          return e.effective;
        }
      },
      event);
}

EmploymentEvent EventKind(const LifecycleEvent& event) {
  static constexpr EmploymentEvent kKinds[] = {
      EmploymentEvent::kHire,           EmploymentEvent::kTransfer,       EmploymentEvent::kPromotion,
      EmploymentEvent::kFteChange,      EmploymentEvent::kManagerChange,  EmploymentEvent::kLeaveOfAbsence,
      EmploymentEvent::kReturnFromLeave, EmploymentEvent::kTermination,   EmploymentEvent::kRehire,
      EmploymentEvent::kDataChange,
  };
  static_assert(std::size(kKinds) == std::variant_size_v<LifecycleEvent>);
  return kKinds[event.index()];
}

std::optional<PositionId> TargetPosition(const LifecycleEvent& event) {
  return std::visit(
      [](const auto& e) -> std::optional<PositionId> {
        using E = std::decay_t<decltype(e)>;
        if constexpr (std::is_same_v<E, HireEvent> || std::is_same_v<E, RehireEvent> ||
                      std::is_same_v<E, TransferEvent> || std::is_same_v<E, PromotionEvent>) {
          return e.position;
        } else {
          return std::nullopt;
        }
      },
      event);
}

}  // namespace hrkit
