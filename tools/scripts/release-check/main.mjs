// `npm run release:dry-run`: runs the release the two ways it is run, in a throwaway clone of the
// repository (the working tree as it is on disk), offline, and checks what each step prints and
// does:
//   1. `nx release --dry-run --skip-publish`, the one-command preview;
//   2. the steps CI runs one by one: `nx release version`, `nx release changelog <version>` and
//      `nx release publish`, each with --dry-run;
//   3. `nx release version` and `nx release changelog <version>` for real, then git: one commit
//      "chore(release): publish" per changelog run, an annotated `{projectName}@{version}` tag per
//      released project, the new CHANGELOG.md entries, a clean tree.
// nx.json sets no git options on purpose: Nx 23 refuses `release.git` for the subcommands and
// `release.version.git` / `release.changelog.git` for the top-level command, and its defaults
// are the behaviour wanted for both (version stages, changelog commits and tags, the top-level
// command commits and tags once). This check is what pins that behaviour down.
// Every npm request goes to a throwaway local registry that holds nothing and has no way out:
// npm's `publish --dry-run` still asks the registry whether the version exists, and the check must
// not depend on a network. `--verbose` streams Nx's output; `--keep` keeps the clone.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startVerdaccio } from '../verify-publish/verdaccio.mjs';
import {
  changelogPreviewLine,
  commitMessages,
  plainText,
  plannedVersions,
  tagNames,
} from './release-output.mjs';
import { createThrowawayClone, git } from './throwaway-clone.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const verbose = process.argv.includes('--verbose');
const keep = process.argv.includes('--keep');
const RELEASE_SUBJECT = 'chore(release): publish';
// A port nothing listens on: the registry's uplink, so that it cannot fetch anything either.
const NO_UPSTREAM = 'http://127.0.0.1:9/';

const work = mkdtempSync(path.join(tmpdir(), 'scones-release-check-'));
let registry;
let failed = false;
// The log of the Nx run the current step made last, for the failure report.
let currentLog;
try {
  await main();
} catch (error) {
  failed = true;
  process.exitCode = 1;
  console.error(`\nrelease check failed: ${error.message}`);
  if (error.log)
    console.error(`last lines of ${error.log}:\n${tail(readFileSync(error.log, 'utf8'), 40)}`);
} finally {
  await registry?.stop();
  if (failed || keep) console.log(`the clone and the step logs are in ${work}`);
  else rmSync(work, { recursive: true, force: true });
}

