import type { Language } from '../../shared/contract/app';
import type { SessionStatus } from '../../shared/contract/study';

/**
 * Words of the exported record files (CSV headers, status words). They live in the core, not
 * in the renderer's i18n files, because the core writes the files; the UI passes its language.
 */
export interface Labels {
  yes: string;
  no: string;
  status: Record<SessionStatus, string>;
  record: string[];
}

const zh: Labels = {
  yes: '是',
  no: '否',
  status: { 'not-started': '未开始', 'in-progress': '学习中', complete: '已完成' },
  record: [
    '姓名',
    '工作单位',
    '分会场',
    '学习包',
    '学习包版本',
    '专题序号',
    '专题',
    '状态',
    '阅读进度(%)',
    '阅读时长(秒)',
    '已复习要点',
    '要点总数',
    '测验次数',
    '最高分(%)',
    '是否通过',
    '完成时间',
    '导出时间',
  ],
};

const en: Labels = {
  yes: 'yes',
  no: 'no',
  status: { 'not-started': 'Not started', 'in-progress': 'In progress', complete: 'Complete' },
  record: [
    'Name',
    'Work unit',
    'Venue',
    'Pack',
    'Pack version',
    'Session no.',
    'Session',
    'Status',
    'Read (%)',
    'Reading time (s)',
    'Key points reviewed',
    'Key points total',
    'Quiz attempts',
    'Best score (%)',
    'Passed',
    'Completed at',
    'Exported at',
  ],
};

export const labels = (language: Language): Labels => (language === 'en' ? en : zh);
