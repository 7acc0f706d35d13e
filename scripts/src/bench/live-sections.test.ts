import { subsectionOf, withSubsection } from './live-sections';

const DOC = '# Benchmarks\n\n## Live subscriptions\n\nSynthetic figures.\n\n## Search\n\nSearch.\n';
const LIVE = '## Live subscriptions';
const NATIONAL = '### National mode';

describe('withSubsection and subsectionOf', () => {
  it('adds the subsection at the end of its section, before the next one', () => {
    expect(withSubsection(DOC, LIVE, NATIONAL, '### National mode\n\nFirst run.')).toBe(
      '# Benchmarks\n\n## Live subscriptions\n\nSynthetic figures.\n\n### National mode\n\nFirst run.\n\n## Search\n\nSearch.\n',
    );
  });

  it('replaces the subsection in place and reads it back', () => {
    const once = withSubsection(DOC, LIVE, NATIONAL, '### National mode\n\nFirst run.');
    const twice = withSubsection(once, LIVE, NATIONAL, '### National mode\n\nSecond run.');
    expect(twice.match(/### National mode/g)).toHaveLength(1);
    expect(twice).toContain('Second run.\n\n## Search');
    expect(subsectionOf(twice, LIVE, NATIONAL)).toBe('### National mode\n\nSecond run.');
  });

  it('adds the section when the file has none, and reads nothing when the subsection is absent', () => {
    expect(withSubsection('# Benchmarks\n', LIVE, NATIONAL, '### National mode\n\nRun.')).toBe(
      '# Benchmarks\n\n## Live subscriptions\n\n### National mode\n\nRun.\n',
    );
    expect(subsectionOf(DOC, LIVE, NATIONAL)).toBeNull();
  });

  it('ends the subsection at the next subsection of the same section', () => {
    const text = `${DOC.replace('Synthetic figures.', `Synthetic figures.\n\n${NATIONAL}\n\nOld.\n\n### Other\n\nKept.`)}`;
    const updated = withSubsection(text, LIVE, NATIONAL, `${NATIONAL}\n\nNew.`);
    expect(updated).toContain(`${NATIONAL}\n\nNew.\n\n### Other\n\nKept.`);
  });
});
