import { readRepoFile } from './repo.js';

export type Instruction = { keyword: string; flags: Record<string, string>; args: string; line: number };
export type Stage = { base: string; name?: string; instructions: Instruction[] };
export type Dockerfile = { args: Record<string, string>; stages: Stage[] };

/** Joins `\` continuations and drops comments and blank lines, keeping each instruction's first line. */
function logicalLines(text: string): Array<{ text: string; line: number }> {
  const lines: Array<{ text: string; line: number }> = [];
  let pending: { text: string; line: number } | undefined;
  text.split('\n').forEach((raw, index) => {
    const trimmed = raw.trim();
    if (trimmed.startsWith('#') || (trimmed === '' && !pending)) return;
    const continues = trimmed.endsWith('\\');
    const part = continues ? trimmed.slice(0, -1) : trimmed;
    pending = pending ? { ...pending, text: `${pending.text} ${part}` } : { text: part, line: index + 1 };
    if (!continues) {
      lines.push(pending);
      pending = undefined;
    }
  });
  return lines;
}

function parseInstruction(text: string, line: number): Instruction {
  const [keyword = '', ...rest] = text.split(/\s+/);
  const flags: Record<string, string> = {};
  const words = [...rest];
  while (words[0]?.startsWith('--')) {
    const [flag = '', value = ''] = (words.shift() ?? '').slice(2).split('=');
    flags[flag] = value;
  }
  return { keyword: keyword.toUpperCase(), flags, args: words.join(' '), line };
}

/** A Dockerfile's global ARGs (before the first FROM) and its stages with their instructions. */
export function parseDockerfile(path = 'infra/docker/Dockerfile'): Dockerfile {
  const dockerfile: Dockerfile = { args: {}, stages: [] };
  for (const { text, line } of logicalLines(readRepoFile(path))) {
    const instruction = parseInstruction(text, line);
    if (instruction.keyword === 'FROM') {
      const [base = '', as, name] = instruction.args.split(/\s+/);
      dockerfile.stages.push({ base, name: as?.toUpperCase() === 'AS' ? name : undefined, instructions: [] });
    } else if (dockerfile.stages.length === 0 && instruction.keyword === 'ARG') {
      const [name = '', value = ''] = instruction.args.split('=');
      dockerfile.args[name] = value;
    } else {
      dockerfile.stages.at(-1)?.instructions.push(instruction);
    }
  }
  return dockerfile;
}

/** `${NAME}` / `$NAME` from the global ARG defaults. */
export function resolveArgs(text: string, args: Record<string, string>): string {
  return text.replace(/\$\{(\w+)\}|\$(\w+)/g, (match, braced?: string, bare?: string) => {
    return args[braced ?? bare ?? ''] ?? match;
  });
}

/** The words of an exec-form (JSON array) instruction, or of a shell-form one split on spaces. */
export function words(instruction: Instruction): string[] {
  const { args } = instruction;
  return args.startsWith('[') ? (JSON.parse(args) as string[]) : args.split(/\s+/);
}

export function instructionsOf(stage: Stage, keyword: string): Instruction[] {
  return stage.instructions.filter((instruction) => instruction.keyword === keyword);
}
