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
import { script } from './script';
import { punctuation } from './punctuation';
import { hardWrap } from './hardWrap';
import { numberUsage } from './numberUsage';

export const RULES: Rule[] = [
  announcedCount,
  numberingSequence,
  headingHierarchy,
  sectionBalance,
  headingParallelism,
  placeholder,
  webResidue,
  conversionResidue,
  script,
  punctuation,
  hardWrap,
  numberUsage,
  stockPhrase,
  wording,
  duplicateWord,
  repeatedSentence,
];
