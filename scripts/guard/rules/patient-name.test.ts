import { describe, expect, it } from 'vitest';
import { scanText } from '../scan-text.js';

const scan = (text: string) => scanText('docs/faq.md', text, { secretlint: false });

describe('patient-name', () => {
  it.each([
    ['患者：王某某', 1, 4, '王**'],
    ['姓名: 张三', 1, 5, '张*'],
    ['| 姓名 | 李四 |', 1, 8, '李*'],
    ['**患者姓名**：张三，男', 1, 10, '张*'],
    ['patient_name: 李四', 1, 15, '李*'],
    ['说明\n  病人 = 欧阳某某', 2, 8, '欧阳**'],
    ['患者张三于术后转入', 1, 3, '张**'],
    ['3床 王建国 血压数据丢失', 1, 4, '王**'],
    ['ICU 12床李某某', 1, 8, '李**'],
  ])('finds the name in %j', async (text, line, column, excerpt) => {
    const f = await scan(text);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'patient-name', line, column, excerpt });
  });

  it.each([
    '患者安全是第一位的',
    '患者信息从 HIS 同步',
    '打开患者列表',
    '姓名：（脱敏）',
    '患者姓名：***',
    '姓名：XXX',
    '姓名：某某',
    '姓名：王**',
    '患者：康复出院后随访',
    '| 姓名 | 文本 | 必填 |',
    '联系人姓名：张三',
    '工程师姓名：李四',
  ])('ignores %j', async (text) => {
    expect(await scan(text)).toEqual([]);
  });
});
