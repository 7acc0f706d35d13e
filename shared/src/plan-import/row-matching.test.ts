import { readSeedPlans, type SeedPlan, type SeedTask } from '../seeds/seed-files';
import { PRINTED_FIELDS, type Printed } from '../amendment/printed-fields';
import type { FieldChange } from '../events/event-log';
import { CONTENT_SIMILARITY_THRESHOLD, contentSimilarity, matchRows, type RowMatching } from './row-matching';

/** A task as recorded: its id and printed fields. */
interface Recorded {
  id: string;
  printed: Printed;
}

/** A row of the re-imported file: its row number and printed fields. */
interface FileRow {
  row: number;
  printed: Printed;
}

const SEEDS = [...readSeedPlans('provincial'), ...readSeedPlans('commune')];

function seed(key: string): SeedPlan {
  const plan = SEEDS.find((candidate) => candidate.plan.key === key);
  if (!plan) throw new Error(`No seed plan ${key}`);
  return plan;
}

function printedOf(task: SeedTask): Printed {
  const { ordinal, section, content, lead, cooperating, deadline, centralDeadline, output, notes } = task;
  return { ordinal, section, content, lead, cooperating, deadline, centralDeadline, output, notes };
}

function recordedOf(key: string): Recorded[] {
  return seed(key).tasks.map((task) => ({ id: task.key, printed: printedOf(task) }));
}

// The file a planner would import: the recorded rows as printed, after `amend` (row 1 is the header).
function fileOf(recorded: Recorded[], amend: (rows: Printed[]) => Printed[] = (rows) => rows): FileRow[] {
  return amend(recorded.map((task) => ({ ...task.printed }))).map((printed, at) => ({
    row: at + 2,
    printed,
  }));
}

function match(recorded: Recorded[], file: FileRow[]): RowMatching<Recorded, FileRow> {
  return matchRows(recorded, file, { recorded: (task) => task.printed, imported: (row) => row.printed });
}

function pair(recorded: Recorded, imported: FileRow, ...changes: FieldChange[]) {
  return { recorded, imported, changes };
}

function change(field: FieldChange['field'], from: string | null, to: string | null): FieldChange {
  return { field, from, to };
}

// 003 numbers its rows "1." to "83." through every section, then "2.", "3." under III. TỔ CHỨC THỰC HIỆN: an
// amended file numbers its rows again the same way.
function renumbered(rows: Printed[]): Printed[] {
  return rows.map((row, at) => (at < rows.length - 2 ? { ...row, ordinal: `${at + 1}.` } : row));
}

const NEW_TASK = 'Xây dựng cơ sở dữ liệu số về đổi mới sáng tạo của tỉnh, kết nối với nền tảng dùng chung';

