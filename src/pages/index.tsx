/**
 * Home page of the O&M knowledge base: one card per system and one per
 * cross-cutting area (dashboard, compliance, data dictionary).
 */
import type { ReactNode } from 'react';
import Link from '@docusaurus/Link';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import styles from './index.module.css';

interface Card {
  title: string;
  to: string;
  text: string;
  links?: { label: string; to: string }[];
}

type Systems = Partial<Record<'aims' | 'icis', { name: string; version: string }>>;
type Hotline = { phone: string; label?: string; note?: string } | null;

/** The contract's 7×24 hotline (records/contract.yaml `hotline`), or a plain statement that none is registered. */
function HotlineBox({ hotline }: { hotline: Hotline }): ReactNode {
  return (
    <div className={styles.hotline} role="note" aria-label="服务热线">
      <span className={styles.hotlineLabel}>{hotline?.label ?? '7×24 服务热线'}</span>
      {hotline ? (
        <>
          <a className={styles.hotlineNumber} href={`tel:${hotline.phone.replace(/[^\d+]/g, '')}`}>
            {hotline.phone}
          </a>
          {hotline.note && <span className={styles.hotlineNote}>{hotline.note}</span>}
        </>
      ) : (
        <span>合同记录未登记服务热线号码</span>
      )}
      <span className={styles.hotlineNote}>1 级、A 级问题只能电话提交</span>
    </div>
  );
}

/** One card per system the knowledge base documents (the configuration lists only those). */
const systemCards = (s: Systems): Card[] => ([
  s.aims && {
    title: s.aims.name,
    to: '/aims',
    text: `术前访视、麻醉记录单、复苏室与术后随访。在用版本 ${s.aims.version}。`,
    links: [
      { label: '标准操作维护手册', to: '/aims/om-manual' },
      { label: '用户手册', to: '/aims/user-manual' },
      { label: '常见问题', to: '/aims/faq' },
      { label: '接口文档', to: '/aims/interfaces' },
    ],
  },
  s.icis && {
    title: s.icis.name,
    to: '/icis',
    text: `床旁体征采集、护理记录单、出入量与重症评分。在用版本 ${s.icis.version}。`,
    links: [
      { label: '标准操作维护手册', to: '/icis/om-manual' },
      { label: '用户手册', to: '/icis/user-manual' },
      { label: '常见问题', to: '/icis/faq' },
      { label: '接口文档', to: '/icis/interfaces' },
    ],
  },
] as (Card | undefined)[]).filter((c): c is Card => !!c);

const areas = (s: Systems): Card[] => [
  { title: 'SLA 看板', to: '/general/generated/sla-dashboard', text: '本服务期与上一服务期的响应达标率、到场与解决时间。' },
  { title: '合规矩阵', to: '/general/generated/compliance', text: '合同条款逐条的执行状态与证据记录。' },
  ...(s.aims || s.icis ? [{
    title: '数据字典',
    to: `/${s.aims ? 'aims' : 'icis'}/generated/data-dictionary`,
    text: '数据表、字段、类型与代码集，可全文搜索。',
    links: [
      ...(s.aims ? [{ label: '手术麻醉', to: '/aims/generated/data-dictionary' }] : []),
      ...(s.icis ? [{ label: '重症监护', to: '/icis/generated/data-dictionary' }] : []),
    ],
  }] : []),
  { title: '巡检与服务台账', to: '/general/generated/inspections', text: '巡检记录、服务请求台账、移交清单与巡检日历。' },
];

function CardView({ card }: { card: Card }): ReactNode {
  return (
    <div className={`card ${styles.card}`}>
      <div className="card__header">
        <Heading as="h3">
          <Link to={card.to}>{card.title}</Link>
        </Heading>
      </div>
      <div className="card__body">
        <p>{card.text}</p>
        {card.links && (
          <ul className={styles.links}>
            {card.links.map((l) => (
              <li key={l.to}>
                <Link to={l.to}>{l.label}</Link>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

export default function Home(): ReactNode {
  const { siteConfig } = useDocusaurusContext();
  const inService = siteConfig.customFields?.['systems'] as Systems;
  const systems = systemCards(inService);
  const hotline = (siteConfig.customFields?.['hotline'] ?? null) as Hotline;
  return (
    <Layout title="首页" description={siteConfig.title}>
      <header className={styles.hero}>
        <div className="container">
          <Heading as="h1">{siteConfig.title}</Heading>
          <p>供应商移交的最新文档、服务记录与合同执行情况。内容含保密信息，仅供院内使用。</p>
          <HotlineBox hotline={hotline} />
        </div>
      </header>
      <main className="container margin-vert--lg">
        <Heading as="h2">系统文档</Heading>
        <div className={styles.grid}>
          {systems.map((c) => <CardView key={c.to} card={c} />)}
        </div>
        <Heading as="h2" className="margin-top--lg">服务与合规</Heading>
        <div className={styles.grid}>
          {areas(inService).map((c) => <CardView key={c.to} card={c} />)}
        </div>
      </main>
    </Layout>
  );
}
