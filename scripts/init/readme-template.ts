/** README.md of a knowledge base created by `opsbook init` (Chinese: it is the hospital's repository). */
import type { KbPlan } from './answers.js';

export function kbReadme(p: KbPlan): string {
  const systems = p.systems.map((s) => `${s.name}（\`${s.id}\`，在用版本 ${s.version}${s.database ? `，${s.database.engine} ${s.database.version}` : ''}）`).join('、');
  const first = p.systems[0]!;
  return `# ${p.site.title}

${p.hospital}与${p.vendor}运维服务合同（${p.contractId}）的知识库：${systems}。

这个 Git 仓库就是知识库。服务请求、巡检、变更、发布、培训、数据字典等以 YAML 记录的形式保存在 \`records/\`，
手册以 Markdown 保存在 \`docs/\`；opsbook 工具（\`node_modules/opsbook\`）校验全部记录，计算 SLA 时钟，
逐条判定合同条款，生成合同要求的报告（DOCX/PDF），并构建院方浏览的内部站点。

## 初次使用

需要 Node.js 20.11 以上和 npm。在 Debian/Ubuntu 上，生成 PDF 报告还需要 Chromium 和中文字体（一次性安装，需要 root 或 sudo）：

\`\`\`bash
npm install                                         # 安装 opsbook 及其依赖（版本由 package-lock.json 固定）
sudo bash node_modules/opsbook/scripts/setup-system.sh   # Chromium、Noto CJK 字体、age
npx opsbook build                                   # 校验 → 隐私扫描 → SLA 与合规 → 报告 → 站点
npx opsbook site serve                              # 在本机浏览 build/site
\`\`\`

报告在 \`build/reports/\`，SLA 与合规结果在 \`build/*.json\`，站点在 \`build/site/\`。只需要校验记录时（例如合并请求检查），
\`npm ci --omit=optional\` 只安装记录工具，不安装站点和报告渲染部分，安装快得多。

## 目录

| 路径 | 内容 |
| --- | --- |
| \`records/contract.yaml\` | 合同主记录：院方、供应商、系统、服务期、服务级别策略 |
| \`records/people/\` | 人员（不记录个人手机号码） |
| \`records/tickets/<年>/\` | 服务请求/故障单，用 \`npx opsbook new ticket\` 新建 |
| \`records/inspections/<年>/\` | 现场巡检与数据库巡检 |
| \`records/handover/\` | 加密的凭据移交清单（SOPS + age） |
| \`docs/<系统>/\` | 标准操作维护手册、用户手册、常见问题、接口文档 |
| \`docs/general/\` | 运维服务说明与服务流程常见问题 |
| \`opsbook.yaml\` | 站点名称、地址与审计设置 |

## 日常工作

1. 建分支：\`git switch -c ticket/<编号>\`。
2. 接到电话即建单（在终端里会逐项询问；脚本中用 \`--set\` 传值）：

   \`\`\`bash
   npx opsbook new ticket --set system=${first.id} --set title=<问题简述> --set severity=B \\
     --set category=fault --set channel=phone
   npx opsbook ticket respond <编号>            # 响应时间，默认现在
   npx opsbook ticket resolve <编号> --outcome resolved
   \`\`\`

3. 提交前检查：\`npx opsbook validate --changed ${p.mainBranch}\`、\`npm run lint:docs\`。
4. 开合并请求；CI 校验记录与手册，并把变更摘要（新增的违约、到期的报告）写成评论。

时间一律带 \`+08:00\` 时区；严重级别 \`"1"\` 要加引号。请当天提交：事件发生 7 天后才首次提交的记录会被审计标为“补录”。

## 常用命令

| 命令 | 作用 |
| --- | --- |
| \`npx opsbook validate\` | 校验全部记录（模式、交叉引用、隐私扫描） |
| \`npx opsbook sla\` | 各工单的响应、到场、解决时钟与统计 |
| \`npx opsbook compliance\` | 合同条款逐条判定 |
| \`npx opsbook report annual --format docx\` | 年度运维总结报告 |
| \`npx opsbook secrets encrypt --in-place records/handover/<系统>.sops.yaml\` | 加密移交清单（公钥见 \`.sops.yaml\`） |
| \`npx opsbook site version ${first.id} <版本>\` | 系统升级前，把当前手册存为历史版本 |
| \`npx opsbook build\` | 全部构建 |

每个命令都有 \`--help\`。

## 移交清单加密

数据库账号、管理员密码和服务器 IP 只能保存在加密的 \`records/handover/<系统>.sops.yaml\` 中（标准 SOPS 格式，\`sops\` 命令也能解密）。
${p.ageRecipients.length ? '接收人公钥已写在 `.sops.yaml`。' : '`.sops.yaml` 中还没有接收人公钥：按文件中的说明生成密钥并填写公钥之后，才能加密移交清单。'}
私钥只保存在本人电脑（\`~/.config/sops/age/keys.txt\` 或环境变量 \`SOPS_AGE_KEY_FILE\`），绝不提交到仓库。
明文凭据出现在仓库任何位置，CI 都会失败。

## 升级 opsbook

\`npm install opsbook@<新版本>\`（或新的安装包文件），运行 \`npx opsbook validate\` 与 \`npx opsbook build\`，确认无误后提交 \`package.json\` 和 \`package-lock.json\`。
`;
}