describe('matchRows on seed plan 003 (85 rows, numbered through its sections)', () => {
  const recorded = recordedOf('003');

  it('pairs an identical file row for row, with no changes', () => {
    const file = fileOf(recorded);
    expect(match(recorded, file)).toEqual({
      pairs: recorded.map((task, at) => pair(task, file[at])),
      created: [],
      removed: [],
    });
  });

  it('reports a row inserted mid-plan as created and the 53 rows it renumbers as ordinal changes only', () => {
    // Inserted as 32., before the rows 34./62. (nearly the same wording) and the copies 67. of 3.: each shifted
    // row must still find itself, not its look-alike.
    const file = fileOf(recorded, (rows) =>
      renumbered([...rows.slice(0, 31), { ...rows[31], content: NEW_TASK }, ...rows.slice(31)]),
    );
    expect(file[31].printed.ordinal).toBe('32.');
    expect(match(recorded, file)).toEqual({
      pairs: recorded.map((task, at) => {
        if (at < 31) return pair(task, file[at]);
        if (at >= 83) return pair(task, file[at + 1]);
        return pair(task, file[at + 1], change('ordinal', `${at + 1}.`, `${at + 2}.`));
      }),
      created: [file[31]],
      removed: [],
    });
  });

  it('reports a row dropped mid-plan as removed and the rows it renumbers as ordinal changes only', () => {
    const file = fileOf(recorded, (rows) => renumbered([...rows.slice(0, 20), ...rows.slice(21)]));
    expect(match(recorded, file)).toEqual({
      pairs: recorded.flatMap((task, at) => {
        if (at < 20) return [pair(task, file[at])];
        if (at === 20) return [];
        if (at >= 83) return [pair(task, file[at - 1])];
        return [pair(task, file[at - 1], change('ordinal', `${at + 1}.`, `${at}.`))];
      }),
      created: [],
      removed: [recorded[20]],
    });
  });

  it('tells apart the most alike neighbours of any seed when a row is inserted above them', () => {
    // III. TỔ CHỨC THỰC HIỆN prints 2. and 3. (rows 83, 84), whose wordings score 0.70: the new 2. pushes them down.
    expect(contentSimilarity(recorded[83].printed.content, recorded[84].printed.content)).toBeGreaterThan(
      0.7,
    );
    const file = fileOf(recorded, (rows) => [
      ...rows.slice(0, 83),
      { ...rows[83], content: NEW_TASK },
      { ...rows[83], ordinal: '3.' },
      { ...rows[84], ordinal: '4.' },
    ]);
    expect(match(recorded, file)).toEqual({
      pairs: recorded.map((task, at) => {
        if (at < 83) return pair(task, file[at]);
        return pair(task, file[at + 1], change('ordinal', `${at - 81}.`, `${at - 80}.`));
      }),
      created: [file[83]],
      removed: [],
    });
  });

  it('keeps a reworded row in place even when its new wording is another row’s', () => {
    // 62. says "bảo đảm" where 34. says "đảm bảo"; the amendment aligns them. 34. stays paired with itself.
    const before = recorded[61].printed.content ?? '';
    const after = before.replace('thực hiện bảo đảm', 'thực hiện đảm bảo');
    expect(after).not.toBe(before);
    const file = fileOf(recorded, (rows) =>
      rows.map((row, at) => (at === 61 ? { ...row, content: after } : row)),
    );
    expect(match(recorded, file)).toEqual({
      pairs: recorded.map((task, at) =>
        at === 61 ? pair(task, file[at], change('content', before, after)) : pair(task, file[at]),
      ),
      created: [],
      removed: [],
    });
  });

  // Reversed, so that the copy 67. comes first and would take 3.'s task if the earlier task won the tie.
  it('pairs every row with itself when every ordinal is reprinted, the copies 3. and 67. by their sections', () => {
    expect(recorded[2].printed.content).toBe(recorded[66].printed.content);
    expect(recorded[2].printed.section).not.toBe(recorded[66].printed.section);
    const file = fileOf(recorded, (rows) =>
      rows.map((row) => ({ ...row, ordinal: row.ordinal?.replace(/\.$/, '') ?? null })).reverse(),
    );
    expect(match(recorded, file)).toEqual({
      pairs: file.map((row, at) => {
        const task = recorded[84 - at];
        return pair(task, row, change('ordinal', task.printed.ordinal, row.printed.ordinal));
      }),
      created: [],
      removed: [],
    });
  });

  it('pairs the copies 3. and 67. by their ordinals when every section is renamed', () => {
    const file = fileOf(recorded, (rows) =>
      rows.map((row) => ({ ...row, section: `Phụ lục > ${row.section}` })).reverse(),
    );
    expect(match(recorded, file)).toEqual({
      pairs: file.map((row, at) => {
        const task = recorded[84 - at];
        return pair(task, row, change('section', task.printed.section, row.printed.section));
      }),
      created: [],
      removed: [],
    });
  });
});

