import type { Language } from '../../shared/contract/app';
import type { RejectReason } from '../../shared/contract/venue';

/** Words of the venue report files (CSV headers, sheet names, reasons), in the UI's language. */
export interface VenueLabels {
  person: string[];
  session: (n: number) => string[];
  tail: string[];
  sheets: { participants: string; summary: string; rejected: string; missing: string; units: string };
  summary: string[];
  overallRow: string;
  participantsRow: string;
  rejected: string[];
  missing: string[];
  reasons: Record<RejectReason, string>;
  studyHours: string;
  units: string[];
  unitsTotal: string;
  printed: string;
  code: string;
}

const zh: VenueLabels = {
  person: ['姓名', '工作单位', '分会场', '学习包版本', '导出时间'],
  session: (n) => [`专题${n} 是否通过`, `专题${n} 最高分(%)`, `专题${n} 完成时间`],
  tail: ['已完成专题数', '专题总数', '全部完成时间', '安装标识', '档案编号', '文件'],
  sheets: {
    participants: '学员',
    summary: '汇总',
    rejected: '未通过校验的文件',
    missing: '未提交',
    units: '各单位汇总',
  },
  summary: ['专题序号', '专题', '通过人数', '完成人数'],
  overallRow: '全部专题完成人数',
  participantsRow: '提交人数',
  rejected: ['文件', '原因', '详情'],
  missing: ['姓名', '工作单位'],
  reasons: {
    'bad-json': '不是有效的 JSON 文件',
    schema: '不是学习记录文件或格式不对',
    signature: '签名无效：记录在导出后被修改',
    identity: '安装标识与公钥不符',
    'unknown-pack': '本机未安装该学习包',
    'other-pack': '属于另一个学习包',
    'too-large': '文件过大',
    'old-format': '旧版记录格式，不含可核对的学习过程，请学员更新软件后重新导出',
    evidence: '学习过程与记录不符，或不可能发生',
  },
  studyHours: '学习时长(小时)',
  units: ['工作单位', '名册人数', '提交人数', '全部完成人数', '学习时长合计(小时)'],
  unitsTotal: '合计',
  printed: '打印时间',
  code: '校验码',
};

const en: VenueLabels = {
  person: ['Name', 'Work unit', 'Venue', 'Pack version', 'Exported at'],
  session: (n) => [`S${n} passed`, `S${n} best score (%)`, `S${n} completed at`],
  tail: ['Sessions completed', 'Sessions total', 'All completed at', 'Installation id', 'Profile id', 'File'],
  sheets: {
    participants: 'Participants',
    summary: 'Summary',
    rejected: 'Rejected files',
    missing: 'Not submitted',
    units: 'By unit',
  },
  summary: ['Session no.', 'Session', 'Passed', 'Completed'],
  overallRow: 'Completed all sessions',
  participantsRow: 'Participants',
  rejected: ['File', 'Reason', 'Detail'],
  missing: ['Name', 'Work unit'],
  reasons: {
    'bad-json': 'not a valid JSON file',
    schema: 'not a study record, or its shape is wrong',
    signature: 'signature invalid: the record was changed after export',
    identity: 'installation id does not match its public key',
    'unknown-pack': 'this pack is not installed here',
    'other-pack': 'belongs to another pack',
    'too-large': 'file too large',
    'old-format': 'old record format without the evidence to check; the participant should update and export again',
    evidence: 'the study evidence is impossible or disagrees with the record',
  },
  studyHours: 'Study time (h)',
  units: ['Work unit', 'Enrolled', 'Submitted', 'Completed all', 'Study time (h)'],
  unitsTotal: 'Total',
  printed: 'Printed',
  code: 'Verification code',
};

export const venueLabels = (language: Language): VenueLabels => (language === 'en' ? en : zh);
