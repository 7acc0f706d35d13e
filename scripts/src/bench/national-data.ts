import { performance } from 'node:perf_hooks';
import type { HubHandle } from '../hub';
import { fillLevel, readTemplates } from './search-data';
import { linkCommuneTasks, linkProvincialTasks } from './rollup-links';

/** What filling the national-scale data set wrote, and how long it took. */
export interface NationalFill {
  provincialTasks: number;
  communeTasks: number;
  links: number;
  seconds: number;
}

/**
 * Adds the national-scale data set to a seeded hub: 50 tasks for each province and each commune (search-data.ts)
 * and their trace links (rollup-links.ts), then ANALYZE, so plans are those of a full database.
 */
export async function fillNation(hub: HubHandle, log: (line: string) => void): Promise<NationalFill> {
  const started = performance.now();
  const templates = await readTemplates({
    central: hub.central.dataSource,
    provincial: hub.provincial.dataSource,
    commune: hub.commune.dataSource,
  });
  log('Writing 50 tasks for each province and each commune');
  const provincialTasks = await fillLevel(hub.provincial.dataSource, 'provincial', templates);
  const communeTasks = await fillLevel(hub.commune.dataSource, 'commune', templates);
  const links =
    (await linkProvincialTasks(hub.provincial.dataSource)) + (await linkCommuneTasks(hub.commune.dataSource));
  for (const level of [hub.provincial, hub.commune]) await level.dataSource.query('ANALYZE');
  const seconds = (performance.now() - started) / 1000;
  log(
    `${provincialTasks} provincial and ${communeTasks} commune tasks, ${links} links, in ${seconds.toFixed(1)} s`,
  );
  return { provincialTasks, communeTasks, links, seconds };
}