describe('matchRows on seed plan 004 (20 rows, numbered within each section)', () => {
  const recorded = recordedOf('004');
  const unchangedBut = (file: FileRow[], at: number, ...changes: FieldChange[]) => ({
    pairs: recorded.map((task, k) => (k === at ? pair(task, file[k], ...changes) : pair(task, file[k]))),
    created: [],
    removed: [],
  });

  it('reports a slightly reworded row as a content change', () => {
    // The typo 004 prints: "Các các phòng".
    const before = recorded[1].printed.content ?? '';
    const after = before.replace('Các các phòng', 'Các phòng');
    const file = fileOf(recorded, (rows) =>
      rows.map((row, at) => (at === 1 ? { ...row, content: after } : row)),
    );
    expect(match(recorded, file)).toEqual(unchangedBut(file, 1, change('content', before, after)));
  });

  it('reports a moved deadline as a deadline change', () => {
    expect(recorded[11].printed.deadline).toBe('6/2026');
    const file = fileOf(recorded, (rows) =>
      rows.map((row, at) => (at === 11 ? { ...row, deadline: '12/2026' } : row)),
    );
    expect(match(recorded, file)).toEqual(unchangedBut(file, 11, change('deadline', '6/2026', '12/2026')));
  });

  it('reports a row rewritten where it stands as a content change (same section and ordinal)', () => {
    const before = recorded[12].printed.content;
    const file = fileOf(recorded, (rows) =>
      rows.map((row, at) => (at === 12 ? { ...row, content: NEW_TASK } : row)),
    );
    expect(contentSimilarity(before, NEW_TASK)).toBeLessThan(0.5);
    expect(match(recorded, file)).toEqual(unchangedBut(file, 12, change('content', before, NEW_TASK)));
  });

  it('reports a row inserted in a section as created and the rows after it as ordinal changes only', () => {
    // Section II prints 1-5 (rows 8-12); the new row becomes its 2 and 2-5 become 3-6.
    const file = fileOf(recorded, (rows) => [
      ...rows.slice(0, 9),
      { ...rows[9], content: NEW_TASK, deadline: 'Năm 2026' },
      ...rows.slice(9, 13).map((row) => ({ ...row, ordinal: String(Number(row.ordinal) + 1) })),
      ...rows.slice(13),
    ]);
    expect(match(recorded, file)).toEqual({
      pairs: recorded.map((task, at) => {
        if (at < 9) return pair(task, file[at]);
        if (at > 12) return pair(task, file[at + 1]);
        return pair(task, file[at + 1], change('ordinal', String(at - 7), String(at - 6)));
      }),
      created: [file[9]],
      removed: [],
    });
  });

  it('pairs a row both reworded and shifted by an inserted row, with both changes', () => {
    // III prints 1 and 2 (rows 13, 14); a new 1 comes first and the old 1 is reworded.
    const before = recorded[13].printed.content ?? '';
    const after = before.replace('Tăng cường bồi dưỡng', 'Đẩy mạnh bồi dưỡng');
    expect(after).not.toBe(before);
    const file = fileOf(recorded, (rows) => [
      ...rows.slice(0, 13),
      { ...rows[13], content: NEW_TASK },
      { ...rows[13], ordinal: '2', content: after },
      { ...rows[14], ordinal: '3' },
      ...rows.slice(15),
    ]);
    expect(match(recorded, file)).toEqual({
      pairs: recorded.map((task, at) => {
        if (at === 13)
          return pair(task, file[14], change('ordinal', '1', '2'), change('content', before, after));
        if (at === 14) return pair(task, file[15], change('ordinal', '2', '3'));
        return pair(task, file[at < 13 ? at : at + 1]);
      }),
      created: [file[13]],
      removed: [],
    });
  });

  it('reports a row dropped from the end of its section as removed', () => {
    const file = fileOf(recorded, (rows) => rows.filter((_, at) => at !== 12));
    expect(match(recorded, file)).toEqual({
      pairs: recorded.flatMap((task, at) => {
        if (at === 12) return [];
        return [pair(task, file[at < 12 ? at : at - 1])];
      }),
      created: [],
      removed: [recorded[12]],
    });
  });

  it('reports two rows swapped under the printed ordinals as two ordinal changes', () => {
    const file = fileOf(recorded, (rows) => [
      ...rows.slice(0, 4),
      { ...rows[5], ordinal: '1' },
      { ...rows[4], ordinal: '2' },
      ...rows.slice(6),
    ]);
    // In file order: the row now printed 1 first.
    expect(match(recorded, file)).toEqual({
      pairs: file.map((row, at) => {
        if (at === 4) return pair(recorded[5], row, change('ordinal', '2', '1'));
        if (at === 5) return pair(recorded[4], row, change('ordinal', '1', '2'));
        return pair(recorded[at], row);
      }),
      created: [],
      removed: [],
    });
  });

  it('lists pairs in file order: two rows swapped with their ordinals are unchanged', () => {
    const file = fileOf(recorded, (rows) => [...rows.slice(0, 4), rows[5], rows[4], ...rows.slice(6)]);
    const swapped = recorded.map((_, at) => (at === 4 ? 5 : at === 5 ? 4 : at));
    expect(match(recorded, file)).toEqual({
      pairs: swapped.map((at, k) => pair(recorded[at], file[k])),
      created: [],
      removed: [],
    });
  });

  it('reports a row moved to another section as its section and ordinal changed', () => {
    // II's 5 becomes III's 3.
    const file = fileOf(recorded, (rows) => [
      ...rows.slice(0, 12),
      ...rows.slice(13, 15),
      { ...rows[12], section: rows[13].section, ordinal: '3' },
      ...rows.slice(15),
    ]);
    const order = [...recorded.keys()].filter((at) => at !== 12);
    order.splice(14, 0, 12);
    expect(match(recorded, file)).toEqual({
      pairs: order.map((at, k) =>
        at === 12
          ? pair(
              recorded[at],
              file[k],
              change('ordinal', '5', '3'),
              change('section', recorded[12].printed.section, recorded[13].printed.section),
            )
          : pair(recorded[at], file[k]),
      ),
      created: [],
      removed: [],
    });
  });
});

