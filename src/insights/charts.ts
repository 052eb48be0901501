import { Resvg } from '@resvg/resvg-js';
import { escapeHtml as esc } from '../alerts/render.js';

// Charts for the weekly e-mail, drawn on the server: e-mail clients show neither SVG nor scripts, so each chart
// is built as SVG here and rendered to PNG with resvg. Labels use the system's fonts (DejaVu Sans is in the
// Docker image, `fonts-dejavu-core`); where there is none the bars and legend swatches still render, only the
// words are missing, and the e-mail carries every figure as text beside the image anyway.

/** One coloured series of a grouped bar chart. */
export interface BarSeries {
  name: string;
  color: string;
  values: readonly number[];
}

export interface BarChart {
  title: string;
  categories: readonly string[];
  series: readonly BarSeries[];
  width?: number;
  height?: number;
}

const FONT = "'DejaVu Sans', 'Liberation Sans', Arial, sans-serif";

/** A label cut to fit under its bars. */
function fit(label: string, maxChars: number): string {
  return label.length <= maxChars ? label : `${label.slice(0, Math.max(1, maxChars - 1))}…`;
}

/** A round axis maximum above `max` (1, 2, 5 × 10^n), so gridlines fall on whole numbers. */
export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 2, 5, 10]) if (m * p >= max) return m * p;
  return 10 * p;
}

/** A grouped bar chart as SVG: one group per category, one bar per series, the value above each bar. */
export function barChartSvg(c: BarChart): string {
  const width = c.width ?? 560;
  const height = c.height ?? 260;
  const left = 36;
  const right = 12;
  const top = 48;
  const bottom = 40;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const max = niceMax(Math.max(0, ...c.series.flatMap((s) => s.values)));
  const groupW = plotW / Math.max(1, c.categories.length);
  const barW = Math.min(36, (groupW * 0.7) / Math.max(1, c.series.length));
  const y = (v: number): number => top + plotH - (v / max) * plotH;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${left}" y="20" font-size="15" font-weight="bold" fill="#1f2933">${esc(c.title)}</text>`,
  ];
  // Legend, top right.
  let lx = width - right;
  for (const s of [...c.series].reverse()) {
    const w = 22 + s.name.length * 7;
    lx -= w;
    parts.push(`<rect x="${lx}" y="28" width="12" height="12" fill="${s.color}"/>`, `<text x="${lx + 16}" y="38" font-size="12" fill="#3e4c59">${esc(s.name)}</text>`);
  }
  // Five steps, or one per unit below five: every gridline on a whole number (max is 1, 2 or 5 times a power of ten).
  const steps = max < 5 ? max : 5;
  for (let i = 0; i <= steps; i++) {
    const v = (max / steps) * i;
    parts.push(`<line x1="${left}" x2="${width - right}" y1="${y(v)}" y2="${y(v)}" stroke="#e4e7eb"/>`);
    parts.push(`<text x="${left - 6}" y="${y(v) + 4}" font-size="11" text-anchor="end" fill="#7b8794">${Number.isInteger(v) ? v : v.toFixed(1)}</text>`);
  }
  const maxChars = Math.max(4, Math.floor(groupW / 7));
  c.categories.forEach((cat, i) => {
    const gx = left + groupW * i + (groupW - barW * c.series.length) / 2;
    c.series.forEach((s, j) => {
      const v = s.values[i] ?? 0;
      const x = gx + barW * j;
      const h = Math.max(v > 0 ? 1 : 0, (v / max) * plotH);
      parts.push(`<rect x="${x.toFixed(1)}" y="${(top + plotH - h).toFixed(1)}" width="${(barW - 2).toFixed(1)}" height="${h.toFixed(1)}" fill="${s.color}"/>`);
      parts.push(`<text x="${(x + barW / 2 - 1).toFixed(1)}" y="${(top + plotH - h - 4).toFixed(1)}" font-size="11" text-anchor="middle" fill="#3e4c59">${v}</text>`);
    });
    parts.push(`<text x="${(left + groupW * i + groupW / 2).toFixed(1)}" y="${top + plotH + 18}" font-size="12" text-anchor="middle" fill="#3e4c59">${esc(fit(cat, maxChars))}</text>`);
  });
  parts.push(`<line x1="${left}" x2="${width - right}" y1="${top + plotH}" y2="${top + plotH}" stroke="#9aa5b1"/>`, '</svg>');
  return parts.join('\n');
}

/** Alt text of a chart: every value in words, for readers who see no image. */
export function chartAlt(c: BarChart): string {
  if (c.categories.length === 0) return `${c.title}: nothing to show.`;
  const items = c.categories.map((cat, i) => `${cat}: ${c.series.map((s) => `${s.values[i] ?? 0} ${s.name}`).join(', ')}`);
  return `${c.title}. ${items.join('; ')}.`;
}

/** Renders an SVG to PNG at twice its size (sharp on high-density screens; the e-mail shows it at its SVG width). */
export function renderPng(svg: string): Buffer {
  const resvg = new Resvg(svg, { fitTo: { mode: 'zoom', value: 2 }, font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' }, background: '#ffffff' });
  return Buffer.from(resvg.render().asPng());
}
