// A throwaway clone of the repository in which `nx release` may commit and tag for real: it holds
// the working tree as it is on disk (committed or not) and borrows the repository's installed
// dependencies, so it needs no install and nothing in it can reach the real repository.
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readlinkSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import path from 'node:path';

/** Runs git in `cwd` and returns its trimmed output. */
export function git(cwd, args, env = process.env) {
  return execFileSync('git', args, { cwd, env, encoding: 'utf8' }).trim();
}

// NUL-separated output, for paths with any character in them.
function gitPaths(cwd, args) {
  // Reading the real repository must not rewrite its index (git refreshes it opportunistically).
  const env = { ...process.env, GIT_OPTIONAL_LOCKS: '0' };
  return execFileSync('git', args, { cwd, env, encoding: 'utf8' }).split('\0').filter(Boolean);
}

/**
 * Clones `root` into `<parent>/workspace`, replays its uncommitted changes there as one commit,
 * and links its node_modules.
 *
 * @example
 * const clone = createThrowawayClone('/work/main', mkdtempSync(path.join(tmpdir(), 'x-')));
 * // clone: { dir, baseCommit, snapshotFiles }
 */
export function createThrowawayClone(root, parent) {
  const dir = path.join(parent, 'workspace');
  git(parent, ['clone', '--quiet', root, dir]);
  // Without a remote a stray `git push` has nowhere to go.
  git(dir, ['remote', 'remove', 'origin']);
  git(dir, ['config', 'user.name', 'Scones release check']);
  git(dir, ['config', 'user.email', 'release-check@scones.invalid']);
  git(dir, ['config', 'commit.gpgSign', 'false']);
  git(dir, ['config', 'tag.gpgSign', 'false']);
  const baseCommit = git(dir, ['rev-parse', '--short', 'HEAD']);
  const snapshotFiles = replayWorkingTree(root, dir);
  linkDependencies(root, dir);
  return { dir, baseCommit, snapshotFiles };
}

// Copies every file that differs from HEAD (staged or not, untracked but not ignored) and removes
// the deleted ones, then commits them as a `chore` so that they bump no version.
function replayWorkingTree(root, dir) {
  const changed = gitPaths(root, ['diff', '--name-only', '--no-renames', '-z', 'HEAD', '--']);
  const untracked = gitPaths(root, ['ls-files', '-z', '--others', '--exclude-standard']);
  const files = [...new Set([...changed, ...untracked])];
  for (const file of files) {
    const from = path.join(root, file);
    const to = path.join(dir, file);
    if (exists(from)) {
      mkdirSync(path.dirname(to), { recursive: true });
      cpSync(from, to, { verbatimSymlinks: true });
    } else {
      rmSync(to, { force: true });
    }
  }
  if (files.length > 0) {
    git(dir, ['add', '--all']);
    git(dir, ['commit', '--quiet', '--message', 'chore: uncommitted changes of the working tree']);
  }
  return files.length;
}

function exists(file) {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

// One link per installed package instead of one link for the whole folder: npm writes its own
// files into node_modules (.package-lock.json when Nx refreshes the lock file), and those must land
// in the clone, not in the repository. Workspace packages are relative links (../../packages/x);
// recreated as such they point at the clone's own packages.
function linkDependencies(root, dir) {
  linkFolder(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
  const packages = path.join(root, 'packages');
  for (const name of readdirSync(packages)) {
    const nested = path.join(packages, name, 'node_modules');
    if (existsSync(nested)) symlinkSync(nested, path.join(dir, 'packages', name, 'node_modules'));
  }
}

function linkFolder(from, to) {
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) {
    if (name.startsWith('.') && name !== '.bin') continue; // npm's and tools' own state
    const source = path.join(from, name);
    const target = path.join(to, name);
    if (name.startsWith('@') && holdsRelativeLinks(source)) linkFolder(source, target);
    else if (isRelativeLink(source)) symlinkSync(readlinkSync(source), target);
    else symlinkSync(source, target);
  }
}

function isRelativeLink(file) {
  return lstatSync(file).isSymbolicLink() && !path.isAbsolute(readlinkSync(file));
}

function holdsRelativeLinks(folder) {
  return readdirSync(folder).some((name) => isRelativeLink(path.join(folder, name)));
}
