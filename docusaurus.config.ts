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
import type { Config } from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';
import type { Options as DocsOptions } from '@docusaurus/plugin-content-docs';
import { themes as prismThemes } from 'prism-react-renderer';
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';

/** Systems in service, from records/contract.yaml (name and version label the "current" docs). */
function systemsInService(): Record<'aims' | 'icis', { name: string; version: string }> {
  const fallback = { aims: { name: '手术麻醉临床信息系统', version: '在用版本' }, icis: { name: '重症监护信息系统', version: '在用版本' } };
  const file = path.join(__dirname, 'records', 'contract.yaml');
  if (!fs.existsSync(file)) return fallback;
  const contract = parseYaml(fs.readFileSync(file, 'utf8')) as { systems?: Partial<typeof fallback> } | null;
  return { aims: contract?.systems?.aims ?? fallback.aims, icis: contract?.systems?.icis ?? fallback.icis };
}
const systems = systemsInService();

/** Domain words for the Chinese tokenizer of the offline search. */
const zhUserDict = [
  '运维', '运维手册', '标准操作维护手册', '用户手册', '数据字典', '巡检', '巡检报告', '数据库巡检',
  '麻醉记录单', '麻醉医生', '麻醉护士', '术前访视', '术后随访', '手术排班', '手术室', '复苏室',
  '重症评分', '护理记录单', '出入量', '医嘱', '体征采集', '设备网关', '监护仪', '呼吸机',
  '停机', '启动', '备份', '恢复', '日志', '接口', '集成平台', '服务请求', '故障单', '响应时限',
  '常见问题', '新功能使用说明', '软件更新内容说明', '合规矩阵', '移交清单', '信息科',
].join('\n');

/** Options shared by the two per-system, versioned docs instances. */
function systemDocs(id: 'aims' | 'icis'): DocsOptions & { id: string } {
  return {
    id,
    path: `docs/${id}`,
    routeBasePath: id,
    sidebarPath: `./sidebars-${id}.ts`,
    showLastUpdateTime: true,
    showLastUpdateAuthor: true,
    lastVersion: 'current',
    versions: {
      current: { label: `${systems[id].version}（在用）`, badge: true, banner: 'none' },
    },
  } as DocsOptions & { id: string };
}

const config = {
  title: '手术麻醉与重症监护信息系统 运维知识库',
  tagline: '标准操作维护手册、用户手册、数据字典、服务台账与合规证据',
  favicon: 'img/favicon.svg',
  url: 'https://opsbook.hospital.internal',
  baseUrl: '/',
  trailingSlash: false,
  onBrokenLinks: 'throw',
  onBrokenAnchors: 'throw',
  onDuplicateRoutes: 'throw',
  customFields: { systems },
  i18n: { defaultLocale: 'zh-Hans', locales: ['zh-Hans'] },
  future: { v4: true, faster: true },
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
        docsRouteBasePath: ['general', 'aims', 'icis'],
        docsPluginIdForPreferredVersion: 'aims',
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
          path: 'docs/general',
          routeBasePath: 'general',
          sidebarPath: './sidebars.ts',
          showLastUpdateTime: true,
          showLastUpdateAuthor: true,
        },
        blog: false,
        theme: { customCss: './src/css/custom.css' },
      } satisfies Preset.Options,
    ],
  ],
  plugins: [
    ['@docusaurus/plugin-content-docs', systemDocs('aims')],
    ['@docusaurus/plugin-content-docs', systemDocs('icis')],
  ],
  themeConfig: {
    colorMode: { respectPrefersColorScheme: true },
    mermaid: { theme: { light: 'neutral', dark: 'dark' } },
    navbar: {
      title: '运维知识库',
      logo: { alt: '运维知识库', src: 'img/logo.svg' },
      items: [
        { type: 'docSidebar', docsPluginId: 'aims', sidebarId: 'aims', label: '手术麻醉系统', position: 'left' },
        { type: 'docsVersionDropdown', docsPluginId: 'aims', position: 'left', dropdownActiveClassDisabled: true },
        { type: 'docSidebar', docsPluginId: 'icis', sidebarId: 'icis', label: '重症监护系统', position: 'left' },
        { type: 'docsVersionDropdown', docsPluginId: 'icis', position: 'left', dropdownActiveClassDisabled: true },
        { type: 'docSidebar', sidebarId: 'general', label: '服务与合规', position: 'left' },
      ],
    },
    footer: {
      style: 'dark',
      links: [
        {
          title: '系统文档',
          items: [
            { label: '手术麻醉临床信息系统', to: '/aims' },
            { label: '重症监护信息系统', to: '/icis' },
          ],
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
    prism: { theme: prismThemes.github, darkTheme: prismThemes.dracula, additionalLanguages: ['powershell', 'sql', 'bash', 'ini'] },
    tableOfContents: { minHeadingLevel: 2, maxHeadingLevel: 3 },
  } satisfies Preset.ThemeConfig,
} satisfies Config;

export default config;