describe('matchRows on seed plan 001 (6 unnumbered rows)', () => {
  const recorded = recordedOf('001');

  it('pairs unnumbered rows by their content, whatever their order', () => {
    expect(recorded.every((task) => task.printed.ordinal === null)).toBe(true);
    // The last two share the section "7. Cơ chế thông tin, báo cáo, sơ kết, tổng kết".
    const file = fileOf(recorded, (rows) => [...rows.slice(0, 4), rows[5], rows[4]]);
    expect(match(recorded, file)).toEqual({
      pairs: [0, 1, 2, 3, 5, 4].map((at, k) => pair(recorded[at], file[k])),
      created: [],
      removed: [],
    });
  });

  it('pairs a slightly reworded unnumbered row by its wording', () => {
    const before = recorded[3].printed.content ?? '';
    const after = before.replace('Tham mưu, đề xuất', 'Chủ động tham mưu, đề xuất');
    expect(after).not.toBe(before);
    const file = fileOf(recorded, (rows) =>
      rows.map((row, at) => (at === 3 ? { ...row, content: after } : row)),
    );
    expect(match(recorded, file)).toEqual({
      pairs: recorded.map((task, at) =>
        at === 3 ? pair(task, file[at], change('content', before, after)) : pair(task, file[at]),
      ),
      created: [],
      removed: [],
    });
  });

  it('reports an unnumbered row rewritten beyond recognition as removed and created (no ordinal to keep it)', () => {
    const file = fileOf(recorded, (rows) =>
      rows.map((row, at) => (at === 3 ? { ...row, content: NEW_TASK } : row)),
    );
    expect(match(recorded, file)).toEqual({
      pairs: recorded.flatMap((task, at) => (at === 3 ? [] : [pair(task, file[at])])),
      created: [file[3]],
      removed: [recorded[3]],
    });
  });

  it('reports an added unnumbered row as created', () => {
    const file = fileOf(recorded, (rows) => [...rows, { ...rows[5], content: NEW_TASK }]);
    expect(match(recorded, file)).toEqual({
      pairs: recorded.map((task, at) => pair(task, file[at])),
      created: [file[6]],
      removed: [],
    });
  });
});

