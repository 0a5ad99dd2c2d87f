import { describe, expect, it } from 'vitest';
import { plainSnippet } from '../../../src/renderer/src/screens/plainSnippet';

describe('search snippets', () => {
  it('show material as read, without Markdown marks, keeping the match markers', () => {
    const raw = '## 学习的方法\n\n- 每天\u0001学习\u0002 **一小时**\n> 引用 [原文](#src)';
    expect(plainSnippet(raw, 'material')).toBe('学习的方法 每天\u0001学习\u0002 一小时 引用 原文');
  });

  it('leave a note exactly as typed', () => {
    expect(plainSnippet('## 我的 *笔记*', 'note')).toBe('## 我的 *笔记*');
  });
});
