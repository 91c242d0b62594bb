// Deterministic BG/NBD and Gamma-Gamma simulation for recovery tests (mulberry32 PRNG, Marsaglia–Tsang gamma).
export function rng(seed: number): () => number {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
}

export function gammaSampler(u: () => number): (shape: number) => number {
  const sample = (k: number): number => {
    if (k < 1) return sample(k + 1) * u() ** (1 / k);
    const d = k - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      if (Math.log(u()) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
    }
  };
  return sample;
}

/**
 * Customers of the BG/NBD story: rate λ ~ Gamma(r, α), drop-out p ~ Beta(a, b); from the first purchase at
 * 0, repeat purchases come at Exp(λ) gaps and after each one the customer leaves with probability p.
 * Observed for T ~ Uniform(1, 52] (continuous). Spend per repeat purchase ~ Gamma(pS, ν), ν ~ Gamma(qS, vS).
 */
export function simulate(
  n: number,
  seed: number,
  bg: { r: number; alpha: number; a: number; b: number },
  gg: { p: number; q: number; v: number },
): { frequency: number; recency: number; T: number; monetary: number }[] {
  const u = rng(seed);
  const gamma = gammaSampler(u);
  const out = [];
  for (let i = 0; i < n; i++) {
    const lambda = gamma(bg.r) / bg.alpha;
    const g1 = gamma(bg.a);
    const dropout = g1 / (g1 + gamma(bg.b));
    const nu = gamma(gg.q) / gg.v;
    const T = 1 + 51 * u();
    let t = 0;
    let x = 0;
    let last = 0;
    let spent = 0;
    for (;;) {
      t += -Math.log(u()) / lambda;
      if (t > T) break;
      x++;
      last = t;
      spent += gamma(gg.p) / nu;
      if (u() < dropout) break;
    }
    out.push({ frequency: x, recency: x > 0 ? last : 0, T, monetary: x > 0 ? spent / x : 0 });
  }
  return out;
}
