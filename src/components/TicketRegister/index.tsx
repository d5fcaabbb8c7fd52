/**
 * The ticket register (服务请求台账): every ticket as a row whose anchor is its
 * id, filters by system, severity, status and service period (kept in the URL
 * query, so a filtered view can be bookmarked or shared), and a free-text
 * search over id and title. Rendered at build time with every row, so the page
 * reads (and prints) without script; the filters work once it loads.
 * Data: scripts/site/pages/tickets.ts → tickets.register.json.
 */
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useHistory, useLocation } from '@docusaurus/router';
import useBrokenLinks from '@docusaurus/useBrokenLinks';
import {
  NO_FILTERS,
  filtersFromQuery,
  queryFromFilters,
  rowMatches,
  type FilterOption,
  type RegisterFilterKey,
  type RegisterFilters,
  type TicketRegisterData,
} from '../../../scripts/site/register-types';
import styles from './styles.module.css';

const FILTER_LABEL: Record<RegisterFilterKey, string> = { system: '系统', severity: '级别', status: '状态', period: '服务期' };

function Select({ id, label, options, value, onChange }: { id: string; label: string; options: FilterOption[]; value: string; onChange: (v: string) => void }): ReactNode {
  return (
    <label className={styles.field} htmlFor={id}>
      <span>{label}</span>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">全部</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

function Verdict({ code, labels }: { code: string | undefined; labels: Record<string, string> }): ReactNode {
  if (!code || code === 'n/a') return <span aria-label={labels['n/a'] ?? '不适用'}>—</span>;
  const text = labels[code] ?? code;
  return code === 'breached' ? <strong className={styles.breached}>{text}</strong> : <>{text}</>;
}

export default function TicketRegister({ data }: { data: TicketRegisterData }): ReactNode {
  const brokenLinks = useBrokenLinks();
  for (const r of data.rows) brokenLinks.collectAnchor(r.id);
  const location = useLocation();
  const history = useHistory();
  // The first render matches the build (every row); the URL decides once mounted: its query holds the
  // filters, its hash a row. A link to a row the filters would hide drops the filters, so it lands on the row.
  const [filters, setFilters] = useState<RegisterFilters>(NO_FILTERS);
  const target = decodeURIComponent(location.hash.slice(1));
  useEffect(() => {
    const wanted = filtersFromQuery(location.search);
    const row = target ? data.rows.find((r) => r.id === target) : undefined;
    if (row && !rowMatches(row, wanted)) {
      history.replace({ pathname: location.pathname, search: '', hash: location.hash });
      return;
    }
    setFilters(wanted);
    if (row) document.getElementById(row.id)?.scrollIntoView({ block: 'center' });
  }, [location.search, target]); // eslint-disable-line react-hooks/exhaustive-deps

  const visible = useMemo(() => new Set(data.rows.filter((r) => rowMatches(r, filters)).map((r) => r.id)), [data.rows, filters]);
  const update = (key: keyof RegisterFilters, value: string) => {
    const next = { ...filters, [key]: value };
    setFilters(next);
    history.replace({ pathname: location.pathname, search: queryFromFilters(next), hash: '' });
  };
  const filtered = (Object.keys(NO_FILTERS) as (keyof RegisterFilters)[]).some((k) => filters[k]);

  return (
    <div className={styles.register}>
      <form className={styles.filters} role="search" aria-label="筛选服务请求" onSubmit={(e) => e.preventDefault()}>
        {(Object.keys(FILTER_LABEL) as RegisterFilterKey[]).map((key) => (
          <Select key={key} id={`ticket-filter-${key}`} label={FILTER_LABEL[key]} options={data.filters[key]} value={filters[key]} onChange={(v) => update(key, v)} />
        ))}
        <label className={styles.field} htmlFor="ticket-filter-q">
          <span>编号或标题</span>
          <input id="ticket-filter-q" type="search" value={filters.q} onChange={(e) => update('q', e.target.value)} placeholder="例如 网关" />
        </label>
        <button type="button" className="button button--secondary button--sm" disabled={!filtered} onClick={() => {
          setFilters(NO_FILTERS);
          history.replace({ pathname: location.pathname, search: '', hash: '' });
        }}>
          清除筛选
        </button>
        <p className={styles.count} aria-live="polite" data-testid="register-count">
          显示 {visible.size} / {data.rows.length} 条
        </p>
      </form>
      <div className={`table-scroll ${styles.scroll}`} role="region" tabIndex={0} aria-label="表格：服务请求台账">
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col">编号</th>
              <th scope="col">标题</th>
              <th scope="col">系统</th>
              <th scope="col">级别</th>
              <th scope="col">类别</th>
              <th scope="col">渠道</th>
              <th scope="col">状态</th>
              <th scope="col">报告时间</th>
              <th scope="col">响应</th>
              <th scope="col">到场</th>
              <th scope="col">解决</th>
              {data.sla && <th scope="col">响应时限</th>}
              {data.sla && <th scope="col">到场时限</th>}
            </tr>
          </thead>
          <tbody>
            {data.rows.map((r) => (
              <tr key={r.id} id={r.id} hidden={!visible.has(r.id)} data-ticket-row="" data-system={r.system} data-severity={r.severity} data-status={r.status} data-period={r.period ?? ''}>
                <th scope="row" className={styles.id}>
                  <a href={`#${r.id}`} title={`本行链接：${r.id}`}>{r.id}</a>
                </th>
                <td className={styles.title}>{r.title}</td>
                <td>{r.systemLabel}</td>
                <td>{r.severityLabel}</td>
                <td>{r.categoryLabel}</td>
                <td>{r.channelLabel}</td>
                <td>{r.status === 'open' ? <strong>{r.statusLabel}</strong> : r.statusLabel}</td>
                <td>{r.reported}</td>
                <td>{r.responded}</td>
                <td>{r.onsite}</td>
                <td>{r.resolved}</td>
                {data.sla && <td><Verdict code={r.response} labels={data.verdictLabels} /></td>}
                {data.sla && <td><Verdict code={r.onsiteVerdict} labels={data.verdictLabels} /></td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {visible.size === 0 && <p className={styles.empty}>没有符合筛选条件的服务请求。</p>}
    </div>
  );
}
