/**
 * Docusaurus configuration of the internal O&M knowledge-base site
 * (手术麻醉与重症监护信息系统 运维知识库).
 *
 * Three docs instances: the default one (`docs/general`: 首页说明、服务台账、
 * SLA、合规、移交) and one per system (`aims`, `icis`), each versioned on its
 * own with `opsbook site version <system> <version>`.
 * Record-driven pages under `docs/<instance>/generated/` are written by
 * `opsbook site generate` before every build (see scripts/site/README.md).
 */
import type { Config, LoadContext, PluginModule } from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';
import type { Options as DocsOptions } from '@docusaurus/plugin-content-docs';
import { execFileSync } from 'node:child_process';
import { darkCode, lightCode } from './src/prism-themes';
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import remarkTicketLinks from './scripts/site/markdown/remark-ticket-links';
import remarkFacts, { AS_OF_DATA } from './scripts/site/markdown/remark-facts';
import rehypeScrollTables from './scripts/site/markdown/rehype-scroll-tables';
import siteChecks from './src/plugins/site-checks';
import libraryImports from './src/plugins/library-imports';
import fastMinify from './src/plugins/fast-minify';
import { TICKET_REGISTER_ROUTE } from './scripts/site/register-types';

/**
 * The knowledge base this site is built from: Docusaurus's site folder, holding docs/,
 * `<system>_versioned_docs/`, records/ and opsbook.yaml. `opsbook site build` passes it in
 * OPSBOOK_KB_ROOT (this configuration ships in the opsbook package and serves any KB);
 * a plain `npx docusaurus start` in a KB folder uses the current folder.
 */
const KB_ROOT = path.resolve(process.env.OPSBOOK_KB_ROOT ?? process.cwd());
/** The theme (src/, sidebars, static/) comes from the package beside this file, never from the KB. */
const THEME = __dirname;

function readYaml<T>(rel: string): T | null {
  const file = path.join(KB_ROOT, rel);
  return fs.existsSync(file) ? (parseYaml(fs.readFileSync(file, 'utf8')) as T | null) : null;
}

type SystemId = 'aims' | 'icis';
const SYSTEM_IDS: SystemId[] = ['aims', 'icis'];
interface SystemInService {
  name: string;
  version: string;
  database?: { engine: string; version: string; name?: string };
}
interface Hotline {
  phone: string;
  label?: string;
  note?: string;
}
interface ContractFacts {
  customer?: string;
  systems?: Partial<Record<SystemId, SystemInService>>;
  hotline?: Hotline;
}
/** The contract (records/contract.yaml): systems in service (name, version, database), the 7×24 hotline. */
const contract = readYaml<ContractFacts>('records/contract.yaml') ?? {};
/** The systems this KB documents: in the contract and with a docs/<system> folder. */
const systemIds = SYSTEM_IDS.filter((id) => contract.systems?.[id] && fs.existsSync(path.join(KB_ROOT, 'docs', id)));
const fallback: Record<SystemId, SystemInService> = { aims: { name: '手术麻醉临床信息系统', version: '在用版本' }, icis: { name: '重症监护信息系统', version: '在用版本' } };
/** Systems in service, from records/contract.yaml (name and version label the "current" docs). */
const systems = Object.fromEntries(systemIds.map((id) => [id, contract.systems?.[id] ?? fallback[id]])) as Partial<Record<SystemId, SystemInService>>;
const SHORT: Record<SystemId, string> = { aims: '手术麻醉系统', icis: '重症监护系统' };

/**
 * The KB's own settings for the site (opsbook.yaml `site`, checked by `opsbook validate`):
 * where it is served (`url` + `base_url`, e.g. https://wiki.hospital.internal + /opsbook/),
 * its title, logo, and the display name shown as the pages' last editor.
 */
interface SiteSettings {
  title?: string;
  url?: string;
  base_url?: string;
  logo?: string;
  updated_by?: string;
}
const site: SiteSettings = readYaml<{ site?: SiteSettings }>('opsbook.yaml')?.site ?? {};
const siteTitle = site.title ?? (contract.customer ? `${contract.customer}运维知识库` : '手术麻醉与重症监护信息系统 运维知识库');

