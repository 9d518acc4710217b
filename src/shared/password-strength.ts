import type { Score, TranslationKeys, ZxcvbnFactory } from '@zxcvbn-ts/core';
import { type DubanError, dubanError } from './errors';
import { err, ok, type Result } from './result';

/**
 * Whether a new password may protect a ledger, judged by zxcvbn (an estimate of how many guesses a
 * cracker ordering its guesses by what people pick would need) with its common and English
 * dictionaries and ours of what Chinese offices pick. The core refuses what this refuses; the
 * screens and the command line say why in the user's language.
 */

export const MIN_PASSWORD_CHARS = 8;

/**
 * zxcvbn's 3 means at least 10^8 guesses. The key derivation makes each guess cost about half a
 * second (it is calibrated so), which puts 10^8 guesses at some 1.6 machine-years; but it only
 * multiplies: a password among a cracker's first million guesses (12345678, woaini1314) falls in
 * under a week on one machine, whatever the KDF. NIST SP 800-63B (5.1.1.2) and OWASP ASVS (V2.1.7)
 * ask for the same: refuse what is common, expected or guessable.
 */
const ACCEPTED_SCORE = 3;

/** Why a password is refused (translated under common:password.weakness). */
export const WEAKNESSES = ['too_short', 'common', 'near_common', 'keyboard', 'repeat', 'sequence', 'date', 'name', 'word', 'guessable'] as const;
export type Weakness = (typeof WEAKNESSES)[number];

type Warning = keyof TranslationKeys['warnings'];

/** zxcvbn's warning about the part of the password that gives it away, as one of our reasons. */
const WEAKNESS_OF_WARNING: Readonly<Record<string, Weakness>> = {
  topTen: 'common',
  topHundred: 'common',
  common: 'common',
  similarToCommon: 'near_common',
  pwned: 'common',
  straightRow: 'keyboard',
  keyPattern: 'keyboard',
  simpleRepeat: 'repeat',
  extendedRepeat: 'repeat',
  sequences: 'sequence',
  recentYears: 'date',
  dates: 'date',
  namesByThemselves: 'name',
  commonNames: 'name',
  wordByItself: 'word',
  userInputs: 'guessable',
} satisfies Record<Warning, Weakness>;

export interface PasswordVerdict {
  /** zxcvbn's score, for the meter: 0 (within a thousand guesses) to 4 (beyond ten billion). */
  readonly score: Score;
  /** Why it is refused; null when it is accepted. */
  readonly weakness: Weakness | null;
  /** zxcvbn's suggestion keys (translated under common:password.suggestions); none when accepted. */
  readonly suggestions: readonly string[];
}

const years = (from: number, to: number): string[] => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));

/**
 * What Chinese users pick, most common first (zxcvbn ranks a word by its place): the top of the
 * leaked Chinese password lists, keyboard walks, pinyin words and phrases, words of this office's
 * work (in pinyin and in characters), and the years a ledger is kept in.
 */
