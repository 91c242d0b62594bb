// identify() at a million customers, by card barcode and by phone, against the floor: a plain
// Map.get over the same keys in a Map of the same size, measured in the same run. Also the one-off
// cost of buildCustomerIndex against building two plain Maps. The bar: ≥ 1,000,000 lookups/s
// by card or phone. Lookup keys are fresh strings (as a scanner or a keyboard delivers them), in a
// fixed pseudo-random order, one in eleven a miss.
import { buildCustomerIndex, identify } from "loyalty-kit";

const N = 1_000_000;
const LOOKUPS = 1_000_000;

// A synthetic EAN-13 card number with its GS1 check digit (weights 1,3,1,… from the left for 13 digits).
// Prefix 20–29 is GS1's in-store range, which loyalty cards use.
function ean13(n) {
  const data = `20${String(n).padStart(10, "0")}`;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += (data.charCodeAt(i) - 48) * (i % 2 === 0 ? 1 : 3);
  return data + ((10 - (sum % 10)) % 10);
}
const phoneOf = (n) => `+62812${String(n).padStart(7, "0")}`;

function time(fn) {
  const t0 = performance.now();
  const r = fn();
  return { ms: performance.now() - t0, r };
}

// Best of three timed passes after a warm-up pass.
function rate(label, keys, fn) {
  fn(keys, keys.length / 10);
  let best = Infinity;
  let hits = 0;
  for (let round = 0; round < 3; round++) {
    const t = time(() => fn(keys, keys.length));
    best = Math.min(best, t.ms);
    hits = t.r;
  }
  return { label, perSecond: keys.length / (best / 1000), hits };
}

export default async function () {
  // Customers shaped as parseCustomer returns them (built directly: parsing is not what is measured).
  const customers = new Array(N);
  for (let i = 0; i < N; i++) {
    customers[i] = {
      id: `c-${i}`,
      lastName: `Name${i % 50_000}`,
      identifiers: [
        { kind: "barcode", code: ean13(i) },
        { kind: "phone", number: phoneOf(i) },
      ],
      consents: [],
    };
  }
  const cards = new Array(LOOKUPS);
  const phones = new Array(LOOKUPS);
  const nationals = new Array(LOOKUPS);
  let seed = 12345;
  for (let k = 0; k < LOOKUPS; k++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const i = seed % (N + N / 10);
    cards[k] = ean13(i);
    phones[k] = phoneOf(i);
    nationals[k] = `0812-${String(i).padStart(7, "0")}`;
  }

  const built = time(() => buildCustomerIndex(customers));
  const index = built.r;
  const plain = time(() => {
    const byCard = new Map();
    const byPhone = new Map();
    for (const c of customers) {
      byCard.set(c.identifiers[0].code, c);
      byPhone.set(c.identifiers[1].number, c);
    }
    return { byCard, byPhone };
  });
  const { byCard, byPhone } = plain.r;

  // One literal loop per case, so no call site in a loop is shared (and made polymorphic) by the cases.
  const cardBase = rate("Map.get by card (baseline)", cards, (keys, n) => {
    let hits = 0;
    for (let k = 0; k < n; k++) if (byCard.get(keys[k]) !== undefined) hits++;
    return hits;
  });
  const card = rate("identify by barcode", cards, (keys, n) => {
    let hits = 0;
    for (let k = 0; k < n; k++) if (identify(index, { kind: "barcode", code: keys[k] }).status === "found") hits++;
    return hits;
  });
  const phoneBase = rate("Map.get by phone (baseline)", phones, (keys, n) => {
    let hits = 0;
    for (let k = 0; k < n; k++) if (byPhone.get(keys[k]) !== undefined) hits++;
    return hits;
  });
  const phone = rate("identify by phone, E.164", phones, (keys, n) => {
    let hits = 0;
    for (let k = 0; k < n; k++) if (identify(index, { kind: "phone", number: keys[k] }).status === "found") hits++;
    return hits;
  });
  const national = rate("identify by phone, national 0812-…", nationals, (keys, n) => {
    let hits = 0;
    for (let k = 0; k < n; k++)
      if (identify(index, { kind: "phone", number: keys[k], defaultCountryCode: "62" }).status === "found") hits++;
    return hits;
  });

  const fmt = (x) => Math.round(x).toLocaleString("en-US");
  console.log(`${fmt(N)} customers, ${fmt(LOOKUPS)} lookups per pass`);
  console.log(
    `buildCustomerIndex: ${fmt(built.ms)} ms; two plain Maps: ${fmt(plain.ms)} ms; ratio ${(built.ms / plain.ms).toFixed(1)}×`,
  );
  console.log("| lookup | lookups/s | ratio to its Map.get baseline | hits |");
  console.log("| --- | ---: | ---: | ---: |");
  for (const [r, base] of [
    [cardBase, cardBase],
    [card, cardBase],
    [phoneBase, phoneBase],
    [phone, phoneBase],
    [national, phoneBase],
  ]) {
    console.log(`| ${r.label} | ${fmt(r.perSecond)} | ${(r.perSecond / base.perSecond).toFixed(2)} | ${fmt(r.hits)} |`);
  }
  const slowest = Math.min(card.perSecond, phone.perSecond);
  console.log(
    `≥ 1,000,000 lookups/s by card and by E.164 phone: ${slowest >= 1_000_000 ? "met" : "not met on this machine"} (slower of the two: ${fmt(slowest)}/s)`,
  );
}
