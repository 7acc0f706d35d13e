import { Role, readSeedPlans, seedIds } from '@nq57/shared';
import { useTestHub } from './support/hub';
import { tokenFor } from './support/tokens';
import {
  PLAN_SUGGESTIONS,
  SUGGESTIONS,
  linkEvidence,
  statementsOf,
  suggestionMutation,
  unlink,
} from './support/suggestions';

const hub = useTestHub();

const task = seedIds.task;
const central = seedIds.centralTask;
const NO_SUCH_TASK = '00000000-0000-4000-8000-000000000000';

// Their seed links are deleted first: a task is never suggested what it already implements.
const CITING_ROW = task('003-1'); // 003 prints "Thông báo số 14-TB/TGV" on this row
const VERBATIM_ROW = task('002-3'); // the same words as 003 row 3, which implements 07-TB/CQTTBCĐ#3
const COMMUNE_ROW = task('004-9'); // near-verbatim of 003 row 80 (71/NQ-CP#5); 004 carries out 71/NQ-CP
const CITING_PLAN_ROW = task('004-14'); // no seed link; 004 carries out Lâm Đồng's plan 5039/KH-UBND

function refusal(
  field: string,
  message: string,
  extensions: Record<string, unknown>,
  service: string,
): unknown {
  return {
    data: null,
    errors: [{ message, path: [field], extensions: { ...extensions, serviceName: service } }],
  };
}

function input(taskId: string, level: string, id: string): { input: unknown } {
  return { input: { taskId, target: { level, id } } };
}

beforeAll(async () => {
  await unlink(hub(), 'provincial', CITING_ROW);
  await unlink(hub(), 'provincial', VERBATIM_ROW);
  await unlink(hub(), 'commune', COMMUNE_ROW);
});

