// The ledger's till path (post, balance) uses the zod-free shared helpers, so it does not pull zod
// into a user's bundle.
export { EXPECTED_INSTANT, instantMillis, parseInstant, previewValue as preview } from "../../_lib/values.js";
export { instantMs, instantToIso, storedInstant } from "../../core/instant.js";