const CHINESE_PASSWORDS = [
  ...[
    '123456',
    '123456789',
    '111111',
    '12345678',
    '000000',
    '11111111',
    '123123',
    '5201314',
    '123321',
    '1314520',
    '666666',
    'a123456',
    '112233',
    '88888888',
    '888888',
  ],
  ...[
    '147258369',
    '654321',
    '987654321',
    '1234567890',
    '123456a',
    'woaini',
    'woaini1314',
    '1qaz2wsx',
    'a123456789',
    'qq123456',
    'abc123456',
    '123456abc',
    'a1b2c3d4',
    'aa123456',
  ],
  ...[
    'qwe123',
    '1q2w3e4r',
    '5211314',
    '520520',
    '521521',
    '7758521',
    '7758258',
    '147258',
    '159357',
    '159753',
    'qazwsx',
    'qweasdzxc',
    '1qazxsw2',
    'zaq12wsx',
    'zxcvbnm',
  ],
  ...[
    'q1w2e3r4',
    'qwer1234',
    '1234qwer',
    'abcd1234',
    '12qwaszx',
    'asd123',
    'asdasd',
    '110110',
    'woaini520',
    'woaini521',
    'wohenni',
    'aini1314',
    '1314521',
    '521314',
    '584520',
  ],
  ...[
    '3344520',
    '246810',
    '135792468',
    '123qwe',
    'qwe123456',
    '100200',
    '168168',
    '518518',
    '666888',
    '888999',
    '99999999',
    '12344321',
    '11223344',
    '147852369',
    '741852963',
  ],
  ...[
    '963852741',
    '789456123',
    '12341234',
    '123654',
    '1qaz@wsx',
    '!qaz2wsx',
    'qaz123',
    'a12345678',
    'woshishui',
    'nihao123',
    'nihaoma',
    'mima',
    'mima123',
    'mimamima',
    'zhimakaimen',
  ],
  ...[
    'tiantian',
    'xiaobao',
    'baobei',
    'baobei520',
    'laogong',
    'laopo',
    'qinaide',
    'aiqing',
    'xingfu',
    'kuaile',
    'pingan',
    'yongyuan',
    'yishengyishi',
    'meinv',
    'shuaige',
  ],
  ...[
    'zhongguo',
    'zhonghua',
    'woaizhongguo',
    'beijing',
    'shanghai',
    'huanying',
    'diannao',
    'dangyuan',
    'gongchandang',
    'renmin',
    'weirenminfuwu',
    'buwangchuxin',
    'laojishiming',
  ],
  ...[
    'lingdao',
    'bangongshi',
    'gongzuo',
    'danwei',
    'jiwei',
    'jijian',
    'jiancha',
    'jianwei',
    'jiweijianwei',
    'jijianjiancha',
    'zhongjiwei',
    'duban',
    'dubantaizhang',
    'taizhang',
  ],
  ...[
    'dangzu',
    'dangwei',
    'dangzhibu',
    'xunshi',
    'xuncha',
    'ducha',
    'zhenggai',
    'xiaohao',
    'wenze',
    'xinfang',
    'paizhu',
    'paizhuzu',
    'jiandu',
    'zhengzhijiandu',
    'lianzheng',
    'fanfu',
  ],
  ...['huanbao', 'shengtai', 'huanjing', 'shengtaihuanjing', 'huanbaoting', 'huanjingting', 'tingwuhui', 'admin888', 'root123', 'test123'],
  ...[
    '密码',
    '我爱你',
    '我爱你中国',
    '一生一世',
    '中国',
    '中华',
    '中华人民共和国',
    '你好',
    '纪委',
    '监委',
    '纪检',
    '纪检监察',
    '纪委监委',
    '督办',
    '督办台账',
    '台账',
    '督察',
  ],
  ...[
    '党组',
    '党委',
    '整改',
    '巡视',
    '巡察',
    '销号',
    '问责',
    '信访',
    '监督',
    '政治监督',
    '环保',
    '生态环境',
    '为人民服务',
    '不忘初心',
    '牢记使命',
    '一二三四五六',
  ],
  ...years(2020, 2030),
];

/** Names in pinyin, the most common first: full names, surnames, given names. */
const CHINESE_NAMES = [
  ...[
    'zhangwei',
    'wangwei',
    'wangfang',
    'liwei',
    'wangxiuying',
    'lixiuying',
    'lina',
    'zhangxiuying',
    'liuwei',
    'zhangmin',
    'lijing',
    'zhangli',
    'wangjing',
    'wangli',
    'zhangjing',
  ],
  ...[
    'lijun',
    'wangyong',
    'liqiang',
    'zhangyong',
    'wangqiang',
    'zhangjun',
    'wangjun',
    'liuyang',
    'wangyan',
    'liyan',
    'zhangyan',
    'zhangtao',
    'wangtao',
    'litao',
    'liuyan',
  ],
  ...[
    'chenjing',
    'liming',
    'wangming',
    'liyang',
    'wanglei',
    'zhanglei',
    'lilei',
    'hanmeimei',
    'chenwei',
    'yangwei',
    'zhaowei',
    'huangwei',
    'wangjianguo',
    'lijianguo',
    'zhangjianguo',
  ],
  ...[
    'wang',
    'li',
    'zhang',
    'liu',
    'chen',
    'yang',
    'huang',
    'zhao',
    'wu',
    'zhou',
    'xu',
    'sun',
    'ma',
    'zhu',
    'hu',
    'guo',
    'he',
    'gao',
    'lin',
    'luo',
    'zheng',
    'liang',
    'xie',
    'song',
  ],
  ...[
    'tang',
    'han',
    'feng',
    'deng',
    'cao',
    'peng',
    'zeng',
    'xiao',
    'tian',
    'dong',
    'pan',
    'yuan',
    'cai',
    'jiang',
    'yu',
    'du',
    'ye',
    'cheng',
    'wei',
    'su',
    'lv',
    'ding',
    'ren',
    'shen',
  ],
  ...[
    'yao',
    'lu',
    'cui',
    'zhong',
    'tan',
    'fan',
    'jin',
    'shi',
    'liao',
    'jia',
    'xia',
    'fu',
    'fang',
    'bai',
    'zou',
    'meng',
    'xiong',
    'qin',
    'qiu',
    'hou',
    'yin',
    'xue',
    'yan',
    'duan',
    'lei',
  ],
  ...['long', 'tao', 'gu', 'mao', 'hao', 'gong', 'shao', 'wan', 'qian', 'dai', 'ouyang', 'zhuge', 'situ', 'shangguan'],
  ...[
    'xiuying',
    'guiying',
    'xiulan',
    'yulan',
    'guilan',
    'jianguo',
    'jianjun',
    'jianhua',
    'jianping',
    'guoqiang',
    'zhiqiang',
    'haiyan',
    'xiaoming',
    'xiaohong',
    'xiaoli',
    'xiaoyan',
  ],
  ...[
    'na',
    'min',
    'jing',
    'qiang',
    'jun',
    'yong',
    'jie',
    'juan',
    'ming',
    'chao',
    'ping',
    'gang',
    'hua',
    'hui',
    'bin',
    'hong',
    'ying',
    'dan',
    'xin',
    'yi',
    'rui',
  ],
  ...['zihan', 'yuxuan', 'haoran', 'yichen', 'zixuan', 'xinyi'],
];

