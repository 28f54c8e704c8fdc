// A bar chart of one metric per day, drawn by hand in SVG (a chart library would outweigh the
// whole cabinet). The SVG is an image with a one-line summary; the numbers themselves are in
// the table beside it, which screen readers always get.
import { useEffect, useRef, useState } from 'react';
import type { DayStats } from '../../../../../shared/analytics.ts';
import { useStore, useT } from '../../../store/index.ts';
import { dayText, numberText } from '../format.ts';
import { type Metric, niceMax } from './analyticsDays.ts';

const H = 220;

/** The element's width in CSS pixels, so text in the SVG keeps its size on a phone. */
function useWidth(fallback: number): [React.RefObject<HTMLElement | null>, number] {
  const ref = useRef<HTMLElement | null>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.max(240, Math.round(entry.contentRect.width)));
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, width];
}
const PAD = { top: 12, right: 8, bottom: 28, left: 36 };

export function DailyChart({ days, metric, label }: { days: DayStats[]; metric: Metric; label: string }) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const [ref, W] = useWidth(640);
  const values = days.map((d) => d[metric]);
  const max = niceMax(Math.max(0, ...values));
  const total = values.reduce((a, b) => a + b, 0);
  const peak = values.indexOf(Math.max(...values));
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const slot = innerW / Math.max(1, days.length);
  const barW = Math.max(2, Math.min(28, slot * 0.7));
  const y = (v: number) => PAD.top + innerH - (v / max) * innerH;
  const ticks = [0, max / 2, max].filter((v, i, a) => Number.isInteger(v) && a.indexOf(v) === i);
  // A date label every ~64 px: every day on a wide screen, every few days on a phone.
  const labelEvery = Math.max(1, Math.ceil(days.length / Math.max(2, Math.floor(innerW / 64))));
  const first = days[0];
  const last = days[days.length - 1];
  const summary =
    first && last
      ? t('cabinet.analytics.chartSummary', {
          metric: label,
          from: dayText(lang, first.day),
          to: dayText(lang, last.day),
          total: numberText(lang, total),
          peak: values[peak] ? `${numberText(lang, values[peak])} (${dayText(lang, days[peak]!.day)})` : '0',
        })
      : '';

  return (
    <figure className="cab-chart" ref={ref}>
      <svg viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-label={summary} className="cab-chart__svg">
        {ticks.map((v) => (
          <g key={v} className="cab-chart__tick">
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} />
            <text x={PAD.left - 6} y={y(v)} dy="0.35em" textAnchor="end">
              {numberText(lang, v)}
            </text>
          </g>
        ))}
        {days.map((d, i) => {
          const v = d[metric];
          const x = PAD.left + i * slot + (slot - barW) / 2;
          return (
            <g key={d.day}>
              <rect className={`cab-chart__bar${v === 0 ? ' is-zero' : ''}`} x={x} y={y(v)} width={barW} height={Math.max(v > 0 ? 1 : 0, PAD.top + innerH - y(v))} rx={2}>
                <title>{`${dayText(lang, d.day)}: ${numberText(lang, v)}`}</title>
              </rect>
              {i % labelEvery === 0 && (
                <text className="cab-chart__label" x={PAD.left + i * slot + slot / 2} y={H - 8} textAnchor="middle">
                  {dayText(lang, d.day)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="cab-muted">{summary}</figcaption>
    </figure>
  );
}