describe('suggested links of a provincial task', () => {
  it('puts the task of the directive a row cites first, with its score and reason', async () => {
    const result = await hub().query(SUGGESTIONS.provincial, { id: CITING_ROW, first: 2 });
    expect(result).toEqual({
      data: {
        provincialTask: {
          ref: '003-1',
          suggestedLinks: [
            {
              level: 'CENTRAL',
              score: 1,
              similarity: 1,
              citedNumbers: ['14-TB/TGV'],
              reason: 'cited 14-TB/TGV, similarity 1.00',
              autoAccept: true,
              centralTask: { ref: '14-TB/TGV#1' },
              provincialTask: null,
            },
            {
              level: 'CENTRAL',
              score: 0.57,
              similarity: 0.426,
              citedNumbers: ['14-TB/TGV'],
              reason: 'cited 14-TB/TGV, similarity 0.43',
              autoAccept: false,
              centralTask: { ref: '14-TB/TGV#2' },
              provincialTask: null,
            },
          ],
        },
      },
    });
  });

  it('suggests, for a near-verbatim row of 002, the central task the 003 row carries out', async () => {
    const row3 = await hub().query(
      `query Row3 { provincialTask(id: "${task('003-3')}") { centralTasks { ref } } }`,
    );
    expect(row3).toEqual({ data: { provincialTask: { centralTasks: [{ ref: '07-TB/CQTTBCĐ#3' }] } } });
    const result = await hub().query(SUGGESTIONS.provincial, { id: VERBATIM_ROW, first: 1 });
    expect(result).toEqual({
      data: {
        provincialTask: {
          ref: '002-3',
          suggestedLinks: [
            {
              level: 'CENTRAL',
              score: 1,
              similarity: 1,
              citedNumbers: ['07-TB/CQTTBCĐ'],
              reason: 'cited 07-TB/CQTTBCĐ, similarity 1.00',
              autoAccept: true,
              centralTask: { ref: '07-TB/CQTTBCĐ#3' },
              provincialTask: null,
            },
          ],
        },
      },
    });
  });

  it('accepts a suggestion through linkProvincialTask, with the suggestion as the evidence', async () => {
    const token = await tokenFor({ role: Role.PLANNER, jurisdiction: '19' });
    const accept = suggestionMutation('accept', 'Provincial');
    const result = await hub().query(accept, input(CITING_ROW, 'CENTRAL', central('14-TB/TGV#1')), token);
    expect(result).toEqual({
      data: {
        acceptProvincialLinkSuggestion: {
          ref: '003-1',
          centralTasks: [{ ref: '14-TB/TGV#1' }],
          suggestedLinks: [{ centralTask: { ref: '14-TB/TGV#2' }, provincialTask: null }],
        },
      },
    });
    expect(await linkEvidence(hub(), 'provincial', CITING_ROW)).toEqual([
      { target_id: central('14-TB/TGV#1'), evidence: 'suggested: cited 14-TB/TGV, similarity 1.00' },
    ]);
    const again = await hub().query(accept, input(CITING_ROW, 'CENTRAL', central('14-TB/TGV#1')), token);
    expect(again).toEqual(
      refusal(
        'acceptProvincialLinkSuggestion',
        `Task ${CITING_ROW} already implements task ${central('14-TB/TGV#1')}`,
        { code: 'DUPLICATE_LINK', id: central('14-TB/TGV#1') },
        'provincial',
      ),
    );
  });

  it('dismisses a suggestion: it is not suggested again, and dismissing twice changes nothing', async () => {
    const token = await tokenFor({ role: Role.PLANNER, jurisdiction: '56' });
    const dismiss = suggestionMutation('dismiss', 'Provincial');
    const expected = {
      data: {
        dismissProvincialLinkSuggestion: {
          ref: '002-3',
          centralTasks: [],
          suggestedLinks: [{ centralTask: { ref: '07-TB/CQTTBCĐ#9' }, provincialTask: null }],
        },
      },
    };
    const target = input(VERBATIM_ROW, 'CENTRAL', central('07-TB/CQTTBCĐ#3'));
    expect(await hub().query(dismiss, target, token)).toEqual(expected);
    expect(await hub().query(dismiss, target, token)).toEqual(expected);
    const after = await hub().query<{
      provincialTask: { suggestedLinks: { centralTask: { ref: string } }[] };
    }>(SUGGESTIONS.provincial, { id: VERBATIM_ROW, first: 20 });
    const refs = after.data?.provincialTask.suggestedLinks.map((s) => s.centralTask.ref);
    expect(refs).not.toContain('07-TB/CQTTBCĐ#3');
  });

  it.each([
    ['accept', 'a planner of another province', { role: Role.PLANNER, jurisdiction: '56' }, '56'],
    ['accept', 'a reporter of the province', { role: Role.REPORTER, jurisdiction: '19' }, '19'],
    ['dismiss', 'a planner of another province', { role: Role.PLANNER, jurisdiction: '56' }, '56'],
  ] as const)('refuses to %s for %s (FORBIDDEN)', async (verb, _who, claims, jurisdiction) => {
    const field = `${verb}ProvincialLinkSuggestion`;
    const target = input(task('003-2'), 'CENTRAL', central('43-TB/TGV#1'));
    const result = await hub().query(suggestionMutation(verb, 'Provincial'), target, await tokenFor(claims));
    const message =
      claims.role === Role.REPORTER
        ? 'A reporter may not plan'
        : `This belongs to jurisdiction 19, not to ${jurisdiction}`;
    expect(result).toEqual(
      refusal(
        field,
        message,
        { code: 'FORBIDDEN', role: claims.role, jurisdiction, required: '19' },
        'provincial',
      ),
    );
  });

  it('refuses a target of a level provincial tasks are not suggested, and an unknown one', async () => {
    const dismiss = suggestionMutation('dismiss', 'Provincial');
    expect(await hub().query(dismiss, input(CITING_ROW, 'PROVINCIAL', task('003-2')))).toEqual(
      refusal(
        'dismissProvincialLinkSuggestion',
        'A provincial task is not suggested PROVINCIAL tasks',
        { code: 'WRONG_LEVEL', level: 'PROVINCIAL', id: task('003-2') },
        'provincial',
      ),
    );
    expect(await hub().query(dismiss, input(CITING_ROW, 'CENTRAL', NO_SUCH_TASK))).toEqual(
      refusal(
        'dismissProvincialLinkSuggestion',
        `No central task with id ${NO_SUCH_TASK}`,
        { code: 'UNKNOWN_TASK', id: NO_SUCH_TASK, level: 'CENTRAL' },
        'provincial',
      ),
    );
  });

  it.each([0, 21])('refuses first: %d (BAD_USER_INPUT)', async (first) => {
    const result = await hub().query(SUGGESTIONS.provincial, { id: CITING_ROW, first });
    expect(result).toEqual({
      data: { provincialTask: null },
      errors: [
        {
          message: 'first must be between 1 and 20',
          path: ['provincialTask', 'suggestedLinks'],
          extensions: { code: 'BAD_USER_INPUT', first, serviceName: 'provincial' },
        },
      ],
    });
  });
});

