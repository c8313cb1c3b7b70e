// The rule registry: every rule the server, the CLI and the README know of.

import type { Rule } from '../rule';
import { announcedCount } from './announcedCount';
import { headingHierarchy } from './headingHierarchy';
import { headingParallelism } from './headingParallelism';
import { numberingSequence } from './numberingSequence';
import { placeholder } from './placeholder';
import { sectionBalance } from './sectionBalance';
import { webResidue } from './webResidue';
import { stockPhrase } from './stockPhrase';
import { wording } from './wording';
import { duplicateWord } from './duplicateWord';
import { repeatedSentence } from './repeatedSentence';
import { conversionResidue } from './conversionResidue';

export const RULES: Rule[] = [
  announcedCount,
  numberingSequence,
  headingHierarchy,
  sectionBalance,
  headingParallelism,
  placeholder,
  webResidue,
  conversionResidue,
  stockPhrase,
  wording,
  duplicateWord,
  repeatedSentence,
];
