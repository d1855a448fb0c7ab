import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startE2E, completeSetup, type E2E } from './app';
import { validId, validCode } from '../helpers/members';

/** The registry through the real UI: create an organisation and a household, find both by pinyin initials, import a CSV. */
describe('member registry in the browser', () => {
  let e: E2E;
  const idNumber = validId('19850612', 321);
  const code = validCode('93', 'MA5UCP001');

  beforeAll(async () => {
    e = await startE2E();
    await completeSetup(e.page, { demo: true });
  });
  afterAll(async () => e?.close());

  const choose = async (label: RegExp, option: string) => {
    await e.page.getByRole('combobox', { name: label }).click();
    await e.page.getByRole('option', { name: option, exact: true }).click();
  };

  it('registers an organisation and a household through their forms', async () => {
    const p = e.page;
    await p.getByRole('link', { name: '经营主体', exact: true }).click();
    await p.getByRole('button', { name: '登记主体' }).click();
    await p.getByLabel(/^名称/).fill('云阳县江口镇翠屏猕猴桃专业合作社');
    await p.getByLabel('统一社会信用代码').fill(code.toLowerCase());
    await choose(/^乡镇（街道）/, '江口镇');
    await choose(/^村（社区）/, '梨树村');
    await p.getByLabel('联系电话').fill('13987650000');
    await p.getByRole('button', { name: '保存' }).click();
    await p.getByRole('heading', { name: '云阳县江口镇翠屏猕猴桃专业合作社' }).waitFor();
    await p.getByText(code).waitFor();

    await p.getByRole('link', { name: '农户', exact: true }).click();
    await p.getByRole('button', { name: '登记农户' }).click();
    await p.getByLabel(/^姓名/).fill('欧阳晓燕');
    // A wrong check digit is refused on the field, and nothing is saved.
    const wrong = idNumber.slice(0, 17) + (idNumber[17] === '1' ? '2' : '1');
    await p.getByLabel('身份证号').fill(wrong);
    await choose(/^乡镇（街道）/, '江口镇');
    await p.getByRole('button', { name: '保存' }).click();
    await p.getByText('身份证号校验位不符，请逐位核对').first().waitFor();
    await p.getByLabel('身份证号').fill(idNumber);
    await p.getByLabel('联系电话').fill('13512348888');
    await choose(/^村（社区）/, '新桥村');
    await p.getByLabel('耕地面积（亩）').fill('6.5');
    await p.getByRole('button', { name: '保存' }).click();
    await p.getByRole('heading', { name: '欧阳晓燕' }).waitFor();
    await p.getByText(idNumber).waitFor();
    await p.getByText('6.5 亩').waitFor();
  });

  it('finds both by pinyin initials in the Ctrl+K search and in the cooperative member picker', async () => {
    const p = e.page;
    await p.keyboard.press('Control+k');
    const box = p.getByTestId('global-search-input');
    await box.fill('oyxy');
    await p.getByRole('button', { name: /欧阳晓燕/ }).waitFor();
    await box.press('Enter');
    await p.getByRole('heading', { name: '欧阳晓燕' }).waitFor();
    expect(p.url()).toMatch(/#\/members\/households\/\d+$/);

    await p.keyboard.press('Control+k');
    await box.fill('cpmht');
    await p.getByRole('button', { name: /云阳县江口镇翠屏猕猴桃专业合作社/ }).click();
    await p.getByRole('heading', { name: '云阳县江口镇翠屏猕猴桃专业合作社' }).waitFor();

    // Add the household to the cooperative: type initials, Enter picks the first match.
    await p.getByRole('button', { name: '添加成员' }).click();
    const picker = p.getByTestId('member-picker');
    await picker.fill('oyxy');
    await p.getByRole('option', { name: /欧阳晓燕/ }).waitFor();
    await picker.press('Enter');
    expect(await p.getByTestId('picked-member').textContent()).toBe('欧阳晓燕');
    await p.getByLabel('其他出资（元）').fill('1000.50');
    await p.getByRole('button', { name: '保存' }).click();
    const roll = p.getByTestId('coop-members');
    await roll.getByRole('link', { name: '欧阳晓燕', exact: true }).waitFor();
    await roll.getByText('1,000.50').first().waitFor();
  });

  it('imports a small CSV through the import page, refusing a file with a bad row', async () => {
    const p = e.page;
    await p.getByRole('link', { name: '导入', exact: true }).click();
    const head = '姓名,身份证号,联系电话,乡镇（街道）,村（社区）,家庭人口,耕地面积（亩）';
    const good = [`诸葛明亮,${validId('19720303', 555)},13600001111,南溪镇,钟鼓村,3,2.5`, `司马青青,,023-55126666,南溪镇,,2,`];
    const file = (rows: string[]) => ({ name: '农户.csv', mimeType: 'text/csv', buffer: Buffer.from([head, ...rows].join('\r\n'), 'utf8') });
    await p.locator('input[type=file]').setInputFiles(file([...good, '无乡镇户,,,月球镇,,1,']));
    expect(await p.getByTestId('import-errors').textContent()).toContain('1 行有错误');
    await p.getByText('乡镇“月球镇”不在乡镇列表中').waitFor();
    expect(await p.getByRole('button', { name: /导入全部/ }).isDisabled()).toBe(true);

    await p.locator('input[type=file]').setInputFiles(file(good));
    await p.getByText('全部行检查通过，可以导入。').waitFor();
    await p.getByRole('button', { name: '导入全部 2 行' }).click();
    await p.getByRole('heading', { name: '农户' }).waitFor();
    await p.getByTestId('household-search').fill('zgml');
    await p.getByRole('cell', { name: '诸葛明亮' }).waitFor();
    await p.getByTestId('household-search').fill('smqq');
    await p.getByRole('cell', { name: '司马青青' }).waitFor();
  });
});
