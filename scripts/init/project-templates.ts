/**
 * The repository files around the records and manuals that `opsbook init`
 * writes: package.json (pinning opsbook), README (Chinese, for the hospital's
 * repository), .gitignore, editor schema associations into the installed
 * package, markdownlint with opsbook's rules, and CI for GitHub and GitLab.
 */
import { KINDS, RECORD_KINDS } from '../records/registry.js';
import type { KbPlan } from './answers.js';

/** What init knows about the opsbook it runs from. */
export interface ToolInfo {
  version: string;
  /** The dependency spec to pin in the KB's package.json (e.g. `0.1.0`, `file:vendor/opsbook-0.1.0.tgz`). */
  spec: string;
  /** browserslist of the site (Docusaurus reads it from the site's package.json). */
  browserslist: unknown;
  /** Node version range the tool supports. */
  engines: string;
}

/** package.json of the KB: merged into an existing one (its dependencies kept), else new. */
export function kbPackageJson(p: KbPlan, tool: ToolInfo, existing: Record<string, unknown> | null, dirName: string): string {
  const base: Record<string, unknown> = existing ? { ...existing } : {};
  const name = typeof base.name === 'string' ? base.name : (dirName.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[-._]+|[-._]+$/g, '') || 'opsbook-kb');
  const deps = { ...(base.dependencies as Record<string, string> | undefined) };
  if (!deps.opsbook) deps.opsbook = tool.spec;
  const out: Record<string, unknown> = {
    name,
    private: true,
    description: `${p.hospital} ${p.systems.map((s) => s.name).join('、')}运维知识库`,
    ...base,
    scripts: {
      validate: 'opsbook validate',
      build: 'opsbook build',
      'lint:docs': 'markdownlint-cli2',
      check: 'opsbook validate && markdownlint-cli2 && opsbook compliance',
      ...(base.scripts as Record<string, string> | undefined),
    },
    dependencies: deps,
    engines: (base.engines as unknown) ?? { node: tool.engines },
    browserslist: (base.browserslist as unknown) ?? tool.browserslist,
  };
  // Dependencies' install scripts are not needed (native parts come as prebuilt optional packages); say so, so npm does not ask.
  if (!('allowScripts' in out)) out.allowScripts = { '@swc/core': false, 'core-js': false };
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** .gitignore lines a KB needs (merged with an existing file). */
export const GITIGNORE_LINES = ['node_modules/', 'build/', '.docusaurus/', '.cache-loader/', '/docs/*/generated/', '*.log'];

export function gitignore(existing: string | null): string {
  const have = new Set((existing ?? '').split(/\r?\n/).map((l) => l.trim()));
  const add = GITIGNORE_LINES.filter((l) => !have.has(l));
  if (existing !== null && add.length === 0) return existing;
  const head = existing === null ? '# opsbook: 依赖、构建输出与自动生成的页面不提交\n' : `${existing.replace(/\n*$/, '\n')}\n# opsbook\n`;
  return `${head}${add.join('\n')}\n`;
}

/** .vscode/settings.json: every records/ folder associated with its schema inside the installed package. */
export function vscodeSettings(): string {
  const schemas: Record<string, string[]> = {};
  for (const kind of RECORD_KINDS) {
    const info = KINDS[kind];
    const ref = `./node_modules/opsbook/schemas/${info.schema}`;
    const glob = kind === 'contract' ? 'records/contract.yaml' : info.nested ? `records/${info.folder}/**/*.yaml` : `records/${info.folder}/*.yaml`;
    (schemas[ref] ??= []).push(glob);
  }
  schemas['./node_modules/opsbook/schemas/opsbook.schema.json'] = ['opsbook.yaml'];
  return `${JSON.stringify({
    'yaml.schemas': schemas,
    'yaml.validate': true,
    'yaml.completion': true,
    'files.associations': { '*.sops.yaml': 'plaintext' },
    '[yaml]': { 'editor.insertSpaces': true, 'editor.tabSize': 2 },
  }, null, 2)}\n`;
}

export const VSCODE_EXTENSIONS = `${JSON.stringify({ recommendations: ['redhat.vscode-yaml', 'DavidAnson.vscode-markdownlint'] }, null, 2)}\n`;

/** .markdownlint-cli2.jsonc: the manuals' lint configuration with opsbook's contract rules from the package. */
export const MARKDOWNLINT = `// markdownlint 配置（npm run lint:docs）：手册与历史版本文档。自动生成的页面不检查。
// OPS001：标准操作维护手册须有停机、启动、备份、恢复四节；OPS002：中文之间用全角标点。
{
  "config": {
    "default": true,
    "MD013": false,
    "MD025": { "front_matter_title": "" },
    "MD024": { "siblings_only": true },
    "MD051": false,
    "MD060": false,
    "MD033": false,
    "MD036": false
  },
  "globs": ["docs/**/*.md", "*_versioned_docs/**/*.md"],
  "ignores": ["docs/*/generated/**", "node_modules/**", "build/**"],
  "customRules": [
    "opsbook/dist/site/lint-rules/om-manual-sections.mjs",
    "opsbook/dist/site/lint-rules/cjk-punctuation.mjs"
  ]
}
`;