describe('matchRows with an empty side', () => {
  const recorded = recordedOf('004');

  it('matches nothing to nothing', () => {
    expect(match([], [])).toEqual({ pairs: [], created: [], removed: [] });
  });

  it('creates every row of a plan recorded with no tasks', () => {
    const file = fileOf(recorded);
    expect(match([], file)).toEqual({ pairs: [], created: file, removed: [] });
  });

  it('removes every task when the file has no rows', () => {
    expect(match(recorded, [])).toEqual({ pairs: [], created: [], removed: recorded });
  });
});

describe('contentSimilarity', () => {
  it('ignores accents, đ, case and spacing, in composed or decomposed text', () => {
    const printed = 'Đẩy mạnh  chuyển đổi số';
    expect(contentSimilarity(printed, 'DAY MANH CHUYEN DOI SO')).toBe(1);
    expect(contentSimilarity(printed, printed.normalize('NFD'))).toBe(1);
  });

  it('is the Dice coefficient of padded trigrams, symmetric, 1 for equal texts and 0 for nothing shared', () => {
    // " ab " has " ab", "ab "; " abc " has " ab", "abc", "bc ": 2·1 / (2 + 3).
    expect(contentSimilarity('ab', 'abc')).toBeCloseTo(0.4, 10);
    expect(contentSimilarity('abc', 'ab')).toBe(contentSimilarity('ab', 'abc'));
    expect(contentSimilarity('', null)).toBe(1);
    expect(contentSimilarity('', 'x')).toBe(0);
    expect(contentSimilarity('abc', 'xyz')).toBe(0);
  });
});

describe('CONTENT_SIMILARITY_THRESHOLD, measured on every seed plan', () => {
  const rows = SEEDS.map((plan) => plan.tasks);

  it('is above every two different tasks next to each other in a section (what a shift by one row pairs)', () => {
    const neighbours = rows.flatMap((tasks) =>
      tasks.slice(1).flatMap((task, at) => {
        const previous = tasks[at];
        if (previous.section !== task.section) return [];
        return [contentSimilarity(previous.content, task.content)];
      }),
    );
    expect(neighbours.length).toBeGreaterThan(100);
    expect(Math.max(...neighbours)).toBeLessThan(CONTENT_SIMILARITY_THRESHOLD);
    expect(Math.max(...neighbours)).toBeLessThan(0.71);
  });

  it('is below every task with one word replaced, dropped or added', () => {
    const edited = rows.flat().flatMap((task) => {
      const words = task.content.split(' ');
      return words.flatMap((word, at) => {
        const replaced = [...words.slice(0, at), word === 'khác' ? 'mới' : 'khác', ...words.slice(at + 1)];
        const dropped = [...words.slice(0, at), ...words.slice(at + 1)];
        const added = [...words.slice(0, at), 'mới', ...words.slice(at)];
        return [replaced, dropped, added].map((edit) => contentSimilarity(task.content, edit.join(' ')));
      });
    });
    expect(edited.length).toBeGreaterThan(10000);
    expect(Math.min(...edited)).toBeGreaterThanOrEqual(CONTENT_SIMILARITY_THRESHOLD);
    expect(Math.min(...edited)).toBeGreaterThanOrEqual(0.81);
  });
});

describe('matchRows reports every printed field', () => {
  it('compares the fields exactly, in PRINTED_FIELDS order', () => {
    const [task] = recordedOf('003');
    const edited = Object.fromEntries(
      PRINTED_FIELDS.map((field) => [field, field === 'content' ? task.printed.content : `${field} mới`]),
    ) as Printed;
    const file: FileRow[] = [{ row: 2, printed: edited }];
    // Content unchanged, so pass 2 pairs it although its section and ordinal changed.
    expect(match([task], file)).toEqual({
      pairs: [
        pair(
          task,
          file[0],
          ...PRINTED_FIELDS.filter((field) => field !== 'content').map((field) =>
            change(field, task.printed[field], `${field} mới`),
          ),
        ),
      ],
      created: [],
      removed: [],
    });
  });
});