/** Static files: the theme's, then the KB's own static/ (if any), then the folder of a logo kept elsewhere in the KB. */
const staticDirectories = [...new Set([path.join(THEME, 'static'), path.join(KB_ROOT, 'static')].filter((d) => fs.existsSync(d)))];
let logoSrc = 'img/logo.svg';
if (site.logo) {
  const abs = path.resolve(KB_ROOT, site.logo);
  const underStatic = staticDirectories.find((d) => abs.startsWith(`${d}${path.sep}`));
  if (underStatic) logoSrc = path.relative(underStatic, abs).split(path.sep).join('/');
  else {
    staticDirectories.push(path.dirname(abs));
    logoSrc = path.basename(abs);
  }
}

/** Whether the KB has Git history: "last updated" dates need at least one commit (a fresh `opsbook init` has none). */
function hasCommits(): boolean {
  try {
    execFileSync('git', ['-C', KB_ROOT, 'rev-parse', '--verify', '-q', 'HEAD'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Installed as a package, the theme and the library modules it imports sit under node_modules/, which
 * Docusaurus does not transpile: this plugin runs the site's own JS loader over the package's TypeScript/JSX there.
 */
const transpileTheme: PluginModule = () => ({
  name: 'opsbook-theme-transpile',
  configureWebpack: (_config, isServer, utils) => ({
    module: { rules: [{ test: /\.[jt]sx?$/i, include: [path.join(THEME, 'src'), path.join(THEME, 'scripts')], use: [utils.getJSLoader({ isServer })] }] },
  }),
});

/** Ticket ids (= file names under records/tickets/), linked to their row of the register wherever they appear. */
function ticketIds(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    if (!fs.existsSync(dir)) return;
    for (const ent of fs.readdirSync(dir, { withFileTypes: true })) {
      if (ent.isDirectory()) walk(path.join(dir, ent.name));
      else if (/\.ya?ml$/.test(ent.name)) out.push(ent.name.replace(/\.ya?ml$/, ''));
    }
  };
  walk(path.join(KB_ROOT, 'records', 'tickets'));
  return out.sort();
}

/**
 * Markdown plugins of every docs instance: ticket ids → register anchors, the contract's facts (`:hotline`) and the
 * generated pages' as-of (`:as-of`, read from the one generated data file), wide tables keyboard-scrollable.
 */
const remarkPlugins = [
  [remarkTicketLinks, { ids: ticketIds(), register: TICKET_REGISTER_ROUTE }],
  [remarkFacts, { hotline: contract.hotline ?? null, asOfData: path.join(KB_ROOT, ...AS_OF_DATA.split('/')) }],
];
const rehypePlugins = [rehypeScrollTables];

/** Domain words for the Chinese tokenizer of the offline search. */
const zhUserDict = [
  '运维', '运维手册', '标准操作维护手册', '用户手册', '数据字典', '巡检', '巡检报告', '数据库巡检',
  '麻醉记录单', '麻醉医生', '麻醉护士', '术前访视', '术后随访', '手术排班', '手术室', '复苏室',
  '重症评分', '护理记录单', '出入量', '医嘱', '体征采集', '设备网关', '监护仪', '呼吸机',
  '停机', '启动', '备份', '恢复', '日志', '接口', '集成平台', '服务请求', '故障单', '响应时限',
  '常见问题', '新功能使用说明', '软件更新内容说明', '合规矩阵', '移交清单', '信息科',
].join('\n');

/** Options shared by the two per-system, versioned docs instances. */
function systemDocs(id: SystemId): DocsOptions & { id: string } {
  return {
    id,
    path: path.join(KB_ROOT, 'docs', id),
    routeBasePath: id,
    sidebarPath: path.join(THEME, `sidebars-${id}.ts`),
    showLastUpdateTime: true,
    showLastUpdateAuthor: false,
    remarkPlugins,
    rehypePlugins,
    lastVersion: 'current',
    versions: {
      current: { label: `${systems[id]!.version}（在用）`, badge: true, banner: 'none' },
    },
  } as DocsOptions & { id: string };
}

const config = {
  title: siteTitle,
  tagline: '标准操作维护手册、用户手册、数据字典、服务台账与合规证据',
  favicon: 'img/favicon.svg',
  url: site.url ?? 'https://opsbook.hospital.internal',
  baseUrl: site.base_url ?? '/',
  staticDirectories,
  // Every page is written as folder/index.html and linked as folder/, so any static
  // server at its defaults (IIS, nginx, Apache, python -m http.server) serves every URL.
  trailingSlash: true,
  onBrokenLinks: 'throw',
  onBrokenAnchors: 'throw',
  onDuplicateRoutes: 'throw',
  customFields: { systems, hotline: contract.hotline ?? null, updatedBy: site.updated_by ?? null, ticketRegister: TICKET_REGISTER_ROUTE },
  i18n: { defaultLocale: 'zh-Hans', locales: ['zh-Hans'] },
  future: { v4: true, faster: true, ...(hasCommits() ? {} : { experimental_vcs: false }) },
  markdown: {
    mermaid: true,
    format: 'detect',
    hooks: { onBrokenMarkdownLinks: 'throw', onBrokenMarkdownImages: 'throw' },
  },
  themes: [
    '@docusaurus/theme-mermaid',
    [
      '@easyops-cn/docusaurus-search-local',
      {
        hashed: true,
        language: ['zh', 'en'],
        indexDocs: true,
        indexPages: true,
        indexBlog: false,
        docsRouteBasePath: ['general', ...systemIds],
        ...(systemIds[0] ? { docsPluginIdForPreferredVersion: systemIds[0] } : {}),
        highlightSearchTermsOnTargetPage: true,
        searchResultLimits: 10,
        explicitSearchResultPath: true,
        zhUserDict,
      },
    ],
  ],
  presets: [
    [
      'classic',
      {
        docs: {
          path: path.join(KB_ROOT, 'docs', 'general'),
          routeBasePath: 'general',
          sidebarPath: path.join(THEME, 'sidebars.ts'),
          showLastUpdateTime: true,
          showLastUpdateAuthor: false,
          remarkPlugins,
          rehypePlugins,
        },
        blog: false,
        pages: { path: path.join(THEME, 'src', 'pages') },
        theme: { customCss: path.join(THEME, 'src', 'css', 'custom.css') },
      } satisfies Preset.Options,
    ],
  ],
  plugins: [
    ...systemIds.map((id) => ['@docusaurus/plugin-content-docs', systemDocs(id)] as [string, DocsOptions]),
    ...(THEME.split(path.sep).includes('node_modules') ? [transpileTheme] : []),
    (context: LoadContext) => libraryImports(context, { libraryDir: path.join(THEME, 'scripts') }),
    fastMinify,
    siteChecks,
  ],
  themeConfig: {
    colorMode: { respectPrefersColorScheme: true },
    mermaid: {
      theme: { light: 'neutral', dark: 'dark' },
      // Natural size: a diagram never shrinks its labels below their font size (≥ 14 px) to fit the column;
      // a wider one scrolls (src/theme/Mermaid).
      options: {
        fontSize: 15,
        flowchart: { useMaxWidth: false },
        sequence: { useMaxWidth: false, messageFontSize: 15, actorFontSize: 15, noteFontSize: 14, actorMargin: 40 },
        gantt: { useMaxWidth: false, useWidth: 700, fontSize: 13, sectionFontSize: 13, barHeight: 24 },
        state: { useMaxWidth: false },
        class: { useMaxWidth: false },
        er: { useMaxWidth: false },
      },
    },
    navbar: {
      title: '运维知识库',
      // alt '': the title beside the logo names the link (axe image-redundant-alt)
      logo: { alt: '', src: logoSrc },
      items: [
        ...systemIds.flatMap((id) => [
          { type: 'docSidebar', docsPluginId: id, sidebarId: id, label: SHORT[id], position: 'left' } as const,
          { type: 'docsVersionDropdown', docsPluginId: id, position: 'left', dropdownActiveClassDisabled: true } as const,
        ]),
        { type: 'docSidebar', sidebarId: 'general', label: '服务与合规', position: 'left' },
      ],
    },
    footer: {
      style: 'dark',
      links: [
        {
          title: '系统文档',
          items: systemIds.map((id) => ({ label: systems[id]!.name, to: `/${id}` })),
        },
        {
          title: '服务与合规',
          items: [
            { label: '运维服务说明', to: '/general' },
            { label: '常见问题', to: '/general/faq' },
          ],
        },
      ],
      copyright: '仅供院内使用 · 内容含保密信息，未经授权不得外传 · 由 opsbook 自记录生成',
    },
    prism: { theme: lightCode, darkTheme: darkCode, additionalLanguages: ['powershell', 'sql', 'bash', 'ini'] },
    tableOfContents: { minHeadingLevel: 2, maxHeadingLevel: 3 },
    // A reader can fold the sidebar away to give a wide table (ticket register) the whole width.
    docs: { sidebar: { hideable: true } },
  } satisfies Preset.ThemeConfig,
} satisfies Config;

export default config;