/** .github/workflows/opsbook.yml */
export function githubWorkflow(p: KbPlan): string {
  const main = p.mainBranch;
  return `# opsbook 知识库的 CI：合并请求只校验记录与手册（轻量安装，不含站点与报告渲染），
# 主分支构建全部报告与站点并保存为制品；工作日每天早上再构建一次，到期的报告随之生成。
name: opsbook

on:
  pull_request:
    branches: [${main}]
  push:
    branches: [${main}]
  schedule:
    - cron: '0 1 * * 1-5'   # 北京时间 09:00
  workflow_dispatch:

permissions:
  contents: read
  pull-requests: write

jobs:
  check:
    if: github.event_name == 'pull_request'
    runs-on: ubuntu-24.04
    timeout-minutes: 20
    env:
      TZ: Asia/Shanghai
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0   # opsbook audit / pr-summary 需要完整历史
      - uses: actions/setup-node@v4
        with:
          node-version: 20
          cache: npm
      - name: Install (records tools only)
        run: npm ci --omit=optional --no-audit --no-fund
      - name: Validate the changed records
        run: npx opsbook validate --changed "origin/\${{ github.base_ref }}"
      - name: Validate everything, lint the manuals
        run: |
          npx opsbook validate
          npm run lint:docs
      - name: PR summary
        if: always()
        run: npx opsbook pr-summary "origin/\${{ github.base_ref }}" --out build/pr-summary.md
      - name: Comment on the PR
        if: always() && hashFiles('build/pr-summary.md') != '' && github.event.pull_request.head.repo.full_name == github.repository
        uses: actions/github-script@v7
        with:
          script: |
            const fs = require('fs');
            const body = fs.readFileSync('build/pr-summary.md', 'utf8');
            const marker = '<!-- opsbook-pr-summary -->';
            const { owner, repo } = context.repo;
            const issue_number = context.issue.number;
            const comments = await github.paginate(github.rest.issues.listComments, { owner, repo, issue_number, per_page: 100 });
            const mine = comments.find((c) => c.user?.type === 'Bot' && c.body?.startsWith(marker));
            if (mine) await github.rest.issues.updateComment({ owner, repo, comment_id: mine.id, body });
            else await github.rest.issues.createComment({ owner, repo, issue_number, body });

  build:
    if: github.event_name != 'pull_request'
    runs-on: ubuntu-24.04
    timeout-minutes: 45
    env:
      TZ: Asia/Shanghai
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0
      - uses: actions/setup-node@v4
        with:
          node-version: 20
          cache: npm
      - name: Install
        run: npm ci --no-audit --no-fund
      - name: System packages (Chromium and CJK fonts for PDF)
        run: sudo bash node_modules/opsbook/scripts/setup-system.sh
      - name: Build (validate, scan, SLA, compliance, reports, site)
        run: npx opsbook build
      - uses: actions/upload-artifact@v4
        with:
          name: site
          path: build/site
      - uses: actions/upload-artifact@v4
        with:
          name: reports
          path: build/reports
          retention-days: 90
`;
}

/** .gitlab-ci.yml */
export function gitlabCi(p: KbPlan): string {
  return `# opsbook 知识库的 CI：合并请求只校验记录与手册，主分支与定时流水线构建报告与站点。
# 定时构建：CI/CD → Schedules，例如 "0 1 * * 1-5"（北京时间工作日 09:00）。
default:
  image: node:20-bookworm
  cache:
    key:
      files: [package-lock.json]
    paths: [.npm/]

variables:
  GIT_DEPTH: "0"   # opsbook audit / pr-summary 需要完整历史
  TZ: Asia/Shanghai

stages: [check, build]

mr-check:
  stage: check
  rules:
    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
  script:
    - npm ci --omit=optional --cache .npm --prefer-offline --no-audit --no-fund
    - git fetch origin "$CI_MERGE_REQUEST_TARGET_BRANCH_NAME"
    - npx opsbook validate --changed "origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME"
    - npx opsbook validate
    - npm run lint:docs
    - npx opsbook pr-summary "origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME" --out build/pr-summary.md
  artifacts:
    when: always
    paths: [build/pr-summary.md]
    expire_in: 2 weeks

build:
  stage: build
  rules:
    - if: $CI_COMMIT_BRANCH == "${p.mainBranch}"
    - if: $CI_PIPELINE_SOURCE == "schedule"
  script:
    - npm ci --cache .npm --prefer-offline --no-audit --no-fund
    - bash node_modules/opsbook/scripts/setup-system.sh
    - npx opsbook build
  artifacts:
    when: always
    paths: [build/site/, build/reports/]
    expire_in: 90 days
`;
}
