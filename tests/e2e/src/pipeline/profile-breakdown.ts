// Where a worker's main-thread CPU goes, from a V8 CPU profile (`node --cpu-prof`): each sample is charged
// to the first frame of its stack, from the leaf up, that belongs to a known part of the work (the
// library or the service code running it); Node's own stream and buffer code is charged to its caller.
import { readFileSync } from 'node:fs';

export const PARTS = ['query', 'workbook', 'render', 'smtp', 'queue', 'service code', 'gc', 'other'] as const;
export type Part = (typeof PARTS)[number] | 'startup' | 'idle';

const LIBRARY_PARTS: [RegExp, Part][] = [
  [/^(postgres|drizzle-orm)$/, 'query'],
  [
    /^(exceljs|archiver|archiver-utils|zip-stream|compress-commons|crc32-stream|crc-32|readable-stream|lazystream|async|normalize-path|buffer-crc32|lodash\..+)$/,
    'workbook',
  ],
  [
    /^(react|react-dom|scheduler|@react-email\/.+|html-to-text|htmlparser2|selderee|@selderee\/.+|parseley|peberminta|leac|domhandler|domutils|dom-serializer|entities|prismjs|deepmerge|md-to-react-email|marked)$/,
    'render',
  ],
  [/^nodemailer$/, 'smtp'],
  [
    /^(bullmq|ioredis|msgpackr|cluster-key-slot|standard-as-callback|denque|redis-errors|redis-parser|cron-parser)$/,
    'queue',
  ],
];

type ProfileNode = { id: number; callFrame: { functionName: string; url: string }; children?: number[] };
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

function libraryOf(url: string): string | null {
  const match = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(url);
  return match?.[1] ?? null;
}

/** The part a frame belongs to, or null for Node internals (charged to their caller). */
function partOf({ functionName, url }: ProfileNode['callFrame']): Part | null {
  if (!url) {
    if (functionName === '(garbage collector)') return 'gc';
    if (functionName === '(idle)') return 'idle';
    return functionName === '(program)' ? 'other' : null;
  }
  if (url.startsWith('node:')) return url.includes('internal/modules/') ? 'startup' : null;
  const library = libraryOf(url);
  if (!library) return 'service code';
  return LIBRARY_PARTS.find(([pattern]) => pattern.test(library))?.[1] ?? 'other';
}

/** Milliseconds of main-thread CPU per part (idle and module loading apart). */
export function profileBreakdown(file: string): Map<Part, number> {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const totals = new Map<Part, number>();
  profile.samples.forEach((leaf, index) => {
    let id: number | undefined = leaf;
    let part: Part | null = null;
    while (id !== undefined && part === null) {
      const node = nodes.get(id);
      part = node ? partOf(node.callFrame) : null;
      id = parents.get(id as number);
    }
    const key = part ?? 'other';
    totals.set(key, (totals.get(key) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
  });
  return totals;
}

/** Adds the second breakdown into the first. */
export function addBreakdown(into: Map<Part, number>, from: Map<Part, number>): Map<Part, number> {
  for (const [part, ms] of from) into.set(part, (into.get(part) ?? 0) + ms);
  return into;
}
