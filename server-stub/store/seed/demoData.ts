// Fixed ingredients of the demo centre; the seeded PRNG combines them into people and customers.

/** Every demo account signs in with this password (documented in the README). */
export const demoPassword = 'seat-demo';

export const demoSkills = [
  'english',
  'mandarin',
  'billing',
  'technical',
  'sales',
  'vip',
  'broadband',
  'mobile',
] as const;
export type DemoSkill = (typeof demoSkills)[number];

/** Queues with the skills (and minimum proficiency) the router will require. */
export const demoQueues: ReadonlyArray<{
  key: string;
  name: string;
  serviceLevelSeconds: number;
  skills: ReadonlyArray<readonly [DemoSkill, number]>;
  channels: readonly string[];
  priority: number;
}> = [
  {
    key: 'general',
    name: 'General',
    serviceLevelSeconds: 20,
    skills: [['english', 3]],
    channels: ['voice', 'im', 'email', 'sms', 'social', 'fax'],
    priority: 0,
  },
  {
    key: 'billing',
    name: 'Billing',
    serviceLevelSeconds: 30,
    skills: [['billing', 4]],
    channels: ['voice', 'im', 'email'],
    priority: 0,
  },
  {
    key: 'technical',
    name: 'Technical Support',
    serviceLevelSeconds: 60,
    skills: [
      ['technical', 5],
      ['broadband', 3],
    ],
    channels: ['voice', 'im', 'email'],
    priority: 0,
  },
  {
    key: 'sales',
    name: 'Sales',
    serviceLevelSeconds: 20,
    skills: [['sales', 4]],
    channels: ['voice', 'im', 'social'],
    priority: 1,
  },
  {
    key: 'vip',
    name: 'VIP',
    serviceLevelSeconds: 10,
    skills: [['vip', 7]],
    channels: ['voice', 'im', 'email', 'sms'],
    priority: 5,
  },
  {
    key: 'mandarin',
    name: 'Mandarin',
    serviceLevelSeconds: 30,
    skills: [['mandarin', 5]],
    channels: ['voice', 'im', 'sms'],
    priority: 0,
  },
];

/** Reasons an agent can give for not being ready. `missed` is set by the router on an unanswered offer. */
export const demoReasonCodes: ReadonlyArray<readonly [code: string, label: string]> = [
  ['break', 'Break'],
  ['lunch', 'Lunch'],
  ['training', 'Training'],
  ['meeting', 'Meeting'],
  ['coaching', 'Coaching'],
  ['missed', 'Missed offer'],
];

export const demoTeams = ['Team Pearl', 'Team Jade'] as const;

/** Surnames and given names with their pinyin, so e-mail addresses read naturally. */
export const chineseSurnames: ReadonlyArray<readonly [string, string]> = [
  ['王', 'wang'],
  ['李', 'li'],
  ['张', 'zhang'],
  ['刘', 'liu'],
  ['陈', 'chen'],
  ['杨', 'yang'],
  ['黄', 'huang'],
  ['赵', 'zhao'],
  ['吴', 'wu'],
  ['周', 'zhou'],
  ['徐', 'xu'],
  ['孙', 'sun'],
  ['马', 'ma'],
  ['朱', 'zhu'],
  ['胡', 'hu'],
  ['郭', 'guo'],
  ['何', 'he'],
  ['林', 'lin'],
  ['高', 'gao'],
  ['罗', 'luo'],
];
export const chineseGivenNames: ReadonlyArray<readonly [string, string]> = [
  ['伟', 'wei'],
  ['芳', 'fang'],
  ['娜', 'na'],
  ['敏', 'min'],
  ['静', 'jing'],
  ['丽', 'li'],
  ['强', 'qiang'],
  ['磊', 'lei'],
  ['军', 'jun'],
  ['洋', 'yang'],
  ['勇', 'yong'],
  ['艳', 'yan'],
  ['杰', 'jie'],
  ['娟', 'juan'],
  ['涛', 'tao'],
  ['明', 'ming'],
  ['超', 'chao'],
  ['秀英', 'xiuying'],
  ['霞', 'xia'],
  ['平', 'ping'],
  ['建华', 'jianhua'],
  ['晓燕', 'xiaoyan'],
  ['志强', 'zhiqiang'],
  ['海燕', 'haiyan'],
];
export const englishGivenNames = [
  'Oliver',
  'Amelia',
  'George',
  'Isla',
  'Harry',
  'Ava',
  'Jack',
  'Mia',
  'Charlie',
  'Grace',
  'Thomas',
  'Sophie',
  'James',
  'Emily',
  'William',
  'Lily',
  'Daniel',
  'Chloe',
  'Samuel',
  'Ella',
  'Henry',
  'Ruby',
  'Alexander',
  'Freya',
] as const;
export const englishSurnames = [
  'Smith',
  'Jones',
  'Taylor',
  'Brown',
  'Williams',
  'Wilson',
  'Johnson',
  'Davies',
  'Patel',
  'Robinson',
  'Wright',
  'Thompson',
  'Evans',
  'Walker',
  'White',
  'Roberts',
  'Green',
  'Hall',
  'Wood',
  'Jackson',
  'Clarke',
  'Hughes',
] as const;

export const customerNotes = [
  'Prefers e-mail over phone.',
  'Called about a double charge last month; refunded.',
  'Interested in the fibre upgrade.',
  'Hard of hearing: speak slowly.',
  '请使用普通话沟通。',
  'Asked not to be called before 10:00.',
  'Long-standing customer since 2009.',
] as const;
