import { TaskLevel } from '../task/task-status';
import { scoredSuggestion, suggestionEvidence, suggestionReason, suggestionScore } from './suggestion-score';
import { suggestionPairSql, suggestionsSql } from './suggestion-sql';

describe('scoring a suggestion', () => {
  it('weighs wording 0.75 and a cited number 0.25, to three decimals', () => {
    expect(suggestionScore(1, true)).toBe(1);
    expect(suggestionScore(1, false)).toBe(0.75);
    expect(suggestionScore(0.8275862, true)).toBe(0.871);
  });

  it('says why, and records it as the evidence of an accepted link', () => {
    const reason = suggestionReason(['07-TB/CQTTBCĐ'], 0.823);
    expect(reason).toBe('cited 07-TB/CQTTBCĐ, similarity 0.82');
    expect(suggestionReason([], 0.5)).toBe('similarity 0.50');
    expect(suggestionEvidence(reason)).toBe('suggested: cited 07-TB/CQTTBCĐ, similarity 0.82');
  });

  it('auto-accepts at 0.85: a cited number and a similarity of 0.8, never wording alone', () => {
    const row = { task_id: 't', target_id: 'c', target_level: TaskLevel.CENTRAL as const };
    expect(scoredSuggestion({ ...row, similarity: 0.8, cited_number: '71/NQ-CP' })).toEqual({
      taskId: 't',
      level: TaskLevel.CENTRAL,
      targetId: 'c',
      score: 0.85,
      similarity: 0.8,
      citedNumbers: ['71/NQ-CP'],
      reason: 'cited 71/NQ-CP, similarity 0.80',
      autoAccept: true,
    });
    expect(scoredSuggestion({ ...row, similarity: 1, cited_number: null }).autoAccept).toBe(false);
  });
});

describe('the suggestion SQL', () => {
  it.each([TaskLevel.PROVINCIAL, TaskLevel.COMMUNE] as const)(
    'holds no value, only parameters (%s)',
    (level) => {
      for (const sql of [suggestionsSql(level), suggestionPairSql(level)]) {
        expect(sql).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
        expect(sql.match(/\$\d+/g)?.every((p) => Number(p.slice(1)) <= 8)).toBe(true);
      }
    },
  );

  it('reads only the level’s own tables and the events read model', () => {
    const sql = suggestionsSql(TaskLevel.COMMUNE);
    const ctes = new Set([...sql.matchAll(/(\w+) AS MATERIALIZED|(\w+) AS \(/g)].map((m) => m[1] ?? m[2]));
    const read = [...sql.matchAll(/(?:FROM|JOIN)\s+([\w.]+)/g)]
      .map((m) => m[1])
      .filter((t) => !ctes.has(t) && t !== 'LATERAL');
    expect([...new Set(read)].sort()).toEqual([
      'commune',
      'commune_plan',
      'commune_task',
      'events.central_task_routing',
      'events.task_search',
      'link_suggestion_dismissal',
      'task_cite',
      'task_link',
    ]);
  });
});
