/**
 * Rule `patient-name`: a personal name written after a patient label —
 * 患者/病人/病患/患儿/就诊人/姓名/患者姓名 (or `patient`, `patient_name`)
 * followed by `:`, `：`, `=`, a table cell bar `|` or a space — e.g.
 * `患者：王某某`, `姓名: 张三`, `| 姓名 | 李四 |`.
 *
 * A value counts as a name when it starts with a common Chinese surname and
 * is not an ordinary word (`患者安全`, `患者信息`, `患者列表` have no
 * separator; `姓名：文本` is a stop word) or a placeholder (`（脱敏）`, `***`,
 * `XXX`, `王**`). `姓名` after a staff role (联系人姓名, 工程师姓名, …) is not a
 * patient label.
 */
import type { GuardRule, RuleMatch } from '../types.js';
import { maskName } from '../mask.js';

/** Single-character surnames: the ~100 most common in the PRC. */
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩邓冯曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付傅方邹熊白孟秦邱侯江尹薛闫阎段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严欧莫孔向常汤康易乔赖文萧葛';
const COMPOUND_SURNAMES = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '令狐'];

/** Ordinary words that start with a surname character and may follow a label. */
const STOP_WORDS = new Set(
  (
    '高危 高龄 高血 高热 方案 方式 方法 方面 任务 任意 任何 程序 程度 石膏 金额 白天 白班 江苏 段落 万一 ' +
    '向导 常规 常见 常用 康复 易感 文本 文档 文件 文字 于是 于今 于昨 于当 于术 于次 于入 于本 于门 余额 付费 严重 夏季 ' +
    '马上 何时 周期 周围 周末 苏醒 许可 谢谢 曾经 陈述 陈旧 黄疸 黄色 董事 杜绝 陆续 范围 罗列 郑重 谢绝 宋体 ' +
    '汤剂 乔迁 龙头 史料 武汉 钱款 欧美 莫名 孔径 毛发 雷同 贺卡 顾客 邵阳 田间 黎明 张开 张力 吕梁 丁香 卢布 ' +
    '金属 石头 白色 方向 江西 高度 高效 高压 常态 康健 易用 文化 文明 马虎 任职 程式 余下 付款 严格 夏天 叶酸 ' +
    '包括 包含'
  ).split(/\s+/).filter((w) => w.length === 2),
);

const LABEL =
  '(?<![\\u4e00-\\u9fff]*(?:联系人|工程师|负责人|医生|医师|护士|操作员|用户|经办人|签字人|审核人|申请人|报告人|记录人|验收人|确认人|讲师|员工|客户|家属|人员|单位|科室|厂商|项目|账户|账号))' +
  '(?:患者姓名|病人姓名|患儿姓名|患者|病人|病患|患儿|就诊人|姓名|(?<![A-Za-z])patient[ _-]?name(?![A-Za-z])|(?<![A-Za-z])patient(?![A-Za-z_-]))';
const SEP = '(?:[ \\t\\u3000]*(?:\\*\\*|__)?[ \\t\\u3000]*(?:[:：=|])[ \\t\\u3000]*(?:\\*\\*|__)?[ \\t\\u3000]*["\'“]?|[ \\t\\u3000]+)';
const NAME = `(?<name>(?:${COMPOUND_SURNAMES.join('|')})[\\u4e00-\\u9fff]{1,2}|[${SURNAMES}][\\u4e00-\\u9fff*＊×]{1,2})`;
const PATIENT_NAME_RE = new RegExp(`${LABEL}${SEP}${NAME}`, 'giu');
const QUICK_RE = /患者|病人|病患|患儿|就诊人|姓名|patient/i;

/** True when a candidate after a label is a name rather than a placeholder or ordinary word. */
export function looksLikeName(candidate: string): boolean {
  if (/[*＊×]/.test(candidate)) return false; // already masked (王**)
  if (STOP_WORDS.has(candidate.slice(0, 2))) return false;
  return true;
}

export const patientNameRule: GuardRule = {
  id: 'patient-name',
  message: 'personal name after a patient label (患者/姓名)',
  fix: 'Remove the name or replace it with （脱敏）; records and manuals must never name a patient.',
  scan(text) {
    if (!QUICK_RE.test(text)) return [];
    const out: RuleMatch[] = [];
    for (const m of text.matchAll(PATIENT_NAME_RE)) {
      const name = m.groups!.name!;
      if (!looksLikeName(name)) continue;
      const start = m.index + m[0].length - name.length;
      const compound = COMPOUND_SURNAMES.some((s) => name.startsWith(s));
      out.push({ start, end: start + name.length, excerpt: maskName(name, compound ? 2 : 1) });
    }
    return out;
  },
};