describe('suggested links of a commune task', () => {
  let provincialTaskId = '';

  beforeAll(async () => {
    // Lâm Đồng's plan 5039/KH-UBND, which 004 carries out, with the row 004-14 copies (test data).
    const created = await hub().query<{ createProvincialPlan: { tasks: { id: string }[] } }>(
      `mutation CreateLamDongPlan($input: ProvincialPlanInput!) { createProvincialPlan(input: $input) { tasks { id } } }`,
      {
        input: {
          provinceCode: '68',
          number: '5039/KH-UBND',
          kind: 'PLAN',
          title: 'Triển khai Nghị quyết số 71/NQ-CP',
          tasks: [
            { ordinal: '1', content: 'Tăng cường bồi dưỡng kỹ năng số cho cán bộ, công chức, viên chức' },
          ],
        },
      },
    );
    provincialTaskId = created.data?.createProvincialPlan.tasks[0].id ?? '';
  });

  it("puts the province's task whose plan the row cites first, before central tasks", async () => {
    const result = await hub().query(SUGGESTIONS.commune, { id: CITING_PLAN_ROW, first: 2 });
    expect(result).toEqual({
      data: {
        communeTask: {
          ref: '004-14',
          suggestedLinks: [
            {
              level: 'PROVINCIAL',
              score: 0.643,
              similarity: 0.524,
              citedNumbers: ['5039/KH-UBND'],
              reason: 'cited 5039/KH-UBND, similarity 0.52',
              autoAccept: false,
              centralTask: null,
              provincialTask: { ref: null },
            },
            {
              level: 'CENTRAL',
              score: 0.57,
              similarity: 0.427,
              citedNumbers: ['71/NQ-CP'],
              reason: 'cited 71/NQ-CP, similarity 0.43',
              autoAccept: false,
              centralTask: { ref: '71/NQ-CP#1' },
              provincialTask: null,
            },
          ],
        },
      },
    });
  });

  it('suggests the central task a near-verbatim row of 003 carries out', async () => {
    const result = await hub().query(SUGGESTIONS.commune, { id: COMMUNE_ROW, first: 1 });
    expect(result).toEqual({
      data: {
        communeTask: {
          ref: '004-9',
          suggestedLinks: [
            {
              level: 'CENTRAL',
              score: 0.801,
              similarity: 0.734,
              citedNumbers: ['71/NQ-CP'],
              reason: 'cited 71/NQ-CP, similarity 0.73',
              autoAccept: false,
              centralTask: { ref: '71/NQ-CP#5' },
              provincialTask: null,
            },
          ],
        },
      },
    });
  });

  it('accepts a provincial suggestion through linkCommuneTask, with the suggestion as the evidence', async () => {
    const token = await tokenFor({ role: Role.PLANNER, jurisdiction: '24682' });
    const accept = suggestionMutation('accept', 'Commune');
    const result = await hub().query(accept, input(CITING_PLAN_ROW, 'PROVINCIAL', provincialTaskId), token);
    expect(result).toEqual({
      data: {
        acceptCommuneLinkSuggestion: {
          ref: '004-14',
          centralTasks: [],
          provincialTasks: [{ ref: null }],
          suggestedLinks: [{ centralTask: { ref: '71/NQ-CP#1' }, provincialTask: null }],
        },
      },
    });
    expect(await linkEvidence(hub(), 'commune', CITING_PLAN_ROW)).toEqual([
      { target_id: provincialTaskId, evidence: 'suggested: cited 5039/KH-UBND, similarity 0.52' },
    ]);
  });

  it('dismisses a central suggestion of a commune task', async () => {
    const token = await tokenFor({ role: Role.PLANNER, jurisdiction: '24682' });
    const result = await hub().query(
      suggestionMutation('dismiss', 'Commune'),
      input(COMMUNE_ROW, 'CENTRAL', central('71/NQ-CP#5')),
      token,
    );
    expect(result).toEqual({
      data: {
        dismissCommuneLinkSuggestion: {
          ref: '004-9',
          centralTasks: [],
          provincialTasks: [],
          suggestedLinks: [{ centralTask: { ref: '71/NQ-CP#12' }, provincialTask: null }],
        },
      },
    });
  });

  it.each(['accept', 'dismiss'] as const)('refuses to %s for a planner of another commune', async (verb) => {
    const token = await tokenFor({ role: Role.PLANNER, jurisdiction: '24683' });
    const target = input(COMMUNE_ROW, 'CENTRAL', central('71/NQ-CP#6'));
    const result = await hub().query(suggestionMutation(verb, 'Commune'), target, token);
    expect(result).toEqual(
      refusal(
        `${verb}CommuneLinkSuggestion`,
        'This belongs to jurisdiction 24682, not to 24683',
        { code: 'FORBIDDEN', role: 'planner', jurisdiction: '24683', required: '24682' },
        'commune',
      ),
    );
  });
});

describe('the SQL suggestions cost', () => {
  it('is the same for a plan of 10 tasks and one of 85 (provincial), and of 20 and 40 (commune)', async () => {
    const rows = readSeedPlans('commune').flatMap((plan) => plan.tasks);
    const created = await hub().query<{ createCommunePlan: { id: string } }>(
      `mutation CreateThuanAnPlan($input: CommunePlanInput!) { createCommunePlan(input: $input) { id } }`,
      {
        input: {
          communeCode: '24682',
          number: '99/KH-UBND',
          kind: 'PLAN',
          title: 'Kế hoạch thử',
          tasks: [...rows, ...rows].map((row, i) => ({ ordinal: `${i + 1}`, content: row.content })),
        },
      },
    );
    const cost = (level: 'provincial' | 'commune', id: string): Promise<Record<string, number>> =>
      statementsOf(hub(), async () => {
        const result = await hub().query(PLAN_SUGGESTIONS[level], { id });
        expect(result.errors).toBeUndefined();
      });
    const provincial = await cost('provincial', seedIds.plan('002'));
    expect(await cost('provincial', seedIds.plan('003'))).toEqual(provincial);
    expect(provincial).toEqual({ central: 1, provincial: 3, commune: 0, events: 0 });
    const commune = await cost('commune', seedIds.plan('004'));
    expect(await cost('commune', created.data?.createCommunePlan.id ?? '')).toEqual(commune);
    expect(commune).toEqual({ central: 1, provincial: 0, commune: 3, events: 0 });
  });
});
