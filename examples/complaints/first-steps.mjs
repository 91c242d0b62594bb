// A complaint is a JSON snapshot; transition returns the next one, can and nextEvents say what is allowed.
import { openComplaint, transition, can, nextEvents } from "loyalty-kit";

let c = openComplaint({
  id: "C-1",
  customerId: "cust-7",
  channel: "phone",
  cause: "delay-in-fixing",
  description: "Boiler still broken after two visits",
  at: "2026-03-02T09:12:00+01:00",
});
console.log("opened:", c.state, "| priority", c.priority);
c = transition(c, { type: "ACKNOWLEDGE", at: "2026-03-02T09:14:00+01:00", by: "agent:maria" });
console.log("after ACKNOWLEDGE:", c.state);
console.log("can CLOSE:", can(c, { type: "CLOSE", at: "2026-03-02T09:15:00+01:00", by: "agent:maria" }));
console.log("next events:", nextEvents(c).join(", "));
