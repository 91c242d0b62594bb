// Moved to src/core/calendar.ts; kept as a re-export so that modules owned by other branches keep
// compiling until their imports are swapped. Import from src/core/calendar.js.
export {
  assertTimeZone,
  daysInMonth,
  endOfDayMonthsLater,
  isTimeZone,
  type ZonedParts,
  zonedParts,
  zonedTimeToInstant,
  zoneOffset,
} from "../core/calendar.js";
