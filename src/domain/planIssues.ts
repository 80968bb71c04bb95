import type { z } from 'zod';
import { EXCEL_LIMITS } from './excelLimits';
import { describeInput } from './planFields';
import { pathText } from './jsonText';
import type { Problem } from './problems';

/**
 * zod's findings as the plan's problems: at the JSON path of the field, in a finance lead's words
 * (zod's own messages, "Invalid input: expected string, received number", are for programmers).
 */
export function issueProblems(issues: readonly z.core.$ZodIssue[]): Problem[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      const lines = issue.message.split('\n');
      return issue.keys.map((key, i) => problem([...issue.path, key], lines[i] ?? issue.message));
    }
    return [problem(issue.path, issueMessage(issue))];
  });
}

function problem(path: readonly PropertyKey[], message: string): Problem {
  return { severity: 'error', where: { path: pathText(path) }, message };
}

const KIND_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  map: 'an object',
  record: 'an object',
};

/** One finding of zod's in a finance lead's words. */
export function issueMessage(issue: z.core.$ZodIssue): string {
  const input = 'input' in issue ? issue.input : undefined;
  switch (issue.code) {
    case 'custom':
      return issue.message;
    case 'invalid_type':
      if (input === undefined)
        return `expected ${KIND_WORDS[issue.expected] ?? issue.expected}: this field is required`;
      return `expected ${KIND_WORDS[issue.expected] ?? issue.expected}, found ${describeInput(input)}`;
    case 'too_big':
      if (issue.origin === 'string')
        return `the text is ${String(input).length.toLocaleString('en-GB')} characters long; ${Number(issue.maximum) === EXCEL_LIMITS.cellText ? 'an Excel cell holds' : 'this field takes'} at most ${Number(issue.maximum).toLocaleString('en-GB')}`;
      if (issue.origin === 'array')
        return `the list has ${(input as unknown[]).length.toLocaleString('en-GB')} items; at most ${Number(issue.maximum).toLocaleString('en-GB')} are allowed`;
      return `too large: at most ${String(issue.maximum)}`;
    case 'too_small':
      if (issue.origin === 'string') return "this text can't be blank";
      if (issue.origin === 'array')
        return `the list needs at least ${String(issue.minimum)} item${issue.minimum === 1 ? '' : 's'}`;
      return `too small: at least ${String(issue.minimum)}`;
    case 'invalid_value':
      return `expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}, found ${describeInput(input)}`;
    case 'invalid_union':
      if ('note' in issue && issue.note === 'No matching discriminator')
        return `"kind" must be one of the kinds listed in docs/PLAN-FORMAT.md, found ${describeInput((input as Record<string, unknown> | undefined)?.kind)}`;
      return `this doesn't match any form the field takes (found ${describeInput(input)}); see docs/PLAN-FORMAT.md`;
    default:
      return `${issue.message.replace(/^Invalid input: ?/, '')}`;
  }
}
