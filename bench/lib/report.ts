// Results: rows printed as they are measured, a table at the end, and the JSON for results.json.
// Each row may carry a target; the status compares the named statistic with it.
import type { Stats } from './stats';

export type Unit = 'ms' | 'MB/s' | 'MB' | '×' | 'count';

export interface Target {
  /** which number is compared: a statistic of the samples, or the single value */
  stat: 'median' | 'p95' | 'p99' | 'max' | 'value';
  op: '<' | '<=';
  limit: number;
}

export interface ResultRow {
  section: string;
  name: string;
  unit: Unit;
  stats?: Stats;
  value?: number;
  target?: Target;
  status?: 'PASS' | 'MISS';
  note?: string;
}

function compared(row: ResultRow): number | undefined {
  if (!row.target) return undefined;
  return row.target.stat === 'value' ? row.value : row.stats?.[row.target.stat];
}

export function statusOf(row: ResultRow): 'PASS' | 'MISS' | undefined {
  const v = compared(row);
  if (!row.target || v === undefined || Number.isNaN(v)) return undefined;
  return (row.target.op === '<' ? v < row.target.limit : v <= row.target.limit) ? 'PASS' : 'MISS';
}

export function fmt(v: number | undefined, unit: Unit = 'ms'): string {
  if (v === undefined || Number.isNaN(v)) return '—';
  if (unit === 'count') return String(Math.round(v));
  if (Math.abs(v) >= 100) return v.toFixed(0);
  if (Math.abs(v) >= 10) return v.toFixed(1);
  return v.toFixed(2);
}

function targetText(row: ResultRow): string {
  const t = row.target;
  if (!t) return '';
  const stat = t.stat === 'value' ? '' : `${t.stat} `;
  return `${stat}${t.op} ${t.limit}${row.unit === '×' ? '×' : ` ${row.unit}`}`;
}

const COLUMNS = ['measurement', 'unit', 'n', 'min', 'median', 'p95', 'p99', 'target', 'status', 'note'] as const;

function cells(row: ResultRow): string[] {
  const s = row.stats;
  return [
    row.name,
    row.unit,
    s ? String(s.n) : '1',
    s ? fmt(s.min, row.unit) : '',
    s ? fmt(s.median, row.unit) : fmt(row.value, row.unit),
    s ? fmt(s.p95, row.unit) : '',
    s ? fmt(s.p99, row.unit) : '',
    targetText(row),
    row.status ?? '',
    row.note ?? '',
  ];
}

export class Report {
  readonly rows: ResultRow[] = [];
  private lastSection = '';

  add(row: ResultRow): ResultRow {
    const done = { ...row, status: statusOf(row) };
    this.rows.push(done);
    if (done.section !== this.lastSection) {
      this.lastSection = done.section;
      process.stdout.write(`\n## ${done.section}\n`);
    }
    const c = cells(done);
    process.stdout.write(`  ${c[0]}: ${c[4]} ${c[1]} (min ${c[3] || c[4]}, p95 ${c[5] || '—'}, p99 ${c[6] || '—'}, n ${c[2]})${c[7] ? `  target ${c[7]} → ${c[8]}` : ''}${c[9] ? `  ${c[9]}` : ''}\n`);
    return done;
  }

  /** a Markdown table of every row, grouped by section */
  table(): string {
    const out: string[] = [];
    let section = '';
    for (const row of this.rows) {
      if (row.section !== section) {
        section = row.section;
        out.push('', `### ${section}`, '', `| ${COLUMNS.join(' | ')} |`, `|${COLUMNS.map(() => '---').join('|')}|`);
      }
      out.push(`| ${cells(row).map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`);
    }
    return out.join('\n');
  }

  misses(): ResultRow[] {
    return this.rows.filter((r) => r.status === 'MISS');
  }
}
