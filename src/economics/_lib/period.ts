// Calendar periods in UTC, as consecutive integers (so the previous period is index − 1).
export function periodIndex(ms: number, period: "month" | "quarter"): number {
  const d = new Date(ms);
  const month = d.getUTCFullYear() * 12 + d.getUTCMonth();
  return period === "month" ? month : Math.floor(month / 3);
}

export function periodLabel(index: number, period: "month" | "quarter"): string {
  if (period === "quarter") return `${String(Math.floor(index / 4)).padStart(4, "0")}-Q${(index % 4) + 1}`;
  return `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`;
}
