// What `nx release` (and its subcommands) print, read back into data the check can compare.
// The patterns are Nx 23's wording; when an Nx upgrade changes it, the check fails loudly here.

/** Removes terminal colour codes. */
export function plainText(output) {
  // eslint-disable-next-line no-control-regex
  return output.replace(/\x1b\[[0-9;]*m/g, '');
}

/**
 * The version each project gets, from the "New version ... written to manifest" lines (the last
 * one wins: a project bumped for a dependency and for its own commits is reported twice).
 *
 * @example
 * plannedVersions('contracts ✍️  New version 0.1.1 written to manifest: packages/contracts/package.json');
 * // Map { 'contracts' => '0.1.1' }
 */
export function plannedVersions(output) {
  const versions = new Map();
  for (const [, project, version] of output.matchAll(
    /^(\S+) \S+\s+New version (\S+) written to manifest: /gmu,
  )) {
    versions.set(project, version);
  }
  return versions;
}

/**
 * The messages of the commit a `--dry-run --verbose` run would make (subject first), or
 * undefined when it would make none.
 *
 * @example
 * commitMessages('git commit --message chore(release): publish --message - project: contracts 0.1.1');
 * // ['chore(release): publish', '- project: contracts 0.1.1']
 */
export function commitMessages(output) {
  const line = output.match(/^git commit --message (.*)$/m)?.[1];
  return line?.split(' --message ');
}

/**
 * The tags a `--dry-run --verbose` run would create.
 *
 * @example
 * tagNames('git tag --annotate contracts@0.1.1 --message contracts@0.1.1'); // ['contracts@0.1.1']
 */
export function tagNames(output) {
  return [...output.matchAll(/^git tag --annotate (\S+) --message /gm)].map((match) => match[1]);
}

/** The changelog entry a dry run previews for one project, as Nx announces it. */
export function changelogPreviewLine(projectRoot, project, version) {
  return `Previewing an entry in ${projectRoot}/CHANGELOG.md for ${project}@${version}`;
}
