/** What the dashboard tests read through the API to compare with what the pages show. */
export const ROLLUP = 'total completedOnTime overdue green yellow red grey';

/** A ProgressRollup as the tests read it. */
export interface Counts {
  total: number;
  completedOnTime: number;
  overdue: number;
  green: number;
  yellow: number;
  red: number;
  grey: number;
}

/** A province's roll-up row on the nation view: name, total, on time, overdue, and the bar's accessible name. */
export function nationRow(progress: Counts, communeProgress: Counts): string[] {
  const sum = (key: keyof Counts): number => progress[key] + communeProgress[key];
  return [
    String(sum('total')),
    String(sum('completedOnTime')),
    String(sum('overdue')),
    sum('total') === 0
      ? 'Xanh 0, Vàng 0, Đỏ 0, Xám 0'
      : `Xanh ${sum('green')}, Vàng ${sum('yellow')}, Đỏ ${sum('red')}, Xám ${sum('grey')}`,
  ];
}

/** The nation's roll-ups, read fresh. */
export const NATION_COUNTS = `
  query FreshNation {
    provinces { code name progress { ${ROLLUP} } communeProgress { ${ROLLUP} } }
    provinceRanking { rank province { name } judged }
  }
`;

/** Fresh nation answer. */
export interface FreshNation {
  provinces: { code: string; name: string; progress: Counts; communeProgress: Counts }[];
  provinceRanking: { rank: number | null; province: { name: string }; judged: number }[];
}

/** The trace of 71/NQ-CP#5 (the README's): the central task, Thái Nguyên's row 80, Thuận An's commune task. */
export const TRACE = `
  query FreshTrace {
    directive(number: "71/NQ-CP") {
      title
      tasks {
        id ref content
        implementationProgress { total { ${ROLLUP} } }
        provincialTasks { id ordinal content version lead { text } deadline { text } plan { number } }
        communeTasks { id ordinal content version commune { name } }
      }
    }
  }
`;

/** Fresh trace answer. */
export interface FreshTrace {
  directive: {
    title: string;
    tasks: {
      id: string;
      ref: string;
      content: string;
      implementationProgress: { total: Counts };
      provincialTasks: {
        id: string;
        ordinal: string;
        content: string;
        version: number;
        lead: { text: string } | null;
        deadline: { text: string } | null;
        plan: { number: string };
      }[];
      communeTasks: {
        id: string;
        ordinal: string;
        content: string;
        version: number;
        commune: { name: string };
      }[];
    }[];
  };
}

/** Reports on a provincial task; the caller names the token (a reporter of its province). */
export const REPORT_PROVINCIAL = `
  mutation ReportProvincial($input: TaskStatusInput!) {
    updateProvincialTaskStatus(input: $input) { task { version } event { cursor } }
  }
`;

/** Reports on a commune task. */
export const REPORT_COMMUNE = `
  mutation ReportCommune($input: TaskStatusInput!) {
    updateCommuneTaskStatus(input: $input) { task { version } event { cursor } }
  }
`;
