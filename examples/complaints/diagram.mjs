// Prints the complaint machine as a Mermaid state diagram (the one in docs/guides/complaints.md).
import { toMermaid } from "loyalty-kit";

console.log(toMermaid());