let estimator: Promise<ZxcvbnFactory> | null = null;

/**
 * zxcvbn with its dictionaries, built on first use: importing and ranking them takes about half a
 * second, which no other command or screen should pay. Screens may call this early to have it ready.
 */
export function loadPasswordEstimator(): Promise<ZxcvbnFactory> {
  estimator ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common'), import('@zxcvbn-ts/language-en')]).then(
    ([{ ZxcvbnFactory }, common, english]) =>
      // No translations: zxcvbn then gives its warnings and suggestions as keys, which we translate.
      new ZxcvbnFactory({
        dictionary: { ...common.dictionary, ...english.dictionary, 'passwords-zh': CHINESE_PASSWORDS, 'names-zh': CHINESE_NAMES },
        graphs: common.adjacencyGraphs,
        // Both bound the time of a check, which the screens run as the user types: unbounded, 32
        // characters full of l33t (p@ssw0rd…) took half a second and 256 took four; so at most 64,
        // with 8 substitutions tried: about a tenth of a second at worst, some tens of milliseconds
        // for an ordinary password. What lies past 64 is not counted: a long password is judged no
        // stronger than its start.
        l33tMaxSubstitutions: 8,
        maxLength: 64,
      }),
  );
  return estimator;
}

/**
 * What gives the password away comes first (密码密码密码 is a repeat before it is short: two more
 * characters would not help); one too short says so even when zxcvbn, which counts any character
 * it does not recognise as one of ten, is content.
 */
function weaknessOf(password: string, score: Score, warning: string | null): Weakness | null {
  const weak = score < ACCEPTED_SCORE;
  const given = weak && warning ? WEAKNESS_OF_WARNING[warning] : undefined;
  if (given) return given;
  if ([...password].length < MIN_PASSWORD_CHARS) return 'too_short';
  return weak ? 'guessable' : null;
}

/** The verdict on a new password, by the rule the core applies. */
export async function judgePassword(password: string): Promise<PasswordVerdict> {
  const { score, feedback } = (await loadPasswordEstimator()).check(password);
  return { score, weakness: weaknessOf(password, score, feedback.warning), suggestions: score < ACCEPTED_SCORE ? feedback.suggestions : [] };
}

/** The error that refuses a password of this verdict, or null when it is accepted. */
export function passwordRefusal(verdict: PasswordVerdict): DubanError | null {
  if (verdict.weakness === null) return null;
  return dubanError('ledger.password_weak', { reason: verdict.weakness, min: MIN_PASSWORD_CHARS, suggestions: verdict.suggestions.join(',') });
}

/** For the core, wherever a password is set: the refusal as an error value. */
export async function checkNewPassword(password: string): Promise<Result<void>> {
  const refusal = passwordRefusal(await judgePassword(password));
  return refusal ? err(refusal) : ok(undefined);
}
