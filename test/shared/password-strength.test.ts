import { describe, expect, it } from 'vitest';
import { describeError } from '../../src/shared/i18n/describe';
import { createI18n } from '../../src/shared/i18n/setup';
import { checkNewPassword, judgePassword, passwordRefusal } from '../../src/shared/password-strength';
import { failure, unwrap } from '../helpers/result';

const reasonOf = async (password: string) => (await judgePassword(password)).weakness;

describe('password strength', () => {
  it('refuses what people pick, saying why', async () => {
    expect(await reasonOf('12345678')).toBe('common');
    expect(await reasonOf('password1')).toBe('common');
    expect(await reasonOf('woaini1314')).toBe('common');
    // A keyboard walk, but one so often picked that it is on the lists of common passwords.
    expect(await reasonOf('1qaz2wsx')).toBe('common');
    expect(await reasonOf('qwertyuiop')).toBe('common');
    expect(await reasonOf('zhangwei1990')).toBe('name');
    expect(await reasonOf('jiwei2026')).toBe('near_common');
    expect(await reasonOf('P@ssw0rd2026')).toBe('near_common');
    expect(await reasonOf('abcdefghij')).toBe('sequence');
    expect(await reasonOf('zxcfghjkl;')).toBe('keyboard');
  });

  it('judges a phrase of Chinese characters by what it repeats and how long it is', async () => {
    // 密码密码密码 is short too, but a repeat first: two more characters would not help.
    expect(await reasonOf('密码密码密码')).toBe('repeat');
    expect(await reasonOf('密码密码')).toBe('repeat');
    expect(await judgePassword('我们的台账二〇二六年要加密保存')).toMatchObject({ weakness: null, score: 4 });
  });

  it('refuses a password too short even when it looks random, and accepts a passphrase', async () => {
    expect(await reasonOf('Zq7#vK2')).toBe('too_short');
    expect(await judgePassword('纸质台账 limestone harbour 7')).toMatchObject({ weakness: null, suggestions: [] });
    expect(passwordRefusal(await judgePassword('纸质台账 limestone harbour 7'))).toBeNull();
  });

  it('refuses as an error value with a sentence in each language, never English in the Chinese one', async () => {
    const refusal = failure(await checkNewPassword('12345678'));
    expect(refusal).toMatchObject({ code: 'ledger.password_weak', params: { reason: 'common', suggestions: 'anotherWord' } });
    expect(describeError(createI18n('zh-CN').t, refusal)).toBe('这个密码太常见，容易被猜中。请用三四个不相关的词或一句话，可以夹杂数字和符号。');
    expect(describeError(createI18n('en').t, refusal)).toBe(
      'This password is too common and easily guessed. Use three or four unrelated words or a sentence; digits and symbols may be mixed in.',
    );
    const repeat = describeError(createI18n('zh-CN').t, failure(await checkNewPassword('密码密码密码')));
    expect(repeat).toBe('重复的字或字符（如 aaa、密码密码）容易被猜中。请用三四个不相关的词或一句话，可以夹杂数字和符号。不要重复同一个词或字符。');
    unwrap(await checkNewPassword('我们的台账二〇二六年要加密保存'));
  });
});
