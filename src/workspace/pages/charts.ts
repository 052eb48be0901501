import { html, type Html } from './html.js';

// Charts drawn on the server as SVG: nothing to download, nothing to run, readable without script. Each
// chart is an image with a title and description for screen readers, and the page gives its numbers
// as a table too. Colours are presentation attributes (the CSP forbids inline style).

const W = 520;
const H = 220;
const PAD = { top: 12, right: 12, bottom: 34, left: 40 };

/** Rounds a maximum up to a readable axis top (1, 2, 5 × 10ⁿ). */
export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 2, 5, 10]) if (m * p >= max) return m * p;
  return 10 * p;
}

function frame(id: string, title: string, desc: string, content: Html): Html {
  return html`<svg viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="${id}-t ${id}-d" xmlns="http://www.w3.org/2000/svg"><title id="${id}-t">${title}</title><desc id="${id}-d">${desc}</desc>${content}</svg>`;
}

function yAxis(top: number, ticks: number[], fmt: (v: number) => string): Html {
  const innerH = H - PAD.top - PAD.bottom;
  return html`${ticks.map((v) => {
    const y = PAD.top + innerH - (v / top) * innerH;
    return html`<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${y.toFixed(1)}" y2="${y.toFixed(1)}" stroke="#e3e7eb"/><text x="${PAD.left - 6}" y="${(y + 4).toFixed(1)}" text-anchor="end">${fmt(v)}</text>`;
  })}`;
}

function xLabels(labels: string[], slot: number): Html {
  // At most ~8 labels, so they never overlap on a phone.
  const every = Math.max(1, Math.ceil(labels.length / 8));
  return html`${labels.map((l, i) => (i % every === 0 ? html`<text x="${(PAD.left + slot * i + slot / 2).toFixed(1)}" y="${H - PAD.bottom + 16}" text-anchor="middle">${l}</text>` : ''))}`;
}

/** Side-by-side bars per label, one colour per series. */
export function barChart(id: string, title: string, labels: string[], series: { name: string; color: string; values: number[] }[]): Html {
  const top = niceMax(Math.max(0, ...series.flatMap((s) => s.values)));
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const slot = innerW / Math.max(1, labels.length);
  const bar = (slot * 0.8) / Math.max(1, series.length);
  const bars = labels.map((_, i) =>
    series.map((s, j) => {
      const v = s.values[i] ?? 0;
      const h = (v / top) * innerH;
      return html`<rect x="${(PAD.left + slot * i + slot * 0.1 + bar * j).toFixed(1)}" y="${(PAD.top + innerH - h).toFixed(1)}" width="${bar.toFixed(1)}" height="${h.toFixed(1)}" fill="${s.color}"><title>${s.name} ${labels[i]}: ${v}</title></rect>`;
    }),
  );
  const legend = series.map((s, j) => html`<rect x="${PAD.left + j * 120}" y="${H - 12}" width="10" height="10" fill="${s.color}"/><text x="${PAD.left + j * 120 + 14}" y="${H - 3}">${s.name}</text>`);
  const desc = series.map((s) => `${s.name}: ${s.values.join(', ')}`).join('; ');
  return frame(id, title, desc, html`${yAxis(top, [0, top / 2, top], (v) => (Number.isInteger(v) ? String(v) : v.toFixed(1)))}${bars}<line class="axis" x1="${PAD.left}" x2="${W - PAD.right}" y1="${PAD.top + innerH}" y2="${PAD.top + innerH}"/>${xLabels(labels, slot)}${legend}`);
}

/** A line over labels; null values leave a gap. `min`–`max` is the value axis. */
export function lineChart(id: string, title: string, labels: string[], values: (number | null)[], opts: { min: number; max: number; color: string }): Html {
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const slot = innerW / Math.max(1, labels.length);
  const y = (v: number): number => PAD.top + innerH - ((v - opts.min) / (opts.max - opts.min)) * innerH;
  const segments: string[] = [];
  let current: string[] = [];
  values.forEach((v, i) => {
    if (v === null) {
      if (current.length) segments.push(current.join(' '));
      current = [];
    } else current.push(`${(PAD.left + slot * i + slot / 2).toFixed(1)},${y(v).toFixed(1)}`);
  });
  if (current.length) segments.push(current.join(' '));
  const ticks = Array.from({ length: opts.max - opts.min + 1 }, (_, i) => opts.min + i);
  const innerTicks = html`${ticks.map((t) => {
    const yy = y(t);
    return html`<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${yy.toFixed(1)}" y2="${yy.toFixed(1)}" stroke="#e3e7eb"/><text x="${PAD.left - 6}" y="${(yy + 4).toFixed(1)}" text-anchor="end">${t}</text>`;
  })}`;
  const dots = values.map((v, i) => (v === null ? '' : html`<circle cx="${(PAD.left + slot * i + slot / 2).toFixed(1)}" cy="${y(v).toFixed(1)}" r="3.5" fill="${opts.color}"><title>${labels[i]}: ${v}</title></circle>`));
  const desc = labels.map((l, i) => `${l}: ${values[i] ?? 'none'}`).join('; ');
  return frame(id, title, desc, html`${innerTicks}${segments.map((p) => html`<polyline points="${p}" fill="none" stroke="${opts.color}" stroke-width="2.5"/>`)}${dots}${xLabels(labels, slot)}`);
}

/** Horizontal bars, one per label, longest first as given. */
export function hbarChart(id: string, title: string, rows: [string, number][], color: string): Html {
  const rowH = 26;
  const height = Math.max(1, rows.length) * rowH + 10;
  const left = 150;
  const top = niceMax(Math.max(0, ...rows.map(([, v]) => v)));
  const width = W - left - 50;
  const desc = rows.map(([l, v]) => `${l}: ${v}`).join('; ');
  return html`<svg viewBox="0 0 ${W} ${height}" role="img" aria-labelledby="${id}-t ${id}-d" xmlns="http://www.w3.org/2000/svg"><title id="${id}-t">${title}</title><desc id="${id}-d">${desc}</desc>${rows.map(([l, v], i) => {
    const w = (v / top) * width;
    const yy = 5 + i * rowH;
    return html`<text x="${left - 8}" y="${yy + 16}" text-anchor="end">${l}</text><rect x="${left}" y="${yy + 3}" width="${w.toFixed(1)}" height="${rowH - 8}" fill="${color}"/><text x="${(left + w + 6).toFixed(1)}" y="${yy + 16}">${v}</text>`;
  })}</svg>`;
}