async function main() {
  const clone = createThrowawayClone(root, work);
  const dir = clone.dir;
  console.log(
    `release check in ${dir}: ${clone.baseCommit}` +
      (clone.snapshotFiles ? ` plus ${clone.snapshotFiles} uncommitted files` : ''),
  );
  registry = await startVerdaccio(root, path.join(work, 'registry'), NO_UPSTREAM);
  const projects = releaseProjects(dir);
  const before = manifestVersions(dir, projects);
  const nx = nxRunner(dir, registry.url);

  // 1. The one-command preview. With nothing to release since the last tags there is nothing to
  // check, so the clone gets a fix for one project and the preview runs again.
  let marker;
  let planned = new Map();
  for (let attempt = 0; attempt < 2 && planned.size === 0; attempt++) {
    if (attempt === 1) marker = addFixCommit(dir, projects[0]);
    await step('nx release --dry-run --skip-publish', async () => {
      const unchanged = gitState(dir);
      const out = await nx('top-level', ['release', '--dry-run', '--skip-publish', '--verbose']);
      planned = plannedVersions(out);
      if (planned.size === 0 && attempt === 0) {
        return `nothing to release since the last tags; adding a "fix(${projects[0].name})" commit to the clone`;
      }
      check(planned.size > 0, 'it planned no new version');
      checkBumps(planned, before);
      checkCommitAndTags(out, planned);
      for (const [name, version] of planned) {
        check(
          out.includes(changelogPreviewLine(rootOf(projects, name), name, version)),
          `no changelog preview for ${name}@${version}`,
        );
      }
      check(out.includes('Skipped publishing packages.'), 'it did not skip publishing');
      checkUnchanged(dir, unchanged);
      return describeVersions(planned, before);
    });
  }
  const groups = byVersion(planned);

  // 2. The steps CI runs, each as a dry run.
  await step('nx release version --dry-run', async () => {
    const unchanged = gitState(dir);
    const out = await nx('version-dry-run', ['release', 'version', '--dry-run', '--verbose']);
    checkSameVersions(plannedVersions(out), planned);
    check(out.includes('Staging changed files with git'), 'it would not stage its changes');
    check(commitMessages(out) === undefined, 'the version step would commit');
    check(tagNames(out).length === 0, 'the version step would tag');
    checkUnchanged(dir, unchanged);
    return `${describeVersions(planned, before)}; stages, no commit, no tag`;
  });

  for (const [version, names] of groups) {
    await step(`nx release changelog ${version} --dry-run`, async () => {
      const unchanged = gitState(dir);
      const out = await nx(`changelog-dry-run-${version}`, [
        'release',
        'changelog',
        version,
        `--projects=${names.join(',')}`,
        '--dry-run',
        '--verbose',
      ]);
      for (const name of names) {
        check(
          out.includes(changelogPreviewLine(rootOf(projects, name), name, version)),
          `no changelog preview for ${name}@${version}`,
        );
      }
      if (marker) check(out.includes(marker), `the changelog leaves out "${marker}"`);
      checkCommitAndTags(out, new Map(names.map((name) => [name, version])));
      checkUnchanged(dir, unchanged);
      return `${names.length} changelog entries, one commit "${RELEASE_SUBJECT}", ${names.length} tags`;
    });
  }

  await step('nx release publish --dry-run', async () => {
    const unchanged = gitState(dir);
    const out = await nx('publish-dry-run', ['release', 'publish', '--dry-run']);
    const publishable = projects.filter((project) => !project.private);
    for (const project of publishable) {
      check(
        out.includes(`${project.packageName}@X.X.X-dry-run`),
        `no tarball for ${project.packageName}`,
      );
    }
    const wouldPublish = out.split(`Would publish to ${registry.url}/`).length - 1;
    check(
      wouldPublish === publishable.length,
      `${wouldPublish} "Would publish to ${registry.url}/" lines for ${publishable.length} packages`,
    );
    for (const project of publishable) {
      const answer = await fetch(`${registry.url}/${project.packageName.replace('/', '%2f')}`);
      check(
        answer.status === 404,
        `${project.packageName} reached the registry (${answer.status})`,
      );
    }
    checkUnchanged(dir, unchanged);
    return `${publishable.length} packages packed, none published`;
  });

  // 3. The same steps for real, in the clone.
  const start = git(dir, ['rev-parse', 'HEAD']);
  await step('nx release version', async () => {
    const tagsBefore = git(dir, ['tag', '--list']);
    const out = await nx('version', ['release', 'version']);
    checkSameVersions(manifestVersionsOf(dir, projects, planned), planned);
    check(git(dir, ['rev-parse', 'HEAD']) === start, 'the version step committed');
    check(git(dir, ['tag', '--list']) === tagsBefore, 'the version step tagged');
    const staged = git(dir, ['diff', '--cached', '--name-only']).split('\n');
    for (const name of planned.keys()) {
      const manifest = `${rootOf(projects, name)}/package.json`;
      check(staged.includes(manifest), `${manifest} is not staged`);
    }
    // The lock file names the workspace packages' versions; npm refreshes it from the local tree.
    check(out.includes('Updating npm lock file'), 'it did not refresh the lock file');
    check(staged.includes('package-lock.json'), 'package-lock.json is not staged');
    check(git(dir, ['diff', '--name-only']) === '', 'it left unstaged changes');
    return `${planned.size} manifests and the lock file written and staged, no commit, no tag`;
  });

  await step(`nx release changelog ${[...groups.keys()].join(', ')}`, async () => {
    for (const [version, names] of groups) {
      await nx(`changelog-${version}`, [
        'release',
        'changelog',
        version,
        `--projects=${names.join(',')}`,
      ]);
    }
    const commits = git(dir, ['rev-list', `${start}..HEAD`])
      .split('\n')
      .filter(Boolean);
    check(
      commits.length === groups.size,
      `${commits.length} commits for ${groups.size} changelog runs`,
    );
    for (const commit of commits) {
      const subject = git(dir, ['log', '-1', '--format=%s', commit]);
      check(subject === RELEASE_SUBJECT, `commit ${commit} is "${subject}"`);
    }
    const bodies = commits
      .map((commit) => git(dir, ['log', '-1', '--format=%b', commit]))
      .join('\n');
    const released = git(dir, ['diff', '--name-only', start, 'HEAD']).split('\n');
    for (const [name, version] of planned) {
      const tag = `${name}@${version}`;
      check(bodies.includes(`- project: ${name} ${version}`), `no commit names ${tag}`);
      check(git(dir, ['cat-file', '-t', tag]) === 'tag', `${tag} is not an annotated tag`);
      check(
        commits.includes(git(dir, ['rev-parse', `${tag}^{commit}`])),
        `${tag} is not on a release commit`,
      );
      const projectRoot = rootOf(projects, name);
      check(
        released.includes(`${projectRoot}/package.json`),
        `${projectRoot}/package.json was not committed`,
      );
      const changelog = readFileSync(path.join(dir, projectRoot, 'CHANGELOG.md'), 'utf8');
      check(
        new RegExp(`^## ${escape(version)} `, 'm').test(changelog),
        `${projectRoot}/CHANGELOG.md has no ${version} entry`,
      );
    }
    if (marker) {
      const changelog = readFileSync(path.join(dir, projects[0].root, 'CHANGELOG.md'), 'utf8');
      check(changelog.includes(marker), `${projects[0].root}/CHANGELOG.md leaves out "${marker}"`);
    }
    check(git(dir, ['status', '--porcelain']) === '', 'the release left uncommitted changes');
    const head = git(dir, ['rev-parse', '--short', 'HEAD']);
    return `${commits.length} commit "${RELEASE_SUBJECT}" (${head}), ${planned.size} tags ({projectName}@{version}), changelogs written`;
  });
}

