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
import { keywordRe, keywords } from '../text-facts.js';
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
    '包括 包含 张口 高烧 高流 高频 高值 高级 高于 低于 白细 白蛋 石蜡 金标 马达 毛细 戴用 戴上 苏打 谢意 黄金 陈列 罗马 范例 陆军 ' +
    '杜冷 郑州 宋代 唐代 汤药 乔装 龙胆 钱包 孔洞 莫过 雷达 贺词 顾问 邵氏 田地 黎族 史上 叶片 程控 魏晋 江河 夏令 韩国 ' +
    '林业 朱红 胡须 郭氏 孙子 徐徐 吴语 赵氏 杨树 刘海 张贴 李子 王牌 王者 周身 周边 周转 方便 方可 方能 任意 任一 文书 文献 ' +
    '常用 万古 易于 严禁 严密 康乐 付出 付清 钟表 钟头 余量 余数 余热 于此 于该 于是 余留 姜黄 丁字 卢比 蔡氏 潘多 袁氏 ' +
    '汪洋 金针 石英 武装 武器 欧元 孟加 秦岭 邱氏 侯氏 邹氏 熊猫 向上 向下 向右 向左 向前 向后 戴维 安全 安静 安装 胡言 胡乱 赖床 唐突 文明 金属 于昨 韩式'
  ).split(/\s+/).filter((w) => w.length === 2),
);

/**
 * Surname characters that are mostly ordinary words after a label without a
 * separator (患者于术中, 患者向护士, 患者高热, 病人常规…): there a name must
 * be written with 某 (患者高某某) to count.
 */
const WEAK_SURNAMES = new Set(Array.from('于向常万任易方程周高严康付马钱许何曾史段毛戴苏谢陈罗范陆杜包孔莫顾余钟文白石金夏龙田汤江黄安叶'));
/** Characters common in given names: after a weak surname they make a name (患者陈建华, 病人高志强). */
const GIVEN_CHARS = new Set(
  Array.from(
    '建国华明伟芳娜敏丽强磊军洋勇艳杰娟涛超秀霞平刚桂英玉兰萍红鹏辉飞斌波宇浩凯健俊帆帅旭宁博颖晨佳嘉欣怡婷雪琳晶慧鑫亮志海春燕云莉梅芬兵峰东新凤庆荣晓小立永德宏振毅瑞梓涵轩昊雨思诗梦家金林文龙翠淑珍桂秋菊丹倩蕾薇璐琪瑶晖鸿彬琦',
  ),
);

const LABEL =
  '(?<![\\u4e00-\\u9fff]{0,6}(?:联系人|工程师|负责人|医生|医师|护士|操作员|用户|经办人|签字人|审核人|申请人|报告人|记录人|验收人|确认人|讲师|员工|客户|家属|人员|单位|科室|厂商|项目|账户|账号))' +
  '(?:患者姓名|病人姓名|患儿姓名|患者|病人|病患|患儿|就诊人|姓名|(?<![A-Za-z])patient[ _-]?name(?![A-Za-z])|(?<![A-Za-z])patient(?![A-Za-z_-]))';
const SEP = '(?:[ \\t\\u3000]*(?:\\*\\*|__)?[ \\t\\u3000]*(?:[:：=|])[ \\t\\u3000]*(?:\\*\\*|__)?[ \\t\\u3000]*["\'“]?|[ \\t\\u3000]+)';
const NAME = `(?<name>(?:${COMPOUND_SURNAMES.join('|')})[\\u4e00-\\u9fff]{1,2}|[${SURNAMES}][\\u4e00-\\u9fff*＊×]{1,2})`;
const PATIENT_NAME_RE = new RegExp(`${LABEL}${SEP}${NAME}`, 'giu');
/** 患者王建国于…, 病人李某某术后…: a name straight after the label, no separator. */
const GLUED_RE = new RegExp(`(?:患者姓名|病人姓名|患儿姓名|患者|病人|病患|患儿)${NAME}`, 'gu');
/** 3床 王建国, ICU 12床 李某某, 5号床：张三, 床号 8 王某. */
const BED_RE = new RegExp(
  `(?:(?<![0-9])\\d{1,3}[ \\t\\u3000]{0,2}(?:号)?床(?:位)?|床号[ \\t\\u3000]{0,2}[:：]?[ \\t\\u3000]{0,2}\\d{1,3}(?![0-9]))[ \\t\\u3000]{0,3}(?:[:：,，、][ \\t\\u3000]{0,3})?(?:(?:患者|病人|患儿|姓名)[ \\t\\u3000]{0,2}[:：]?[ \\t\\u3000]{0,2})?${NAME}`,
  'gu',
);
/** The scanner's gate and the rule's quick test. */
const QUICK_WORDS = keywords(['患者', '病人', '病患', '患儿', '就诊人', '姓名', 'patient', '床']);
const QUICK_RE = keywordRe(QUICK_WORDS);

/** True when a candidate after a label is a name rather than a placeholder or ordinary word. */
export function looksLikeName(candidate: string): boolean {
  if (/[*＊×]/.test(candidate)) return false; // already masked (王**)
  if (STOP_WORDS.has(candidate.slice(0, 2))) return false;
  return true;
}

/** Like looksLikeName, stricter where no separator divides label and name. */
export function looksLikeGluedName(candidate: string): boolean {
  if (!looksLikeName(candidate)) return false;
  const compound = COMPOUND_SURNAMES.some((c) => candidate.startsWith(c));
  if (compound) return true;
  const given = candidate.slice(1);
  if (WEAK_SURNAMES.has(candidate[0]!) && !given.startsWith('某') && !GIVEN_CHARS.has(given[0] ?? '')) return false;
  return true;
}

export const patientNameRule: GuardRule = {
  id: 'patient-name',
  message: 'personal name after a patient label (患者/姓名)',
  fix: 'Remove the name or replace it with （脱敏）; records and manuals must never name a patient.',
  mayMatch: (facts) => facts.hasAny(QUICK_WORDS),
  scan(text, _path, ctx) {
    if (!QUICK_RE.test(text)) return [];
    const out: RuleMatch[] = [];
    for (const m of text.matchAll(PATIENT_NAME_RE)) {
      if (ctx?.limit !== undefined && out.length >= ctx.limit) { ctx.truncated?.add(this.id); break; }
      const name = m.groups!.name!;
      if (!looksLikeName(name)) continue;
      const start = m.index + m[0].length - name.length;
      const compound = COMPOUND_SURNAMES.some((s) => name.startsWith(s));
      out.push({ start, end: start + name.length, excerpt: maskName(name, compound ? 2 : 1) });
    }
    for (const re of [GLUED_RE, BED_RE]) {
      for (const m of text.matchAll(re)) {
        if (ctx?.limit !== undefined && out.length >= ctx.limit) { ctx.truncated?.add(this.id); break; }
        const name = m.groups!.name!;
        if (!looksLikeGluedName(name)) continue;
        const start = m.index + m[0].length - name.length;
        const compound = COMPOUND_SURNAMES.some((c) => name.startsWith(c));
        out.push({ start, end: start + name.length, excerpt: maskName(name, compound ? 2 : 1), message: re === BED_RE ? 'patient name after a bed number (床号+姓名)' : undefined });
      }
    }
    return out;
  },
};