/** Runs one titled step and prints one line for it; a failed check ends the run. */
async function step(title, body) {
  const started = performance.now();
  try {
    const detail = await body();
    console.log(`ok    ${title}: ${detail} (${seconds(started)})`);
  } catch (error) {
    console.log(`FAIL  ${title}: ${error.message} (${seconds(started)})`);
    throw error;
  }
}

function seconds(started) {
  return `${((performance.now() - started) / 1000).toFixed(1)} s`;
}

function check(condition, message) {
  if (condition) return;
  const error = new Error(message);
  error.log = currentLog;
  throw error;
}

/**
 * `npx nx ...` in the clone, as CI runs it, with a clean environment: the npm variables of the
 * script that started this check (npm_config_local_prefix among them) would point npm at the real
 * repository. The output goes to a log file; a non-zero exit fails the step.
 */
function nxRunner(dir, registryUrl) {
  const inherited = Object.entries(process.env).filter(
    ([key]) => !/^npm_/i.test(key) && key !== 'INIT_CWD',
  );
  const env = {
    ...Object.fromEntries(inherited),
    PATH: [
      path.join(dir, 'node_modules/.bin'),
      path.dirname(process.execPath),
      process.env.PATH,
    ].join(path.delimiter),
    NX_DAEMON: 'false',
    NX_NO_CLOUD: 'true',
    NX_TUI: 'false',
    FORCE_COLOR: '0',
    NO_COLOR: '1',
    npm_config_registry: `${registryUrl}/`,
    npm_config_fetch_retries: '0',
    npm_config_update_notifier: 'false',
  };
  return (name, args) =>
    new Promise((resolve, reject) => {
      currentLog = path.join(work, `${name}.log`);
      const log = currentLog;
      const child = spawn('npx', ['nx', ...args], {
        cwd: dir,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const chunks = [];
      const collect = (chunk) => {
        chunks.push(chunk);
        if (verbose) process.stdout.write(chunk);
      };
      child.stdout.on('data', collect);
      child.stderr.on('data', collect);
      child.on('error', reject);
      child.on('close', (code) => {
        const output = plainText(Buffer.concat(chunks).toString('utf8'));
        writeFileSync(log, output);
        if (code === 0) return resolve(output);
        const error = new Error(`npx nx ${args.join(' ')} exited with ${code}`);
        error.log = log;
        reject(error);
      });
    });
}

function releaseProjects(dir) {
  const names = JSON.parse(readFileSync(path.join(dir, 'nx.json'), 'utf8')).release.projects;
  const byName = new Map();
  for (const folder of readdirSync(path.join(dir, 'packages'))) {
    const manifest = JSON.parse(
      readFileSync(path.join(dir, 'packages', folder, 'package.json'), 'utf8'),
    );
    byName.set(manifest.nx?.name ?? folder, {
      name: manifest.nx?.name ?? folder,
      root: `packages/${folder}`,
      packageName: manifest.name,
      private: manifest.private === true,
    });
  }
  return names.map((name) => {
    const project = byName.get(name);
    if (!project) throw new Error(`release project ${name} has no folder under packages/`);
    return project;
  });
}

function rootOf(projects, name) {
  const project = projects.find((candidate) => candidate.name === name);
  if (!project) throw new Error(`${name} is not a release project`);
  return project.root;
}

function manifestVersions(dir, projects) {
  return new Map(
    projects.map((project) => [
      project.name,
      JSON.parse(readFileSync(path.join(dir, project.root, 'package.json'), 'utf8')).version,
    ]),
  );
}

function manifestVersionsOf(dir, projects, names) {
  const all = manifestVersions(dir, projects);
  return new Map([...names.keys()].map((name) => [name, all.get(name)]));
}

// The tree, HEAD and tags, to show that a dry run left all three alone.
function gitState(dir) {
  return {
    head: git(dir, ['rev-parse', 'HEAD']),
    tags: git(dir, ['tag', '--list']),
    status: git(dir, ['status', '--porcelain']),
  };
}

function checkUnchanged(dir, before) {
  const after = gitState(dir);
  check(after.head === before.head, 'the dry run committed');
  check(after.tags === before.tags, 'the dry run tagged');
  check(after.status === before.status, `the dry run changed files:\n${after.status}`);
}

function checkBumps(planned, before) {
  for (const [name, version] of planned) {
    check(before.has(name), `${name} is not a release project`);
    check(version !== before.get(name), `${name} keeps ${version}`);
  }
}

function checkSameVersions(actual, expected) {
  const show = (versions) =>
    [...versions]
      .map(([name, version]) => `${name}@${version}`)
      .sort()
      .join(' ');
  check(show(actual) === show(expected), `versions ${show(actual)} differ from ${show(expected)}`);
}

// The commit and tags a verbose dry run announces: one commit with the release subject naming
// every project, one `{projectName}@{version}` tag per project.
function checkCommitAndTags(out, versions) {
  const messages = commitMessages(out);
  check(messages !== undefined, 'it would make no commit');
  check(messages[0] === RELEASE_SUBJECT, `the commit subject is "${messages[0]}"`);
  for (const [name, version] of versions) {
    check(
      messages.includes(`- project: ${name} ${version}`),
      `the commit does not name ${name} ${version}`,
    );
  }
  const expected = [...versions].map(([name, version]) => `${name}@${version}`).sort();
  const tags = tagNames(out).sort();
  check(
    tags.join(' ') === expected.join(' '),
    `tags ${tags.join(' ')}, expected ${expected.join(' ')}`,
  );
}

function byVersion(versions) {
  const groups = new Map();
  for (const [name, version] of versions)
    groups.set(version, [...(groups.get(version) ?? []), name]);
  return groups;
}

function describeVersions(planned, before) {
  const moves = new Map();
  for (const [name, version] of planned) {
    const move = `${before.get(name)} -> ${version}`;
    moves.set(move, [...(moves.get(move) ?? []), name]);
  }
  return [...moves].map(([move, names]) => `${names.join(', ')} ${move}`).join('; ');
}

// A conventional fix in the first release project, so that a release has something to do.
function addFixCommit(dir, project) {
  const message = 'release check entry';
  writeFileSync(path.join(dir, project.root, 'RELEASE-CHECK.md'), `${message}\n`);
  git(dir, ['add', '--all']);
  git(dir, ['commit', '--quiet', '--message', `fix(${project.name}): ${message}`]);
  return message;
}

function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function tail(text, lines) {
  return text.split('\n').slice(-lines).join('\n');
}
